import { beforeAll, describe, expect, it } from "vitest";
import { token } from "../support/intake.js";
import { addSalesPerson } from "../support/sales.js";
import { expectPage, marketerOn, textOf, type Browser, type WebHarness } from "../support/web.js";

let h: WebHarness;
let marketer: Browser;

beforeAll(async () => {
  ({ h, marketer } = await marketerOn("/sources", "2026-03-02T09:00:00Z"));
});

/** An amoCRM source with its own statuses and named loss reasons. */
async function mappedSource(statusMap: Record<string, string>, lossReasons: Record<string, string> = {}) {
  const name = `amoCRM ${token()}`;
  const res = await h.call("POST", "/api/sources", { name, format: "amocrm", statusMap, lossReasons });
  expect(res.status, res.text).toBe(201);
  return { ...(res.body as { id: string }), name };
}

const sourceOf = async (id: string) => (await h.call("GET", `/api/sources/${id}`)).body;

describe("removing one entry of a source's amoCRM maps", () => {
  it("removes one status after a confirmation in words and leaves the others", async () => {
    const source = await mappedSource({ "41923": "qualified", "41924": "won", "41925": "lost" });
    const page = await marketer.get(`/sources/${source.id}`);
    expect(page.html).toContain(`href="/sources/${source.id}/status-map/41924/remove"`);
    // amoCRM's own won and lost, as they are, have nothing of this source's to remove.
    expect(page.html).not.toContain("/status-map/142/remove");
    expect(textOf(page.html)).toContain("41924 Сделка убрать");

    const confirm = await marketer.get(`/sources/${source.id}/status-map/41924/remove`);
    expectPage(confirm, 200, `Убрать статус amoCRM 41924 → «Сделка» у источника «${source.name}»? Сделки, перешедшие в этот статус, больше не будут менять этап лида.`);
    expect(confirm.html).toContain(`action="/sources/${source.id}/status-map/41924/remove"`);
    const removed = await marketer.post(`/sources/${source.id}/status-map/41924/remove`, {});

    expect(removed.status).toBe(303);
    expect((await sourceOf(source.id)).statusMap).toEqual({ "142": "won", "143": "lost", "41923": "qualified", "41925": "lost" });
    const after = textOf((await marketer.get(removed.location!)).html);
    expect(after).toContain("Запись убрана.");
    expect(after).not.toContain("41924");
    // An id no entry can have (longer than a status id may be) removes nothing and is no error.
    expect((await marketer.post(`/sources/${source.id}/status-map/${"9".repeat(100)}/remove`, {})).status).toBe(303);
    expect(Object.keys((await sourceOf(source.id)).statusMap)).toHaveLength(4);
  });

  it("keeps what another person saves while one entry is removed", async () => {
    const source = await mappedSource({ "51001": "qualified", "51002": "won" });
    const other = h.browser({ acceptLanguage: "ru" });
    await other.signIn((await h.call("POST", "/api/keys", { role: "marketer" })).body.key);
    await other.get(`/sources/${source.id}`);

    const [removed, saved] = await Promise.all([
      marketer.post(`/sources/${source.id}/status-map/51001/remove`, {}),
      other.post(`/sources/${source.id}/status-map`, { statusId: "51003", stage: "lost" }),
    ]);

    expect([removed.status, saved.status]).toEqual([303, 303]);
    expect((await sourceOf(source.id)).statusMap).toEqual({ "142": "won", "143": "lost", "51002": "won", "51003": "lost" });
  });

  it("gives amoCRM's own status its meaning back when this source's override is removed", async () => {
    const source = await mappedSource({ "143": "qualified" });
    const confirm = await marketer.get(`/sources/${source.id}/status-map/143/remove`);
    expectPage(confirm, 200, "Это собственный статус amoCRM: после этого он снова будет означать «Потерян».");
    await marketer.post(`/sources/${source.id}/status-map/143/remove`, {});
    expect((await sourceOf(source.id)).statusMap).toEqual({ "142": "won", "143": "lost" });
  });

  it("removes one loss reason's name after a confirmation and leaves the others", async () => {
    const source = await mappedSource({}, { "7656397": "Дорого", "7656398": "Не дозвонились" });
    const confirm = await marketer.get(`/sources/${source.id}/loss-reasons/7656397/remove`);
    expectPage(confirm, 200, `Убрать название «Дорого» у причины отказа amoCRM № 7656397 источника «${source.name}»?`);

    const removed = await marketer.post(`/sources/${source.id}/loss-reasons/7656397/remove`, {});

    expect(removed.status).toBe(303);
    expect((await sourceOf(source.id)).lossReasons).toEqual({ "7656398": "Не дозвонились" });
    // Gone already: confirming shows the not-found page, removing again is no error.
    expect((await marketer.get(`/sources/${source.id}/loss-reasons/7656397/remove`)).status).toBe(404);
    expect((await marketer.post(`/sources/${source.id}/loss-reasons/7656397/remove`, {})).status).toBe(303);
  });

  it("refuses the head of sales and a manager, who do not manage sources", async () => {
    const source = await mappedSource({ "61001": "qualified" });
    for (const person of [await addSalesPerson(h, "sales_head"), await addSalesPerson(h, "manager")]) {
      const browser = h.browser({ acceptLanguage: "ru" });
      await browser.signIn(person.key);
      expect((await browser.get(`/sources/${source.id}/status-map/61001/remove`)).status).toBe(403);
      expect((await browser.post(`/sources/${source.id}/status-map/61001/remove`, {})).status).toBe(403);
    }
    expect((await sourceOf(source.id)).statusMap["61001"]).toBe("qualified");
  });

  it("removes one entry through the API too, leaving the others", async () => {
    const source = await mappedSource({ "71001": "qualified", "71002": "won" }, { "7656397": "Дорого", "7656398": "Не дозвонились" });

    const status = await h.call("DELETE", `/api/sources/${source.id}/status-map/71001`);
    const reason = await h.call("DELETE", `/api/sources/${source.id}/loss-reasons/7656398`);

    expect([status.status, reason.status]).toEqual([200, 200]);
    expect(reason.body).toMatchObject({ statusMap: { "142": "won", "143": "lost", "71002": "won" }, lossReasons: { "7656397": "Дорого" } });
    expect(Object.keys((await sourceOf(source.id)).statusMap)).not.toContain("71001");
    expect((await h.call("DELETE", `/api/sources/${source.id}/status-map/71001`)).status).toBe(200);
  });
});
