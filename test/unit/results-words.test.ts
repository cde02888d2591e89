import { describe, expect, it } from "vitest";
import { dictionaries } from "../../packages/web/src/i18n/index.js";
import { duration } from "../../packages/web/src/pages/results.js";

describe("time to first contact in working words", () => {
  it("says minutes under an hour, hours and minutes under a day, days and hours beyond", () => {
    expect([0, 45, 60, 80, 1439, 1440, 3030].map((m) => duration(dictionaries.ru.results, m))).toEqual(["0 мин", "45 мин", "1 ч", "1 ч 20 мин", "23 ч 59 мин", "1 дн", "2 дн 2 ч"]);
    expect([45, 80, 3030].map((m) => duration(dictionaries.en.results, m))).toEqual(["45 min", "1 h 20 min", "2 d 2 h"]);
  });
});
