import { describe, expect, it } from "vitest";
import { enDays, ruDays } from "../../packages/web/src/i18n/plural.js";

describe("day counts in words", () => {
  it("takes the Russian form the number asks for", () => {
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(ruDays)).toEqual([
      "1 день", "2 дня", "4 дня", "5 дней", "11 дней", "12 дней", "14 дней", "21 день", "22 дня", "25 дней", "101 день", "111 дней",
    ]);
  });

  it("says day or days in English", () => {
    expect([1, 2, 21].map(enDays)).toEqual(["1 day", "2 days", "21 days"]);
  });
});
