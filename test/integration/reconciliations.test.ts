import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { formatKopecks } from "../../packages/core/src/money.js";
import type { WonLead } from "../../packages/core/src/reconciliation/match.js";
import { ReconciliationEntity } from "../../packages/core/src/reconciliation/store.js";
import { createHarness, OWNER_KEY, type Harness } from "../support/harness.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/accounting/${name}`, import.meta.url));
/** The month from the issue: 75 clients closed in accounting, 70 won deals in the CRM. */
const story = JSON.parse(fixture("won-leads.json").toString("utf8")) as WonLead[];
const LOST_TO_ANALYSIS = ["ООО «Ремстрой»", 'ЗАО "Монолит"', "ООО «Арктика»", "ИП Фёдоров Сергей Иванович", "Белов Константин Юрьевич"];
const REMSTROY_INN = "5005052322";

let h: Harness;
/** The story's lead ids (its externalIds here) -> the ids the platform gave the imported leads. */
const leadIdOf = new Map<string, string>();

const day = (n: number) => String(n).padStart(2, "0");
const post = (body: Buffer | string, contentType = "text/csv", query = "", key?: string) =>
  h.call("POST", `/api/reconciliations${query}`, undefined, { raw: body, contentType, key });

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-31T12:00:00Z" });
  // Won through the import on every day of March (the file's documents run from the 2nd to the 30th),
  // except the first lead, which is won later through PATCH.
  const leads = story.map((lead, index) => ({
    externalId: lead.leadId,
    name: `Клиент ${index + 1}`,
    phone: lead.phone,
    email: lead.email,
    company: lead.company,
    createdAt: `2026-02-${day(1 + (index % 28))}T10:00:00+03:00`,
    ...(index === 0 ? { stage: "proposal" } : { stage: "won", amount: formatKopecks(lead.amountKopecks), closedAt: `2026-03-${day(1 + (index % 31))}T10:00:00+03:00` }),
  }));
  // Not compared by default: Ремстрой's deal won in April, and an open deal with Монолит's e-mail.
  leads.push(
    { externalId: "april-remstroy", name: "Ремстрой", company: { name: "Ремстрой", inn: REMSTROY_INN }, createdAt: "2026-03-20T10:00:00+03:00" } as any,
    { externalId: "open-monolit", name: "Монолит", email: "zakaz@monolit.ru", createdAt: "2026-03-02T10:00:00+03:00", stage: "proposal" } as any,
  );
  const imported = await h.call("POST", "/api/leads/import", { leads });
  expect(imported.body).toMatchObject({ imported: 72, duplicates: 0, rejected: [], failed: 0 });

  const listed = await h.call("GET", "/api/leads?limit=200");
  for (const lead of listed.body.items) leadIdOf.set(lead.externalId, lead.id);
  // The CRM's last win of the month, on March 31 in Moscow.
  const patched = await h.call("PATCH", `/api/leads/${leadIdOf.get(story[0]!.leadId)}`, { stage: "won", amount: formatKopecks(story[0]!.amountKopecks) });
  expect(patched.status).toBe(200);
  h.setNow("2026-04-05T09:00:00Z");
  const april = await h.call("PATCH", `/api/leads/${leadIdOf.get("april-remstroy")}`, { stage: "won", amount: "797000" });
  expect(april.body).toMatchObject({ stage: "won", company: { name: "Ремстрой", inn: REMSTROY_INN } });
});

/** matched leadId -> how it was matched, in the story's lead ids. */
const pairs = (body: any) => Object.fromEntries(body.matched.map((m: any) => [m.leadId, m.by]));

