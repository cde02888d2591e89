import { describe, expect, it } from "vitest";
import { dayWord } from "../../packages/web/src/i18n/plural.js";

describe("Russian plural forms", () => {
  it("says 1 день, 2 дня, 5 дней, 11 дней, 21 день, 112 дней", () => {
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112].map((n) => `${n} ${dayWord(n)}`)).toEqual([
      "1 день", "2 дня", "4 дня", "5 дней", "11 дней", "12 дней", "14 дней", "21 день", "22 дня", "25 дней", "101 день", "111 дней", "112 дней",
    ]);
  });
});
