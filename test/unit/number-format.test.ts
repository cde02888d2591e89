import { describe, expect, it } from "vitest";
import { numbersIn } from "../../packages/core/src/format/numbers.js";
import { changeRu, moneyCell, moneyRu, percentCell, percentRu } from "../../packages/core/src/report/format.js";
import { formatterFor } from "../../packages/web/src/i18n/format.js";

const nbsp = "\u00a0";

describe("numbers for people, one Intl module for reports and pages", () => {
  it("writes the same rouble amount and percentage alike in the mailed report and on the Russian page", () => {
    const page = formatterFor("ru", "Europe/Moscow");

    expect(moneyRu("1234567.50")).toBe(`1${nbsp}234${nbsp}567,50${nbsp}₽`);
    expect(page.money("1234567.50")).toBe(moneyRu("1234567.50"));
    expect(page.kopecks(123_456_750)).toBe(moneyRu("1234567.50"));
    expect(percentRu(0.1234)).toBe(`12,34${nbsp}%`);
    expect(page.percent(0.1234)).toBe(`12,3${nbsp}%`);
  });

  it("keeps every kopeck of a decimal string too long for a float", () => {
    // 17 significant digits: as a JavaScript number the last digits would change.
    expect(numbersIn("ru").money("12345678901234567.89")).toBe(`12${nbsp}345${nbsp}678${nbsp}901${nbsp}234${nbsp}567,89${nbsp}₽`);
    expect(formatterFor("en", "UTC").money("12345678901234567.89")).toBe(`RUB${nbsp}12,345,678,901,234,567.89`);
    expect(moneyCell("12345678901234567.89")).toBe("12345678901234567,89");
  });

  it("writes spreadsheet cells ungrouped with a decimal comma, and changes with their sign", () => {
    expect(moneyCell("-1234.50")).toBe("-1234,50");
    expect(percentCell(0.5)).toBe("50,00");
    expect(changeRu(3, "count")).toBe("+3");
    expect(changeRu(0, "count")).toBe("0");
    expect(changeRu("-1234.50", "money")).toBe(`-1${nbsp}234,50${nbsp}₽`);
    expect(changeRu("1234.50", "money")).toBe(`+1${nbsp}234,50${nbsp}₽`);
    expect(changeRu(-0.021, "rate")).toBe(`-2,10${nbsp}п.п.`);
  });

  it("writes English figures the English way", () => {
    const en = numbersIn("en");
    expect(en.number(1234)).toBe("1,234");
    expect(en.percent(0.1234)).toBe("12.3%");
    expect(en.money(12.5, { digits: { upTo: 0 } })).toBe(`RUB${nbsp}13`);
  });
});