describe("reconciliation with accounting", () => {
  it("finds the five clients lost to analysis in the windows-1251 export, and keeps the result", async () => {
    const res = await post(fixture("closed-clients-cp1251.csv"));

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ period: { from: "2026-03-01", to: "2026-03-31" }, encoding: "windows-1251" });
    expect(res.body.totals).toEqual({ accountingClients: 75, crmWon: 70, matched: 70 });
    expect(res.body.onlyInCrm).toEqual([]);
    expect(res.body.onlyInAccounting.map((entry: any) => entry.row.client).sort()).toEqual([...LOST_TO_ANALYSIS].sort());
    expect(res.body.onlyInAccounting.every((entry: any) => typeof entry.reason === "string")).toBe(true);
    const storyIds = story.map((lead) => leadIdOf.get(lead.leadId));
    expect(Object.keys(pairs(res.body)).sort()).toEqual([...storyIds].sort());
    const countBy = (by: string) => res.body.matched.filter((m: any) => m.by === by).length;
    expect([countBy("inn"), countBy("phone"), countBy("email"), countBy("name")]).toEqual([45, 10, 6, 9]);
    const kristall = res.body.matched.find((m: any) => m.rows[0].client.includes("Кристалл"));
    expect(kristall).toMatchObject({ by: "inn", crmAmount: expect.any(String), rows: [expect.any(Object), expect.objectContaining({ amount: "-12500.00", inn: null })] });
    expect(res.body.rejected).toEqual([{ line: expect.any(Number), reason: expect.stringContaining("totals line"), problems: [{ code: "totals_line", value: expect.any(String) }] }]);
    expect(res.body.warnings).toEqual([]);

    const again = await h.call("GET", `/api/reconciliations/${res.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
  });

  it("reads the UTF-8 export the same way, sent as bytes or uploaded as a form's file", async () => {
    const cp1251 = (await post(fixture("closed-clients-cp1251.csv"))).body;
    const bytes = await post(fixture("closed-clients-utf8.csv"), "application/octet-stream");
    expect(bytes.status).toBe(201);
    expect(bytes.body).toMatchObject({ encoding: "utf-8", totals: { accountingClients: 75, crmWon: 70, matched: 70 } });
    expect(pairs(bytes.body)).toEqual(pairs(cp1251));
    expect(bytes.body.onlyInAccounting.map((entry: any) => entry.row.client).sort()).toEqual([...LOST_TO_ANALYSIS].sort());

    const form = new FormData();
    form.append("file", new Blob([fixture("closed-clients-utf8.csv")], { type: "text/csv" }), "март.csv");
    const uploaded = await h.app.request("/api/reconciliations", { method: "POST", headers: { authorization: `Bearer ${OWNER_KEY}` }, body: form });
    expect(uploaded.status).toBe(201);
    expect(pairs(await uploaded.json())).toEqual(pairs(cp1251));
  });

  it("compares the leads won in the period asked for instead of the file's months", async () => {
    const res = await post(fixture("closed-clients-utf8.csv"), "text/csv", "?from=2026-03-01&to=2026-04-30");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ period: { from: "2026-03-01", to: "2026-04-30" }, totals: { accountingClients: 75, crmWon: 71, matched: 71 } });
    expect(res.body.matched.find((m: any) => m.leadId === leadIdOf.get("april-remstroy"))).toMatchObject({ by: "inn", rows: [{ client: "ООО «Ремстрой»" }] });

    const firstHalf = await post(fixture("closed-clients-utf8.csv"), "text/csv", "?to=2026-03-15");
    expect(firstHalf.body.period).toEqual({ from: "2026-03-01", to: "2026-03-15" });
    expect(firstHalf.body.totals.crmWon).toBe(story.slice(1).filter((_, i) => 1 + ((i + 1) % 31) <= 15).length);
  });

  it("lists kept reconciliations newest first, without the per-client lists", async () => {
    const first = (await post(fixture("closed-clients-utf8.csv"))).body.id;
    const second = (await post(fixture("closed-clients-cp1251.csv"))).body.id;

    const res = await h.call("GET", "/api/reconciliations?limit=2");
    expect(res.status).toBe(200);
    expect(res.body.items.map((item: any) => item.id)).toEqual([second, first]);
    expect(res.body.items[0]).toEqual({
      id: second,
      createdAt: "2026-04-05T09:00:00.000Z",
      createdBy: "key:env:OWNER_API_KEY",
      period: { from: "2026-03-01", to: "2026-03-31" },
      encoding: "windows-1251",
      totals: { accountingClients: 75, crmWon: 70, matched: 70 },
    });
    const next = await h.call("GET", `/api/reconciliations?limit=2&cursor=${res.body.nextCursor}`);
    expect(next.body.items.map((item: any) => item.id)).not.toContain(second);
  });

  it("keeps a result larger than one DynamoDB item whole, and refuses a file over 5 MB", { timeout: 120_000 }, async () => {
    // Random names and e-mails keep the gzipped result over one stored part (350 KB).
    const lines = ["Контрагент;ИНН;E-mail;Дата;Сумма"];
    for (let i = 0; i < 20_000; i++) {
      const noise = randomBytes(6).toString("hex");
      lines.push(`ООО «Клиент ${noise}»;${String(1_000_000_000 + i)};${noise}@mail.ru;15.03.2026;1 000,00`);
    }

    const res = await post(lines.join("\r\n"));
    expect(res.status).toBe(201);
    expect(res.body.totals).toEqual({ accountingClients: 20_000, crmWon: 70, matched: 0 });
    const head = await h.ctx.doc.send(new GetCommand({ TableName: h.ctx.table, Key: ReconciliationEntity.key({ id: res.body.id }) }));
    expect(head.Item!.parts).toBeGreaterThan(1);
    const again = await h.call("GET", `/api/reconciliations/${res.body.id}`);
    expect(again.body).toEqual(res.body);

    const tooLarge = await post(Buffer.alloc(5 * 1024 * 1024 + 1, "a"));
    expect(tooLarge.status).toBe(413);
  });

  it("refuses a file without a client column, naming it", async () => {
    const res = await post("Дата;ИНН;Сумма\r\n02.03.2026;7701234567;1 000,00\r\n");
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "client", message: expect.stringContaining("Контрагент") }]);
  });

  it("refuses an empty body, a file without dates and no period, and a malformed period", async () => {
    expect((await post("")).body.issues).toEqual([expect.objectContaining({ path: "(body)" })]);
    const undated = await post("Контрагент;Сумма\r\nООО «Незнакомец»;1 000,00\r\n");
    expect(undated.status).toBe(400);
    expect(undated.body.issues).toEqual([expect.objectContaining({ path: "from" })]);
    const dated = await post("Контрагент;Сумма\r\nООО «Незнакомец»;1 000,00\r\n", "text/csv", "?from=2026-03-01&to=2026-03-31");
    expect(dated.body).toMatchObject({ totals: { accountingClients: 1, crmWon: 70, matched: 0 } });
    const reversed = await post(fixture("closed-clients-utf8.csv"), "text/csv", "?from=2026-03-31&to=2026-03-01");
    expect(reversed.status).toBe(400);
    expect(reversed.body.issues).toEqual([expect.objectContaining({ path: "to" })]);
    expect((await post(fixture("closed-clients-utf8.csv"), "text/csv", "?month=2026-03")).body.issues).toEqual([{ path: "month", message: "unknown field" }]);
  });

  it("answers 404 for a reconciliation that does not exist", async () => {
    const res = await h.call("GET", "/api/reconciliations/01NOSUCHRECONCILIATION");
    expect(res.status).toBe(404);
    expect(res.body.error).toBe("not_found");
  });

  it("lets marketers reconcile and keeps contractors out", async () => {
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    const contractor = (await h.call("POST", "/api/contractors", { name: `Агентство ${Date.now()}` })).body.id;
    const contractorKey = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor })).body.key;

    const made = await post(fixture("closed-clients-utf8.csv"), "text/csv", "", marketer);
    expect(made.status).toBe(201);
    expect((await post(fixture("closed-clients-utf8.csv"), "text/csv", "", contractorKey)).status).toBe(403);
    expect((await h.call("GET", "/api/reconciliations", undefined, { key: contractorKey })).status).toBe(403);
    expect((await h.call("GET", `/api/reconciliations/${made.body.id}`, undefined, { key: contractorKey })).status).toBe(403);
    expect((await h.call("GET", `/api/reconciliations/${made.body.id}`, undefined, { key: null })).status).toBe(401);
  });
});
