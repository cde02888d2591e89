import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { newHypothesis } from "../support/decisions.js";
import { ARRIVAL, arrive, NOW } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { createSource } from "../support/intake.js";
import { Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let ru: Browser;
beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  ru = h.browser({ acceptLanguage: "ru" });
  await ru.signIn(OWNER_KEY);
});

const form = (over: Record<string, string> = {}) => ({
  title: `Сумки ВК ${newId()}`,
  statement: "Реклама ВК даёт лиды дешевле 1 500 ₽",
  channel: "vk_ads",
  responsible: "Анна",
  budget: "600 000,50",
  currency: "RUB",
  "probe.start": "2026-03-01",
  "probe.end": "2026-03-31",
  maturityDays: "15",
  confidence: "90",
  "targets.cplMax": "1 500",
  "targets.cacMax": "15000.50",
  ...over,
});

/** The refused form's summary at its top, as text. */
const summaryOf = (html: string) => textOf(html.split('class="problems"')[1]!.split("</div>")[0]!);

describe("money typed as people write it", () => {
  it("creates a hypothesis from '600 000,50', '1 500' and '15000.50'", async () => {
    await ru.get("/hypotheses/new");
    const created = await ru.post("/hypotheses", form());
    expect(created.status, created.html).toBe(303);
    const id = /^\/hypotheses\/([^?]+)\?/.exec(created.location!)![1]!;
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body).toMatchObject({ budget: "600000.50", targets: { cplMax: "1500.00", cacMax: "15000.50" } });
  });

  it("refuses bad money in Russian, the summary naming each field by its label and never by its path", async () => {
    await ru.get("/hypotheses/new");
    const refused = await ru.post("/hypotheses", form({ budget: "много", "targets.cplMax": "-5", "probe.end": "2026-02-01" }));

    expect(refused.status).toBe(400);
    const summary = summaryOf(refused.html);
    expect(summary).toContain("Бюджет: нужна сумма, например 600 000 или 600 000,50 (не меньше нуля)");
    expect(summary).toContain("Цена лида, не больше: нужна сумма больше нуля, например 600 000 или 600 000,50");
    expect(summary).toContain("Конец пробы: не раньше начала");
    for (const path of ["budget", "targets.cplMax", "probe.end", "cplMax", "must"]) expect(summary).not.toContain(path);
    // What was typed stays in the field.
    expect(refused.html).toContain('value="много"');
  });

  it("names the whole targets list in words when none is given", async () => {
    await ru.get("/hypotheses/new");
    const refused = await ru.post("/hypotheses", form({ "targets.cplMax": "", "targets.cacMax": "" }));
    expect(summaryOf(refused.html)).toContain("Цели: укажите хотя бы одну цель");
  });

  it("shows the hypothesis' budget in the forecast's field as '500 000', not '500000.00'", async () => {
    const id = await newHypothesis(h, { conversionMin: 0.05 });
    const page = await ru.get(`/hypotheses/${id}`);
    expect(page.html).toContain('name="budget" inputmode="decimal" required="" value="500 000"');
    expect(page.html).not.toContain("500000.00");
    // And reads back what it shows.
    const typed = await ru.get(`/hypotheses/${id}?budget=${encodeURIComponent("500 000,50")}`);
    expect(typed.html).toContain('name="budget" inputmode="decimal" required="" value="500 000,50"/>');
  });

  it("records a won deal's amount typed as '75 000,50' from the lead page", async () => {
    const source = await createSource(h, "json");
    const id = await arrive(h, source, ARRIVAL, { stages: [{ stage: "qualified" }] });
    await ru.get(`/leads/${id}`);
    const won = await ru.post(`/leads/${id}/stage`, { stage: "won", amount: "75 000,50", lostReason: "" });
    expect(won.status, won.html).toBe(303);
    expect((await h.call("GET", `/api/leads/${id}`)).body).toMatchObject({ stage: "won", amount: "75000.50" });
  });

  it("offers a won deal's page only the amount's correction, since a won deal is final", async () => {
    const source = await createSource(h, "json");
    const id = await arrive(h, source, ARRIVAL, { stages: [{ stage: "won", amount: "75000" }] });
    const page = await ru.get(`/leads/${id}`);
    const form = page.html.split(`action="/leads/${id}/stage"`)[1]!.split("</form>")[0]!;
    expect(form.match(/<option /g)).toHaveLength(1);
    expect(form).toContain('value="won"');
    expect(form).not.toContain('name="lostReason"');
    expect(textOf(page.html)).toContain("Сделка выиграна, это окончательно: можно только исправить сумму.");
    expect((await ru.post(`/leads/${id}/stage`, { stage: "won", amount: "80 000" })).status).toBe(303);
    expect((await h.call("GET", `/api/leads/${id}`)).body).toMatchObject({ stage: "won", amount: "80000.00" });
  });

  it("offers a qualified lead's stage form no stage behind it, which the domain would refuse", async () => {
    const source = await createSource(h, "json");
    const id = await arrive(h, source, ARRIVAL, { stages: [{ stage: "qualified" }] });
    const form = (await ru.get(`/leads/${id}`)).html.split(`action="/leads/${id}/stage"`)[1]!.split("</form>")[0]!;
    expect([...form.matchAll(/<option value="(\w+)"/g)].map((m) => m[1])).toEqual(["qualified", "proposal", "won", "lost"]);
  });

  it("refuses a won deal's amount with three decimals, its example written as people write money", async () => {
    const source = await createSource(h, "json");
    const id = await arrive(h, source, ARRIVAL, { stages: [{ stage: "qualified" }] });
    await ru.get(`/leads/${id}`);
    const refused = await ru.post(`/leads/${id}/stage`, { stage: "won", amount: "600 000,555", lostReason: "" });
    expect(refused.status).toBe(400);
    const text = textOf(refused.html).replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("не больше двух знаков после запятой (например, 75 000 или 75 000,50)");
    expect(text).not.toContain("75000");
  });
});

describe("problem summaries of other forms", () => {
  it("names a refused person's fields by their labels on the people page", async () => {
    await ru.get("/people");
    const refused = await ru.post("/people", { name: "", role: "manager", duty: "leads", email: "не почта", crmUserIds: "" });

    expect(refused.status).toBe(400);
    const summary = summaryOf(refused.html);
    expect(summary).toContain("Имя: обязательное поле");
    expect(summary).toContain("Эл. почта: неверный адрес e-mail");
    expect(summary).not.toMatch(/\bname\b|\bemail\b/);
  });
});
