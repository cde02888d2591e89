import { beforeAll, describe, expect, it } from "vitest";
import { ReportResends } from "../../packages/core/src/report/resend.js";
import { createHarness, type Harness } from "../support/harness.js";
import { token } from "../support/intake.js";
import { importArrivals, newCampaign, newContractor, newHypothesis, outboxTo } from "../support/reports.js";

// Monday 9 March 2026, 09:00 Moscow: the weekly run for 2-8 March.
const MONDAY = "2026-03-09T06:00:00Z";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: MONDAY });
});

/** A contractor with an address, a campaign, and its weekly report sent: the report's id. */
async function sentReport(email = `${token()}@agency.example`) {
  const contractorId = await newContractor(h, { email });
  const hypothesis = await newHypothesis(h, { cplMax: "1500" });
  const campaign = await newCampaign(h, hypothesis.id, contractorId);
  await importArrivals(h, campaign.utm, [{ day: "2026-03-03", leads: 2 }]);
  const run = await h.call("POST", "/api/reports/run", { period: "weekly" });
  expect(run.status, run.text).toBe(200);
  const reportId: string = run.body.results.find((r: any) => r.contractorId === contractorId).reportId;
  return { contractorId, email, reportId };
}

describe("sending one kept report again", () => {
  it("mails the same report again to the contractor, recorded with who asked and when", async () => {
    const { email, reportId } = await sentReport();
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer", name: "Мария" })).body;
    h.setNow("2026-03-10T08:30:00Z");

    const again = await h.call("POST", `/api/reports/${reportId}/resend`, undefined, { key: marketer.key });

    expect(again.status, again.text).toBe(201);
    expect(again.body).toMatchObject({ reportId, recipient: email, status: "sent", at: "2026-03-10T08:30:00.000Z", actor: { keyId: marketer.id, role: "marketer", name: "Мария" } });
    const mails = await outboxTo(h, email);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe(mails[1]!.subject);
    expect(mails[0]!.html).toBe(mails[1]!.html);
    expect(again.body.messageId).toBe((await h.call("GET", "/api/outbox?limit=1")).body.items[0].id);
    const listed = await h.call("GET", `/api/reports/${reportId}/resends`);
    expect(listed.body.items).toEqual([again.body]);
    // The original stays as it was sent.
    expect((await h.call("GET", `/api/reports/${reportId}`)).body).toMatchObject({ status: "sent", attempts: 1 });
    h.setNow(MONDAY);
  });

  it("sends once per Idempotency-Key, and again for a new request", async () => {
    const { email, reportId } = await sentReport();
    const headers = { "idempotency-key": `resend-${token()}` };
    const first = await h.call("POST", `/api/reports/${reportId}/resend`, undefined, { headers });
    const repeated = await h.call("POST", `/api/reports/${reportId}/resend`, undefined, { headers });
    const fresh = await h.call("POST", `/api/reports/${reportId}/resend`);
    expect([first.status, repeated.status, fresh.status]).toEqual([201, 200, 201]);
    expect(repeated.body.id).toBe(first.body.id);
    expect(await outboxTo(h, email)).toHaveLength(3);
    expect((await h.call("GET", `/api/reports/${reportId}/resends`)).body.items).toHaveLength(2);
  });

  it("refuses in words when the contractor has no e-mail address now, and sends nothing", async () => {
    const { contractorId, email, reportId } = await sentReport();
    expect((await h.call("PATCH", `/api/contractors/${contractorId}`, { email: null })).status).toBe(200);

    const refused = await h.call("POST", `/api/reports/${reportId}/resend`);

    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: "contractor_no_email", message: expect.stringContaining("has no e-mail address for reports") });
    expect(await outboxTo(h, email)).toHaveLength(1);
    expect((await h.call("GET", `/api/reports/${reportId}/resends`)).body.items).toEqual([]);
  });

  it("answers an unknown report as not found and a bad Idempotency-Key naming it", async () => {
    expect((await h.call("POST", "/api/reports/01NOSUCHREPORT000000000000/resend")).status).toBe(404);
    expect((await h.call("GET", "/api/reports/01NOSUCHREPORT000000000000/resends")).status).toBe(404);
    const { reportId } = await sentReport();
    const bad = await h.call("POST", `/api/reports/${reportId}/resend`, undefined, { headers: { "idempotency-key": "key with spaces!" } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: "Idempotency-Key" })]);
  });

  it("keeps a resend the mailer refused as failed, with its error, and a new request sends again", async () => {
    const { email, reportId } = await sentReport();
    const actor = { keyId: "owner", role: "owner" as const };
    const refused = await ReportResends.resend(h.ctx, reportId, { actor, send: async () => Promise.reject(new Error("SES: daily quota exceeded")) });
    expect(refused).toMatchObject({ created: true, resend: { status: "failed", lastError: "SES: daily quota exceeded", messageId: null, recipient: email } });
    const retried = await h.call("POST", `/api/reports/${reportId}/resend`);
    expect(retried.body.status).toBe("sent");
    expect((await h.call("GET", `/api/reports/${reportId}/resends`)).body.items.map((r: any) => r.status).sort()).toEqual(["failed", "sent"]);
    expect(await outboxTo(h, email)).toHaveLength(2);
  });
});
