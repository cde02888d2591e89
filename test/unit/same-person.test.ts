import { describe, expect, it } from "vitest";
import { readUpdate } from "../support/update-expression.js";
import { contactKeys } from "../../packages/core/src/lead/contact-claims.js";
import { CounterLedger } from "../../packages/core/src/lead/counter-ledger.js";
import { withinWindow } from "../../packages/core/src/lead/same-person.js";

const ctx = { table: "t", timeZone: "Europe/Moscow", now: () => new Date("2026-03-02T09:00:00Z") } as any;

describe("contact keys", () => {
  it("knows a person by an E.164 phone and a lower-cased e-mail, and by nothing else", () => {
    expect(contactKeys({ phone: "+79161234567", email: " Anna.Smirnova@Example.RU " })).toEqual([
      { kind: "phone", value: "+79161234567" },
      { kind: "email", value: "anna.smirnova@example.ru" },
    ]);
    // A phone kept as the sender wrote it (not normalizable) and a note in the e-mail field identify nobody.
    expect(contactKeys({ phone: "доб. 12", email: "позвоните вечером" })).toEqual([]);
    expect(contactKeys({ phone: null, email: `${"a".repeat(250)}@x.ru` })).toEqual([]);
  });
});

describe("the window", () => {
  it("takes 30 days by default, both ways, and links nothing at 0", () => {
    expect(withinWindow(ctx, "2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z")).toBe(true);
    expect(withinWindow(ctx, "2026-03-31T00:00:01Z", "2026-03-01T00:00:00Z")).toBe(false);
    expect(withinWindow({ ...ctx, dedupWindowDays: 0 }, "2026-03-01T00:00:00Z", "2026-03-01T00:00:00Z")).toBe(false);
  });
});

describe("the counter ledger of a merge", () => {
  it("takes back both leads and counts the merged one, one update per counter item, nothing for what cancels out", () => {
    const form = { campaignId: "C1", cohortDay: "2026-03-02", stage: "qualified", furthestStage: "qualified" as const };
    const deal = { campaignId: "C1", cohortDay: "2026-03-02", stage: "won", furthestStage: "won" as const, amountKopecks: 1_500_000, wonDay: "2026-03-05" };
    const merged = { ...form, stage: "won", furthestStage: "won" as const, amountKopecks: 1_500_000, wonDay: "2026-03-05" };
    const items = new CounterLedger().count(form, -1).count(deal, -1).count(merged, 1).items(ctx);

    // The day loses one lead (two taken back, one counted); the win and its revenue cancel out.
    expect(items).toHaveLength(1);
    const update = items[0]!.Update!;
    expect(update.Key).toEqual({ pk: "COUNTERS#C1", sk: "DAY#2026-03-02" });
    expect(readUpdate(update).add).toEqual({ leads: -1, contacted: -1, qualified: -1 });
  });

  it("moves a lost lead's count and reason to the campaign it is attributed to", () => {
    const lost = { campaignId: null, cohortDay: "2026-03-02", stage: "lost", furthestStage: "new" as const, lostReason: "Дорого" };
    const items = new CounterLedger().count(lost, -1).count({ ...lost, campaignId: "C2" }, 1).items(ctx);
    expect(items.map((item) => item.Update!.Key)).toEqual([
      { pk: "COUNTERS#UNATTRIBUTED", sk: "DAY#2026-03-02" },
      { pk: "COUNTERS#C2", sk: "DAY#2026-03-02" },
      { pk: "COUNTERS#UNATTRIBUTED", sk: "LOST#2026-03-02#дорого" },
      { pk: "COUNTERS#C2", sk: "LOST#2026-03-02#дорого" },
    ]);
  });
});
