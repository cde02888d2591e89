import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { arrive, attempt, NOW } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { createSource, token } from "../support/intake.js";
import { Browser, createWebHarness, expectPage, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let owner: Browser;
let marketer: Browser;
beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  owner = h.browser({ acceptLanguage: "en" });
  await owner.signIn(OWNER_KEY);
  marketer = h.browser({ acceptLanguage: "en" });
  await marketer.signIn((await h.call("POST", "/api/keys", { role: "marketer" })).body.key);
});

/** The markup of one SVG chart of a page, found by its id. */
function chart(html: string, id: string): string {
  const start = html.indexOf(`<title id="${id}-title">`);
  expect(start, `chart ${id} is on the page`).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<svg", start), html.indexOf("</svg>", start) + 6);
}

/** A Yandex.Direct hypothesis `person` is responsible for, with one campaign and its UTM labels. */
async function directHypothesis(person: string) {
  const hypothesis = await h.call("POST", "/api/hypotheses", {
    title: `Wholesale ${newId()}`,
    statement: "Direct brings shop owners under 3000 a client",
    channel: "yandex_direct",
    responsible: person,
    budget: "100000",
    probe: { start: "2026-03-01", end: "2026-03-31" },
    targets: { cplMax: "1500" },
  });
  const utm = { utm_source: "yandex", utm_campaign: token() };
  await h.call("POST", `/api/hypotheses/${hypothesis.body.id}/campaigns`, { utmSource: utm.utm_source, utmCampaign: utm.utm_campaign });
  return { hypothesis, utm };
}

describe("the quality page", () => {
  it("shows per person the leads missing required tags and the median time to a first contact", async () => {
    const person = `Irina ${newId()}`;
    const { hypothesis, utm } = await directHypothesis(person);
    const source = await createSource(h, "json");
    const untagged = await arrive(h, source, "2026-03-02T08:00:00+03:00", { utm, stages: [{ stage: "qualified" }] });
    // Required after the move: a person's move without the tags is refused now.
    await h.call("PUT", `/api/hypotheses/${hypothesis.body.id}/required-tags`, { fromStage: "qualified", tags: ["clientType", "city"] });
    const called = await arrive(h, source, "2026-03-02T08:00:00+03:00", { utm });
    await arrive(h, source, "2026-03-02T08:00:00+03:00", { utm });
    expect((await attempt(h, untagged, "2026-03-02T10:00:00+03:00")).status).toBe(201);
    expect((await attempt(h, called, "2026-03-02T12:00:00+03:00")).status).toBe(201);

    const page = await marketer.get(`/quality?hypothesisId=${hypothesis.body.id}`);

    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/quality"');
    expect(textOf(chart(page.html, "first-contact"))).toContain(`${person} 3 h`);
    const text = textOf(page.html);
    expect(text).toContain(`Responsible Leads Missing tags First contact, median Not contacted yet ${person} 3 ⚠ 1 3 h 1`);
    expect(text).toContain(`Leads missing tags: ${person} ${untagged} (Qualified): client type, city`);
    expect(page.html).toContain(`href="/leads/${untagged}"`);
    expect(text).toContain("3 leads read");
  });

  it("says the median time to a first contact in hours and minutes in Russian, not as a decimal of hours", async () => {
    const person = `Ирина ${newId()}`;
    const { hypothesis, utm } = await directHypothesis(person);
    const source = await createSource(h, "json");
    const lead = await arrive(h, source, "2026-03-02T08:00:00+03:00", { utm });
    expect((await attempt(h, lead, "2026-03-02T09:20:00+03:00")).status).toBe(201);
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);

    const text = textOf((await ru.get(`/quality?hypothesisId=${hypothesis.body.id}`)).html);

    expect(text).toContain(`${person} 1 ✓ 0 1 ч 20 мин 0`);
    expect(text).not.toContain("1,33 ч");
  });

  it("answers an unknown hypothesis with the not-found page and is closed to contractors", async () => {
    const contractor = (await h.call("POST", "/api/contractors", { name: `Agency ${newId()}` })).body.id;
    const agency = h.browser({ acceptLanguage: "en" });
    await agency.signIn((await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor })).body.key);

    expect((await owner.get("/quality?hypothesisId=01NOSUCHHYPOTHESIS")).status).toBe(404);
    expect((await agency.get("/quality")).status).toBe(403);
    expect((await agency.get("/reconciliation")).status).toBe(403);
    expect((await agency.get("/")).html).not.toContain('href="/quality"');
  });
});

