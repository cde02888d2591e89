import { describe, expect, it } from "vitest";
import { moneyInputValue, moneyText, readMoney } from "../../packages/web/src/money-input.js";

describe("money typed into a form", () => {
  it("reads thousands parted by spaces (plain, no-break, narrow) and a decimal comma or point", () => {
    for (const typed of ["600 000", "600000", " 600 000 ", "600\u00a0000", "600\u202f000", "600 000,00", "600000.00"]) expect(readMoney(typed), typed).toBe(60_000_000);
    for (const typed of ["600 000,50", "600000.50", "600 000,5", "600000,50"]) expect(readMoney(typed), typed).toBe(60_000_050);
  });

  it("tells a blank field (undefined) from one that is not an amount (null)", () => {
    expect(readMoney(undefined)).toBeUndefined();
    expect(readMoney("   ")).toBeUndefined();
    for (const typed of ["lots", "600,000.50", "600 000,555", "6e5", "1.2.3", "--5"]) expect(readMoney(typed), typed).toBeNull();
  });

  it("hands the domain a plain decimal, or the text as typed for the schema to refuse by the field's name", () => {
    expect(moneyText("600 000,50")).toBe("600000.50");
    expect(moneyText("150 000")).toBe("150000.00");
    expect(moneyText("")).toBeUndefined();
    expect(moneyText("много")).toBe("много");
  });

  it("shows an amount back as people write it, kopecks only when there are any", () => {
    expect(moneyInputValue(60_000_000, "ru")).toBe("600 000");
    expect(moneyInputValue(60_000_050, "ru")).toBe("600 000,50");
    expect(moneyInputValue(60_000_050, "en")).toBe("600 000.50");
    expect(moneyInputValue(5, "ru")).toBe("0,05");
    expect(moneyInputValue(99_900, "ru")).toBe("999");
    expect(moneyInputValue(123_456_789_00, "ru")).toBe("123 456 789");
    expect(moneyInputValue(-150_000, "ru")).toBe("-1 500");
  });

  it("reads back whatever it shows", () => {
    for (const kopecks of [0, 1, 99, 100, 100_000, 60_000_050, 123_456_789_01]) {
      expect(readMoney(moneyInputValue(kopecks, "ru"))).toBe(kopecks);
      expect(readMoney(moneyInputValue(kopecks, "en"))).toBe(kopecks);
    }
  });
});
