import { describe, expect, it } from "vitest";
import type { Ctx } from "../../packages/core/src/context.js";
import { addLostReason, addToDay, addWin, recordSpend } from "../../packages/core/src/counters/cohort-counters.js";
import { RawArchive } from "../../packages/core/src/intake/raw-archive.js";
import { UnmappedLossReasons } from "../../packages/core/src/source/unmapped-loss-reasons.js";

const ctx = { table: "t", timeZone: "Europe/Moscow", now: () => new Date("2026-03-02T09:00:00Z") } as unknown as Ctx;

// A cancelled transaction reports its items by these names, and lead capture reads its duplicate by "captureMarker".
describe("the names of intake's transaction items", () => {
  it("names the capture marker and each counter", () => {
    expect(RawArchive.captureMarker(ctx, "D1", 0).item("L1").name).toBe("captureMarker");
    expect(addToDay(ctx, "c1", "2026-03-02", { leads: 1 }).name).toBe("dayCounter");
    expect(recordSpend(ctx, "c1", "2026-03-02", 100).name).toBe("dayCounter");
    expect(addWin(ctx, null, "2026-03-02", "2026-03-04", { won: 1, revenue: 100 }).name).toBe("winCounter");
    expect(addLostReason(ctx, "c1", "2026-03-02", "Дорого", 1).name).toBe("lostReasonCounter");
    expect(UnmappedLossReasons.seen(ctx, "s1", "77").name).toBe("unmappedLossReason");
  });

  it("keeps the keys the items always had", () => {
    expect(RawArchive.captureMarker(ctx, "D1", 7).item("L1").Put!.Item).toMatchObject({ pk: "RAW#D1", sk: "CAPTURED#000007", type: "rawCapture", leadId: "L1" });
    expect(addToDay(ctx, null, "2026-03-02", { leads: 1 }).Update!.Key).toEqual({ pk: "COUNTERS#UNATTRIBUTED", sk: "DAY#2026-03-02" });
    expect(addWin(ctx, "c1", "2026-03-02", "2026-03-04", { won: 1, revenue: 100 }).Update!.Key).toEqual({ pk: "COUNTERS#c1", sk: "WIN#2026-03-02#2026-03-04" });
    expect(UnmappedLossReasons.seen(ctx, "s1", "77").Update!.Key).toEqual({ pk: "SOURCE#s1", sk: "UNMAPPEDLOSS#77" });
  });
});