/** Won in March: Ромашка by INN, Петров by phone (75,000 in the CRM, 80,000 in accounting), Орион not in accounting. */
async function wonInMarch() {
  const won = (name: string, amount: string, day: string, extra: Record<string, unknown>) => ({
    externalId: `crm-${newId()}`,
    name,
    createdAt: "2026-03-01T10:00:00+03:00",
    stage: "won",
    amount,
    closedAt: `${day}T12:00:00+03:00`,
    ...extra,
  });
  const res = await h.call("POST", "/api/leads/import", {
    leads: [
      won("Ромашка", "150000", "2026-03-05", { company: { name: "ООО «Ромашка»", inn: "7701234567" } }),
      won("Петров", "75000", "2026-03-06", { phone: "+79161112233" }),
      won("Орион", "50000", "2026-03-07", { company: { name: "ООО «Орион»", inn: "7812345678" } }),
    ],
  });
  expect(res.body.imported).toBe(3);
}

const accountingFile = [
  "Контрагент;ИНН;Телефон;Сумма;Дата",
  "ООО «Ромашка»;7701234567;;150 000,00;05.03.2026",
  "ИП Петров;;8 (916) 111-22-33;80 000,00;06.03.2026",
  "ООО «Лишний»;5005052322;;99 000,00;07.03.2026",
  "Итого;;;329 000,00;",
].join("\r\n");

function upload(fields: Record<string, string>, file: string | null = accountingFile) {
  const form = new FormData();
  if (file !== null) form.set("file", new File([file], "closed-clients.csv", { type: "text/csv" }));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe("the reconciliation page", () => {
  it("reconciles an uploaded accounting file and shows who matched and who is on one side only", async () => {
    await wonInMarch();
    await owner.get("/reconciliation");

    const posted = await owner.post("/reconciliation", upload({ from: "", to: "" }));
    const page = await owner.get(posted.location!);
    const list = await marketer.get("/reconciliation");

    expect(posted.status).toBe(303);
    expect(posted.location).toMatch(/^\/reconciliation\/[0-9A-Z]{26}$/);
    const text = textOf(page.html);
    expect(text).toContain("Deals won 1 Mar 2026 – 31 Mar 2026");
    expect(text).toContain("3 clients in accounting, 3 won leads in the CRM, 2 matched.");
    expect(textOf(chart(page.html, "reconciliation-counts"))).toContain("Matched 2 Only in accounting 1 Won in the CRM, not in accounting 1");
    expect(text).toMatch(/Only in accounting \(1\) Line Client INN Amount Why 4 ООО «Лишний» 5005052322 RUB 99,000.00 no won lead in the CRM has its INN, phone, e-mail or company name/);
    expect(text).toMatch(/Won in the CRM, not in accounting \(1\) Lead Amount [0-9A-Z]{26} RUB 50,000.00/);
    expect(text).toMatch(/ООО «Ромашка» [0-9A-Z]{26} INN RUB 150,000.00 RUB 150,000.00/);
    expect(text).toMatch(/ИП Петров [0-9A-Z]{26} phone RUB 80,000.00 ≠ RUB 75,000.00/);
    expect(text).toContain("Lines not read (1) Line Why 5 a totals line («Итого»), not a client");
    expect(textOf(list.html)).toContain("Earlier reconciliations");
    expect(list.html).toContain(`href="${posted.location}"`);
  });

  it("says what is wrong with an upload instead of reconciling", async () => {
    await owner.get("/reconciliation");

    const noFile = await owner.post("/reconciliation", upload({}, null));
    const badPeriod = await owner.post("/reconciliation", upload({ from: "2026-03-31", to: "2026-03-01" }));
    const notAnExport = await owner.post("/reconciliation", upload({}, "just some words\r\nand more"));

    expectPage(noFile, 400, "Accounting file: Choose the accounting file.");
    expectPage(badPeriod, 400, "⚠ must not be before from");
    expectPage(notAnExport, 400, "⚠ The form has problems: the accounting file has no usable header line");
  });
});
