import { describe, expect, it } from "vitest";
import type { Mail } from "../../packages/core/src/report/mailer.js";
import { previousPeriod } from "../../packages/core/src/report/period.js";
import { runReports, SEND_LEASE_MS } from "../../packages/core/src/report/run.js";
import { ReportSends } from "../../packages/core/src/report/store.js";
import { createHarness, OWNER_KEY, type Harness } from "../support/harness.js";
import { token } from "../support/intake.js";
import { contractorKey, importArrivals, importSpend, newCampaign, newContractor, newHypothesis, outboxTo, parseCsv } from "../support/reports.js";

// Each test has its own table: the job sends to every contractor in it.
// Monday 9 March 2026, 09:00 Moscow: the weekly run for 2-8 March.
const MONDAY = "2026-03-09T06:00:00Z";

/** A contractor with an e-mail address and a campaign with leads and spend in the week of 2-8 March. */
async function contractorWithCampaign(h: Harness, email = `${token()}@agency.example`) {
  const contractorId = await newContractor(h, { email });
  const hypothesis = await newHypothesis(h, { cplMax: "1500" });
  const campaign = await newCampaign(h, hypothesis.id, contractorId);
  await importArrivals(h, campaign.utm, [{ day: "2026-03-03", leads: 4, won: 1, wonAfter: 2 }]);
  await importSpend(h, campaign.utm, { "2026-03-03": "3000" });
  return { contractorId, email, campaignId: campaign.id };
}

const run = (h: Harness, period = "weekly") => h.call("POST", "/api/reports/run", { period });
const outcomeFor = (res: { body: any }, contractorId: string) => res.body.results.find((r: any) => r.contractorId === contractorId);

