import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { createCampaign, token } from "../support/intake.js";
import { Browser, marketerOn, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let marketer: Browser;
beforeAll(async () => {
  ({ h, marketer } = await marketerOn("/spend", "2026-03-10T09:00:00Z"));
});

/** A campaign of its own (utm_source "calls"), named on the page by its hypothesis' title. */
async function campaign() {
  const { campaignId, title } = await createCampaign(h, "calls", token());
  return { id: campaignId, title };
}
const stored = async (campaignId: string) => (await h.call("GET", `/api/spend?campaignId=${campaignId}`)).body.items;

describe("one day's spend typed by hand on the spend page", () => {
  it("records roubles written with spaces and a comma, and a second entry replaces the day", async () => {
    const { id, title } = await campaign();
    expect((await marketer.get("/spend")).html).toContain(title);
    const first = await marketer.post("/spend/day", { campaignId: id, date: "2026-03-03", amount: "600 000" });
    expect(first.status).toBe(303);
    expect(textOf((await marketer.get(first.location!)).html)).toContain("Расход за день записан.");
    expect(await stored(id)).toMatchObject([{ date: "2026-03-03", cost: "600000.00" }]);

    const again = await marketer.post("/spend/day", { campaignId: id, date: "2026-03-03", amount: "600\u00a0000,50" });
    expect(textOf((await marketer.get(again.location!)).html)).toContain("он заменил сумму, записанную за этот день раньше");
    expect(await stored(id)).toMatchObject([{ date: "2026-03-03", cost: "600000.50" }]);
  });

  it("answers bad input on the page in Russian naming each field, and records nothing", async () => {
    const { id } = await campaign();
    const refused = await marketer.post("/spend/day", { campaignId: "", date: "3 марта", amount: "600 000.505" });
    expect(refused.status).toBe(400);
    const text = textOf(refused.html);
    expect(text).toContain("Кампания: выберите кампанию.");
    expect(text).toContain("День: выберите день в календаре.");
    expect(text).toContain("Сумма: напишите сумму в рублях, например 600 000 или 600 000,50");
    expect(refused.html).toContain('value="600 000.505"');
    for (const leak of ["campaignId", "amount", "invalid", "must"]) expect(text).not.toContain(leak);
    const negative = await marketer.post("/spend/day", { campaignId: id, date: "2026-03-04", amount: "-5" });
    expect(negative.status).toBe(400);
    expect(textOf(negative.html)).toContain("Сумма: расход не может быть меньше нуля.");
    // Today is 10 March 2026: a day after it (a mistyped year) is not counted as spend.
    const future = await marketer.post("/spend/day", { campaignId: id, date: "2027-03-04", amount: "5 000" });
    expect(future.status).toBe(400);
    expect(textOf(future.html)).toContain("День: этот день ещё не наступил, а расход записывают за прошедшие дни и сегодня.");
    expect((await marketer.post("/spend/day", { campaignId: id, date: "2026-03-10", amount: "5 000" })).status).toBe(303);
    expect(await stored(id)).toMatchObject([{ date: "2026-03-10", cost: "5000.00" }]);
  });

  it("refuses a head of sales with 403 and records nothing", async () => {
    const { id } = await campaign();
    const person = await h.call("POST", "/api/people", { name: `Глеб ${newId()}`, role: "sales_head" });
    const head = h.browser({ acceptLanguage: "ru" });
    await head.signIn((await h.call("POST", "/api/keys", { role: "sales_head", personId: person.body.id })).body.key);
    await head.get("/");
    expect((await head.get("/spend")).status).toBe(403);
    expect((await head.post("/spend/day", { campaignId: id, date: "2026-03-03", amount: "100" })).status).toBe(403);
    expect(await stored(id)).toEqual([]);
  });
});
