import { beforeAll, describe, expect, it } from "vitest";
import { SourceEntity } from "../../packages/core/src/source/source.js";
import { createCampaign, fixtureWith, postHook, token } from "../support/intake.js";
import { addSalesPerson } from "../support/sales.js";
import { marketerOn, textOf, type Browser, type WebHarness } from "../support/web.js";

let h: WebHarness;
let marketer: Browser;

beforeAll(async () => {
  ({ h, marketer } = await marketerOn("/sources", "2026-03-02T09:00:00Z"));
});

let sequence = 0;
const amoId = () => `${41_300_000 + ++sequence}${Date.now() % 10_000}`;

async function amoSource() {
  const res = await h.call("POST", "/api/sources", { name: `amoCRM ${token()}`, format: "amocrm" });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; key: string };
}

/** A deal arrives from amoCRM and is lost there with `lossReasonId`. */
async function lostDeal(source: { key: string }, lossReasonId: string) {
  const utmCampaign = `bags_${token()}`;
  await createCampaign(h, "yandex", utmCampaign);
  const externalId = amoId();
  const added = await postHook(h, source.key, fixtureWith("amocrm-lead-add.txt", { "31245678": externalId, "31245702": amoId(), bags_spring_2025: utmCampaign }));
  expect(added.status, added.text).toBe(200);
  const lost = await postHook(h, source.key, fixtureWith("amocrm-status-lost-reason.txt", { "31245702": externalId, "7656397": lossReasonId }));
  expect(lost.status, lost.text).toBe(200);
  return added.body.leads[0].id as string;
}

const sourceOf = async (id: string) => (await h.call("GET", `/api/sources/${id}`)).body;

