import { describe, expect, it } from "vitest";
import { formatterFor } from "../../packages/web/src/i18n/format.js";
import { pickLang } from "../../packages/web/src/i18n/index.js";

describe("the page language", () => {
  it("follows the browser's list by its weights, then falls back to Russian", () => {
    expect(pickLang("en-US,en;q=0.9", undefined)).toBe("en");
    expect(pickLang("ru-RU,ru;q=0.9,en-US;q=0.8", undefined)).toBe("ru");
    expect(pickLang("en;q=0.4, ru;q=0.8", undefined)).toBe("ru");
    expect(pickLang("de-DE,de;q=0.9,en;q=0.5", undefined)).toBe("en");
    expect(pickLang("fr-FR", undefined)).toBe("ru");
    expect(pickLang("en;q=0", undefined)).toBe("ru");
    expect(pickLang(undefined, undefined)).toBe("ru");
  });

  it("lets the switch's cookie win over the browser, unless it names no language of ours", () => {
    expect(pickLang("ru-RU", "en")).toBe("en");
    expect(pickLang("en-GB", "xx")).toBe("en");
  });
});

describe("figures in the reader's locale", () => {
  const ru = formatterFor("ru-RU", "Europe/Moscow");
  const en = formatterFor("en-GB", "Europe/Moscow");
  const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

  it("writes money from kopecks or decimal strings, roubles by default", () => {
    expect(spaces(ru.kopecks(15_000_050))).toBe("150 000,50 ₽");
    expect(spaces(en.kopecks(15_000_050))).toBe("RUB 150,000.50");
    expect(spaces(ru.money("1234.5", "USD"))).toBe("1 234,50 $");
  });

  it("writes an amount as a person does: whole roubles without kopecks, kopecks only when there are some", () => {
    expect(spaces(ru.amount(60_000_000))).toBe("600 000 ₽");
    expect(spaces(ru.amount(60_000_050))).toBe("600 000,50 ₽");
    expect(spaces(ru.amount(60_000_005))).toBe("600 000,05 ₽");
    expect(spaces(en.amount(-150_000))).toBe("-RUB 1,500");
  });

  it("writes calendar days as they are, and instants in the workspace time zone", () => {
    expect(spaces(ru.day("2026-03-01"))).toBe("1 мар. 2026 г.");
    expect(en.day("2026-03-01")).toBe("1 Mar 2026");
    expect(en.dateTime("2026-03-01T22:30:00Z")).toBe("2 Mar 2026, 01:30");
  });

  it("writes numbers and percents with the locale's separators", () => {
    expect(spaces(ru.number(12345.5))).toBe("12 345,5");
    expect(en.number(12345.5)).toBe("12,345.5");
    expect(spaces(ru.percent(0.05))).toBe("5 %");
  });
});
