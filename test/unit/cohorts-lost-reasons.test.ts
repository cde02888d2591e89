import { describe, expect, it } from "vitest";
import type { Ctx } from "../../packages/core/src/context.js";
import { addLostReason, LOST_REASON_MAX, moveLostReason, normalizeLostReason } from "../../packages/core/src/counters/cohort-counters.js";
import { readUpdate } from "../support/update-expression.js";

const ctx = { table: "t", timeZone: "Europe/Moscow", now: () => new Date() } as unknown as Ctx;
const keyOf = (item: ReturnType<typeof addLostReason>) => item.Update!.Key!;
const deltaOf = (item: ReturnType<typeof addLostReason>) => readUpdate(item.Update!).add.lost;

describe("lost reasons as counted", () => {
  it("counts spellings that differ only in case and spacing as one reason", () => {
    expect(normalizeLostReason("  Нет   бюджета ")).toBe("нет бюджета");
    expect(normalizeLostReason("НЕТ БЮДЖЕТА")).toBe(normalizeLostReason("нет\tбюджета"));
  });

  it("caps a long reason so that it fits in a key", () => {
    const long = "очень ".repeat(100);
    expect([...normalizeLostReason(long)]).toHaveLength(LOST_REASON_MAX);
    expect(keyOf(addLostReason(ctx, "c1", "2026-02-02", long, 1)).sk).toBe(`LOST#2026-02-02#${normalizeLostReason(long)}`);
    // A cut that lands on a space does not leave it dangling.
    expect(normalizeLostReason("abcd ".repeat(30))).toBe("abcd ".repeat(20).trimEnd());
  });

  it("keeps the spelling first given and counts under the normalized one", () => {
    const item = addLostReason(ctx, "c1", "2026-02-02", " Дорого ", 1);
    expect(keyOf(item)).toEqual({ pk: "COUNTERS#c1", sk: "LOST#2026-02-02#дорого" });
    expect(readUpdate(item.Update!).setIfMissing).toEqual({ reason: "Дорого" });
  });

  it("moves a lead's count from its old reason to its new one, and does nothing when they are the same reason", () => {
    const moved = moveLostReason(ctx, "c1", "2026-02-02", "дорого", "Нет бюджета");
    expect(moved.map((item) => [keyOf(item).sk, deltaOf(item)])).toEqual([
      ["LOST#2026-02-02#дорого", -1],
      ["LOST#2026-02-02#нет бюджета", 1],
    ]);
    expect(moveLostReason(ctx, "c1", "2026-02-02", "Дорого", " дорого")).toEqual([]);
    expect(moveLostReason(ctx, "c1", "2026-02-02", null, "дорого").map(deltaOf)).toEqual([1]);
    expect(moveLostReason(ctx, "c1", "2026-02-02", "дорого", null).map(deltaOf)).toEqual([-1]);
    expect(moveLostReason(ctx, null, "2026-02-02", null, null)).toEqual([]);
  });
});
