import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
let hypothesisId: string;
let contractorId: string;
let utmCampaign: string;
beforeAll(async () => {
  h = await createHarness();
  hypothesisId = (await h.call("POST", "/api/hypotheses", hypothesis({ start: "2026-03-01", end: "2026-03-31" }))).body.id;
  contractorId = (await h.call("POST", "/api/contractors", { name: "Агентство Восток" })).body.id;
  utmCampaign = `dates_${Date.now()}`;
  await h.call("POST", `/api/hypotheses/${hypothesisId}/campaigns`, { utmSource: "vk", utmCampaign, contractorId });
});

function hypothesis(probe: { start: string; end: string }) {
  return { title: "VK for bags", statement: "VK brings buyers", channel: "vk", responsible: "Anna", budget: 1000, probe, targets: { cplMax: 900 } };
}
const pathsOf = (body: { issues?: { path: string; message: string }[] }) => (body.issues ?? []).map((issue) => issue.path);
const messageAt = (body: { issues?: { path: string; message: string }[] }, path: string) => body.issues?.find((issue) => issue.path === path)?.message;

describe("dates outside the years 2000-2100 are refused, naming the field", () => {
  it("refuses an imported lead dated year 99 and stores nothing of it", async () => {
    const res = await h.call("POST", "/api/leads/import", {
      leads: [
        { externalId: "year-99", name: "Иван", createdAt: "0099-06-01T00:00:00Z" },
        { externalId: "closed-1999", name: "Пётр", createdAt: "2026-01-10T10:00:00Z", stage: "lost", lostReason: "дорого", closedAt: "1999-06-01T00:00:00Z" },
      ],
    });

    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(0);
    expect(res.body.rejected.map((r: { index: number; issues: { path: string; message: string }[] }) => [r.index, pathsOf(r)])).toEqual([
      [0, ["createdAt"]],
      [1, ["closedAt"]],
    ]);
    expect(messageAt(res.body.rejected[0], "createdAt")).toBe("must be in the years 2000-2100");
    expect((await h.call("GET", "/api/leads")).body.items.map((lead: { externalId: string }) => lead.externalId)).not.toContain("year-99");
  });

  it("refuses a probe starting 0000-01-01 or ending after 2100 with a 400 naming it", async () => {
    const early = await h.call("POST", "/api/hypotheses", hypothesis({ start: "0000-01-01", end: "2026-03-31" }));
    const late = await h.call("POST", "/api/hypotheses", hypothesis({ start: "2026-03-01", end: "2101-01-01" }));

    expect(early.status).toBe(400);
    expect(pathsOf(early.body)).toEqual(["probe.start"]);
    expect(messageAt(early.body, "probe.start")).toBe("must be a real date written YYYY-MM-DD, in the years 2000-2100");
    expect(late.status).toBe(400);
    expect(pathsOf(late.body)).toEqual(["probe.end"]);
    expect((await h.call("POST", "/api/hypotheses", hypothesis({ start: "2000-01-01", end: "2100-12-31" }))).status).toBe(201);
  });

  it("refuses KPI ranges and report periods outside those years", async () => {
    const kpis = await h.call("GET", `/api/hypotheses/${hypothesisId}/kpis?from=0099-01-01&to=2026-03-01`);
    const report = await h.call("GET", `/api/contractors/${contractorId}/report?from=1999-12-27&to=2000-01-02`);

    expect(kpis.status).toBe(400);
    expect(pathsOf(kpis.body)).toEqual(["from"]);
    expect(report.status).toBe(400);
    expect(pathsOf(report.body)).toContain("from");
  });

  it("refuses spend rows and contact attempts dated outside those years", async () => {
    const spend = await h.call("POST", "/api/spend", { rows: [{ date: "1999-12-31", utm_source: "vk", utm_campaign: utmCampaign, cost: 100 }] });
    const lead = await h.call("POST", "/api/leads/import", { leads: [{ externalId: "attempted", name: "Анна", createdAt: "2026-02-01T10:00:00Z" }] });
    expect(lead.body.imported).toBe(1);
    const leadId = (await h.call("GET", "/api/leads")).body.items.find((l: { externalId: string }) => l.externalId === "attempted").id;
    const attempt = await h.call("POST", `/api/leads/${leadId}/contact-attempts`, { at: "0099-02-01T10:00:00+03:00", channel: "phone", result: "no_answer" });

    expect(spend.body.imported).toBe(0);
    expect(spend.body.rejected).toHaveLength(1);
    expect(attempt.status).toBe(400);
    expect(pathsOf(attempt.body)).toEqual(["at"]);
  });
});