describe("sending the scheduled reports", () => {
  it("mails each contractor its report for the previous week once, however often the job runs", async () => {
    const h = await createHarness({ now: MONDAY });
    const a = await contractorWithCampaign(h);
    const b = await contractorWithCampaign(h);

    const first = await run(h);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ period: "weekly", from: "2026-03-02", to: "2026-03-08", periodKey: "weekly:2026-03-02" });
    expect(outcomeFor(first, a.contractorId)).toMatchObject({ outcome: "sent", reportId: expect.any(String) });
    const again = await run(h);
    expect(outcomeFor(again, a.contractorId)).toMatchObject({ outcome: "already_sent", reportId: outcomeFor(first, a.contractorId).reportId });

    for (const { email } of [a, b]) {
      const mails = await outboxTo(h, email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain("02.03.2026 – 08.03.2026");
      expect(mails[0]!.attachments?.[0]?.content.startsWith("\uFEFF")).toBe(true);
    }
  });

  it("sends one mail per contractor when two runs race", async () => {
    const h = await createHarness({ now: MONDAY });
    const contractors = await Promise.all([contractorWithCampaign(h), contractorWithCampaign(h), contractorWithCampaign(h)]);

    const runs = await Promise.all([run(h), run(h), run(h)]);
    for (const res of runs) expect(res.status, res.text).toBe(200);

    for (const { contractorId, email } of contractors) {
      expect(await outboxTo(h, email)).toHaveLength(1);
      const outcomes = runs.map((res) => outcomeFor(res, contractorId).outcome);
      expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
      expect(outcomes.filter((o) => o !== "sent").every((o) => o === "in_progress" || o === "already_sent")).toBe(true);
    }
  });

  it("sends the monthly report for the previous calendar month", async () => {
    const h = await createHarness({ now: MONDAY });
    const { email } = await contractorWithCampaign(h);
    h.setNow("2026-04-01T06:00:00Z");
    const res = await run(h, "monthly");
    expect(res.body).toMatchObject({ period: "monthly", from: "2026-03-01", to: "2026-03-31", periodKey: "monthly:2026-03" });
    const [mail] = await outboxTo(h, email);
    const [header, row] = parseCsv(mail!.attachments![0]!.content.slice(1));
    expect(row![header!.indexOf("Лиды")]).toBe("4");
    expect(row![header!.indexOf("Расход, ₽")]).toBe("3000,00");
  });

  it("keeps every sent report, to be fetched again as JSON, HTML or CSV exactly as mailed", async () => {
    const h = await createHarness({ now: MONDAY });
    const { contractorId, email, campaignId } = await contractorWithCampaign(h);
    const reportId = outcomeFor(await run(h), contractorId).reportId;
    const [mail] = await outboxTo(h, email);

    const listed = await h.call("GET", "/api/reports");
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: reportId, contractorId, period: "weekly", from: "2026-03-02", to: "2026-03-08", status: "sent", attempts: 1, recipient: email, subject: mail!.subject }),
    ]);
    expect(listed.body.items[0]).not.toHaveProperty("report");

    // Later data does not change what was sent.
    h.setNow("2026-03-12T09:00:00Z");
    const campaign = (await h.call("GET", `/api/campaigns/${campaignId}`)).body;
    await importSpend(h, { utm_source: campaign.utmSource, utm_campaign: campaign.utmCampaign }, { "2026-03-04": "999" });

    const json = await h.call("GET", `/api/reports/${reportId}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ id: reportId, status: "sent", sentAt: "2026-03-09T06:00:00.000Z" });
    expect(json.body.report).toMatchObject({ contractorId, from: "2026-03-02", to: "2026-03-08" });
    expect(json.body.report.campaigns[0]).toMatchObject({ campaignId, spend: "3000.00", leads: 4 });
    expect((await h.call("GET", `/api/reports/${reportId}?format=html`)).text).toBe(mail!.html);
    const csv = await h.app.request(`/api/reports/${reportId}?format=csv`, { headers: { authorization: `Bearer ${OWNER_KEY}` } });
    expect(Buffer.from(await csv.arrayBuffer()).toString("utf8")).toBe(mail!.attachments![0]!.content);
    expect((await h.call("GET", "/api/reports/01NOSUCHREPORT")).status).toBe(404);
  });

  it("shows a contractor its own stored reports only", async () => {
    const h = await createHarness({ now: MONDAY });
    const mine = await contractorWithCampaign(h);
    const theirs = await contractorWithCampaign(h);
    const res = await run(h);
    const key = await contractorKey(h, mine.contractorId);

    const listed = await h.call("GET", "/api/reports", undefined, { key });
    expect(listed.body.items.map((r: any) => r.contractorId)).toEqual([mine.contractorId]);
    expect((await h.call("GET", `/api/reports/${outcomeFor(res, mine.contractorId).reportId}`, undefined, { key })).status).toBe(200);
    const other = await h.call("GET", `/api/reports/${outcomeFor(res, theirs.contractorId).reportId}?format=html`, undefined, { key });
    expect(other.status).toBe(404);
    expect(other.body.error).toBe("not_found");
    // Asking for another contractor's listing by name changes nothing.
    expect((await h.call("GET", `/api/reports?contractorId=${theirs.contractorId}`, undefined, { key })).body.items.map((r: any) => r.contractorId)).toEqual([
      mine.contractorId,
    ]);
  });

  it("keeps running the job and reading the outbox to the owner and marketers", async () => {
    const h = await createHarness({ now: MONDAY });
    const { contractorId } = await contractorWithCampaign(h);
    const key = await contractorKey(h, contractorId);
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    expect((await h.call("POST", "/api/reports/run", { period: "weekly" }, { key })).status).toBe(403);
    expect((await h.call("GET", "/api/outbox", undefined, { key })).status).toBe(403);
    expect((await h.call("GET", "/api/outbox", undefined, { key: marketer })).status).toBe(200);
    expect((await h.call("POST", "/api/reports/run", { period: "daily" }, { key: marketer })).status).toBe(400);
    expect((await h.call("POST", "/api/reports/run", { period: "weekly" }, { key: marketer })).status).toBe(200);
  });
});

describe("when sending fails or a run dies", () => {
  it("marks a failed send and sends it with the next run", async () => {
    const h = await createHarness({ now: MONDAY });
    const { contractorId, email } = await contractorWithCampaign(h);
    const attempts: Mail[] = [];
    const failing = async (mail: Mail): Promise<{ messageId: string }> => {
      attempts.push(mail);
      throw new Error("MessageRejected: Email address is not verified");
    };

    const failed = await runReports(h.ctx, { period: "weekly", send: failing });
    expect(outcomeFor({ body: failed }, contractorId)).toMatchObject({ outcome: "failed", error: expect.stringContaining("not verified") });
    const reportId = outcomeFor({ body: failed }, contractorId).reportId;
    expect((await h.call("GET", `/api/reports/${reportId}`)).body).toMatchObject({ status: "failed", lastError: expect.stringContaining("not verified") });
    expect(await outboxTo(h, email)).toHaveLength(0);

    const retried = await run(h);
    expect(outcomeFor(retried, contractorId)).toMatchObject({ outcome: "sent", reportId });
    const [mail] = await outboxTo(h, email);
    expect(mail!.html).toBe(attempts[0]!.html);
    expect((await h.call("GET", `/api/reports/${reportId}`)).body).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(outcomeFor(await run(h), contractorId).outcome).toBe("already_sent");
    expect(await outboxTo(h, email)).toHaveLength(1);
  });

  it("retries last week's failed report in this week's run, beside this week's", async () => {
    const h = await createHarness({ now: MONDAY });
    const { contractorId, email } = await contractorWithCampaign(h);
    await runReports(h.ctx, { period: "weekly", send: async () => Promise.reject(new Error("Throttling")) });

    h.setNow("2026-03-16T06:00:00Z");
    const res = await run(h);
    const outcomes = res.body.results.filter((r: any) => r.contractorId === contractorId);
    expect(outcomes.map((r: any) => [r.periodKey, r.outcome]).sort()).toEqual([
      ["weekly:2026-03-02", "sent"],
      ["weekly:2026-03-09", "sent"],
    ]);
    expect((await outboxTo(h, email)).map((m) => m.subject.match(/\d\d\.\d\d\.\d{4} – \d\d\.\d\d\.\d{4}/)![0]).sort()).toEqual([
      "02.03.2026 – 08.03.2026",
      "09.03.2026 – 15.03.2026",
    ]);
  });

  it("takes over a report whose run died after claiming it, once the lease has run out", async () => {
    const h = await createHarness({ now: MONDAY });
    const { contractorId, email } = await contractorWithCampaign(h);
    // A run that claimed the report and then crashed before sending.
    const window = previousPeriod("weekly", new Date(MONDAY), h.ctx.timeZone);
    const crashed = await ReportSends.claim(h.ctx, contractorId, window, SEND_LEASE_MS);
    expect(crashed.outcome).toBe("claimed");

    expect(outcomeFor(await run(h), contractorId).outcome).toBe("in_progress");
    expect(await outboxTo(h, email)).toHaveLength(0);

    h.setNow(new Date(Date.parse(MONDAY) + SEND_LEASE_MS + 60_000));
    const res = await h.call("POST", "/api/reports/run", { period: "weekly" });
    // The clock moved on, but the run still reports the week of the claim.
    expect(outcomeFor(res, contractorId)).toMatchObject({ outcome: "sent", periodKey: "weekly:2026-03-02" });
    expect(await outboxTo(h, email)).toHaveLength(1);
    expect((await h.call("GET", "/api/reports")).body.items).toEqual([expect.objectContaining({ status: "sent", attempts: 2 })]);
  });

  it("says the lease was lost when a run outlives its lease and another run took the report over meanwhile", async () => {
    const h = await createHarness({ now: MONDAY });
    const { contractorId } = await contractorWithCampaign(h);
    const slowSend = async (_mail: Mail) => {
      // While this run is sending, its lease runs out and a later run claims the report.
      h.setNow(new Date(Date.parse(MONDAY) + SEND_LEASE_MS + 60_000));
      const [stored] = await ReportSends.unsent(h.ctx);
      expect((await ReportSends.takeOver(h.ctx, stored!, SEND_LEASE_MS)).outcome).toBe("claimed");
      return { messageId: "slow" };
    };

    const result = await runReports(h.ctx, { period: "weekly", now: new Date(MONDAY), send: slowSend });
    expect(result.results.find((r) => r.contractorId === contractorId)).toMatchObject({ outcome: "lease_lost" });
    expect((await h.call("GET", "/api/reports")).body.items).toEqual([expect.objectContaining({ status: "sending", attempts: 2 })]);
  });

  it("skips a contractor without an address until one is given", async () => {
    const h = await createHarness({ now: MONDAY });
    const contractorId = await newContractor(h);
    const hypothesis = await newHypothesis(h, { cplMax: "1500" });
    await newCampaign(h, hypothesis.id, contractorId);

    expect(outcomeFor(await run(h), contractorId)).toMatchObject({ outcome: "no_email" });
    expect((await h.call("GET", "/api/reports")).body.items).toEqual([]);

    const email = `${token()}@agency.example`;
    const patched = await h.call("PATCH", `/api/contractors/${contractorId}`, { email });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ id: contractorId, email });
    expect(outcomeFor(await run(h), contractorId)).toMatchObject({ outcome: "sent" });
    expect(await outboxTo(h, email)).toHaveLength(1);
  });
});

describe("a contractor's e-mail address", () => {
  it("is set at creation or by PATCH, checked, and removed with null", async () => {
    const h = await createHarness({ now: MONDAY });
    const created = await h.call("POST", "/api/contractors", { name: "ВК Агентство", email: "reports@vk-agency.example" });
    expect(created.body).toMatchObject({ name: "ВК Агентство", email: "reports@vk-agency.example" });
    const id = created.body.id;

    expect((await h.call("PATCH", `/api/contractors/${id}`, { name: "ВК Агентство 2" })).body).toMatchObject({ name: "ВК Агентство 2", email: "reports@vk-agency.example" });
    expect((await h.call("PATCH", `/api/contractors/${id}`, { email: null })).body).toMatchObject({ email: null });
    const bad = await h.call("PATCH", `/api/contractors/${id}`, { email: "not an address" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: "email" })]);
    expect((await h.call("PATCH", `/api/contractors/${id}`, {})).status).toBe(400);
    expect((await h.call("PATCH", `/api/contractors/${id}`, { phone: "+7" })).status).toBe(400);
    expect((await h.call("PATCH", "/api/contractors/01NOSUCHCONTRACTOR", { name: "X" })).status).toBe(404);
    const key = await contractorKey(h, id);
    expect((await h.call("PATCH", `/api/contractors/${id}`, { name: "Mine now" }, { key })).status).toBe(403);
  });
});