describe("a source's page: amoCRM statuses, loss reasons and pipelines", () => {
  it("lets a marketer in Russian map a status to a stage and see the map in words", async () => {
    const source = await amoSource();
    expect((await marketer.get("/sources")).html).toContain(`href="/sources/${source.id}"`);
    const page = textOf((await marketer.get(`/sources/${source.id}`)).html);
    expect(page).toContain("Статусы amoCRM → этапы");
    expect(page).toContain("Статус amoCRM Наш этап 142 Сделка 143 Потерян");

    const saved = await marketer.post(`/sources/${source.id}/status-map`, { statusId: "41923", stage: "qualified" });

    expect(saved.status, textOf(saved.html)).toBe(303);
    expect(saved.location).toBe(`/sources/${source.id}#statuses`);
    expect((await sourceOf(source.id)).statusMap).toEqual({ "142": "won", "143": "lost", "41923": "qualified" });
    const after = textOf((await marketer.get(`/sources/${source.id}`)).html);
    expect(after).toContain("143 Потерян 41923 Квалифицирован");
    expect(after).not.toMatch(/qualified|amocrm\b/);
  });

  it("lists a loss reason amoCRM sent without a name and names it in one click; named reasons add up", async () => {
    const source = await amoSource();
    const leadId = await lostDeal(source, "8661985");
    // The lead lost with it says so in Russian, not with the stored English text.
    const lead = textOf((await marketer.get(`/leads/${leadId}`)).html);
    expect(lead).toContain("Причина потери причина отказа amoCRM № 8661985");
    expect(lead).not.toContain("amoCRM reason");
    const page = await marketer.get(`/sources/${source.id}`);
    expect(textOf(page.html)).toContain("Ни одна причина отказа ещё не названа.");
    expect(textOf(page.html)).toContain("№ 8661985: 1 лид, последний раз 2 мар. 2026 г., 12:00");

    const named = await marketer.post(`/sources/${source.id}/loss-reasons`, { lossReasonId: "8661985", name: "Дорого" });
    expect(named.status, textOf(named.html)).toBe(303);
    const other = await marketer.post(`/sources/${source.id}/loss-reasons`, { lossReasonId: "7656397", name: "Не дозвонились" });
    expect(other.status, textOf(other.html)).toBe(303);

    expect((await sourceOf(source.id)).lossReasons).toEqual({ "8661985": "Дорого", "7656397": "Не дозвонились" });
    expect((await h.call("GET", `/api/sources/${source.id}/unmapped-loss-reasons`)).body.items).toEqual([]);
    const after = textOf((await marketer.get(`/sources/${source.id}`)).html);
    expect(after).toContain("7656397 Не дозвонились убрать 8661985 Дорого убрать");
    expect(after).toContain("У всех причин отказа, присланных amoCRM, есть названия.");
  });

  it("saves the pipelines that count, and answers bad input in Russian naming the field", async () => {
    const source = await amoSource();
    await marketer.get(`/sources/${source.id}`);
    expect((await marketer.post(`/sources/${source.id}/pipelines`, { pipelines: "111, 222 333" })).status).toBe(303);
    expect((await sourceOf(source.id)).pipelines).toEqual(["111", "222", "333"]);
    expect(textOf((await marketer.get(`/sources/${source.id}`)).html)).toContain("Учитываются: 111, 222, 333.");

    const badPipelines = await marketer.post(`/sources/${source.id}/pipelines`, { pipelines: "воронка" });
    expect(badPipelines.status).toBe(400);
    expect(textOf(badPipelines.html)).toContain("Номер воронки — только цифры, не больше 20, всего не больше 100 номеров.");
    const badReason = await marketer.post(`/sources/${source.id}/loss-reasons`, { lossReasonId: "12x", name: "Дорого" });
    expect(badReason.status).toBe(400);
    expect(textOf(badReason.html)).toContain("Номер причины отказа amoCRM ⚠ номер amoCRM: только цифры, не больше 20");
    // The summary above the form names the field too, not only the message beside it.
    expect(textOf(badReason.html)).toContain("В форме есть ошибки: Номер причины отказа amoCRM: номер amoCRM: только цифры, не больше 20");
    const badStatus = await marketer.post(`/sources/${source.id}/status-map`, { statusId: " ", stage: "won" });
    expect(badStatus.status).toBe(400);
    expect(textOf(badStatus.html)).toContain("Номер статуса amoCRM ⚠ обязательное поле");
    expect(textOf(badStatus.html)).toContain("В форме есть ошибки: Номер статуса amoCRM: обязательное поле");
    expect(textOf(badStatus.html)).not.toMatch(/Invalid|Too small|statusId/);
    const source2 = await sourceOf(source.id);
    expect([source2.pipelines, source2.lossReasons, source2.statusMap]).toEqual([["111", "222", "333"], {}, { "142": "won", "143": "lost" }]);
    expect((await marketer.get("/sources/01NOSUCHSOURCE0000000000000")).status).toBe(404);
  });

  it("is not for the sales department: pages and posts are refused", async () => {
    const source = await amoSource();
    for (const role of ["manager", "sales_head"] as const) {
      const person = await addSalesPerson(h, role);
      const browser = h.browser({ acceptLanguage: "ru" });
      await browser.signIn(person.key);
      await browser.get("/leads");
      expect((await browser.get(`/sources/${source.id}`)).status).toBe(403);
      expect((await browser.post(`/sources/${source.id}/status-map`, { statusId: "1", stage: "won" })).status).toBe(403);
      expect((await browser.post(`/sources/${source.id}/loss-reasons`, { lossReasonId: "1", name: "Дорого" })).status).toBe(403);
    }
    expect((await sourceOf(source.id)).lossReasons).toEqual({});
  });

  it("names a reason of a source stored before it had a loss reason map", async () => {
    const source = await amoSource();
    const stored = (await SourceEntity.get(h.ctx, { id: source.id }))!;
    const { lossReasons: _none, ...older } = stored;
    await SourceEntity.put(h.ctx, older as typeof stored);
    expect((await SourceEntity.get(h.ctx, { id: source.id }, { consistent: true }))!.lossReasons).toEqual({});
    await marketer.get(`/sources/${source.id}`);

    expect((await marketer.post(`/sources/${source.id}/loss-reasons`, { lossReasonId: "55", name: "Выбрали другого" })).status).toBe(303);
    expect((await sourceOf(source.id)).lossReasons).toEqual({ "55": "Выбрали другого" });
  });

  it("speaks English to an English reader, with no Russian words but the names typed", async () => {
    const source = await amoSource();
    await lostDeal(source, "9001");
    await h.call("PUT", `/api/sources/${source.id}/status-map`, { "41923": "proposal" });
    const en = h.browser({ acceptLanguage: "en" });
    await en.signIn((await h.call("POST", "/api/keys", { role: "marketer" })).body.key);
    const text = textOf((await en.get(`/sources/${source.id}`)).html);
    expect(text).toContain("amoCRM statuses → stages");
    expect(text).toContain("143 Lost 41923 Proposal");
    expect(text).toContain("No. 9001: 1 lead, last");
    expect(text.replace(/Паром/g, "")).not.toMatch(/[а-яё]/i);
  });
});
