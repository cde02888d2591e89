import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { newCampaign, newContractor, newHypothesis, outboxTo } from "../support/reports.js";
import { Browser, marketerOn, textOf, type WebHarness } from "../support/web.js";

// Tuesday 10 March 2026: the last complete week is 2-8 March.
let h: WebHarness;
let marketer: Browser;
beforeAll(async () => {
  ({ h, marketer } = await marketerOn("/contractors", "2026-03-10T09:00:00Z"));
});

async function contractorWithCampaign(email?: string) {
  const name = `Агентство ${newId()}`;
  const id = await newContractor(h, { name, ...(email ? { email } : {}) });
  const hypothesis = await newHypothesis(h, { cplMax: "1500" });
  await newCampaign(h, hypothesis.id, id);
  return name;
}

describe("sending the reports now from the contractors page", () => {
  it("sends the week's reports, says per contractor what happened in Russian, and does not send one twice", async () => {
    const email = `reports-${newId().toLowerCase()}@agency.ru`;
    const withAddress = await contractorWithCampaign(email);
    const withoutAddress = await contractorWithCampaign();
    expect(textOf((await marketer.get("/contractors")).html)).toContain("Отправить отчёты сейчас");

    const run = await marketer.post("/reports/run", { period: "weekly" });
    expect(run.status).toBe(200);
    const text = textOf(run.html);
    expect(text).toContain("Период: 2 мар. 2026 г. – 8 мар. 2026 г.");
    expect(text).toContain(`${withAddress}: отправлен`);
    expect(text).toContain(`${withoutAddress}: не отправлен: у подрядчика нет адреса для отчётов`);
    for (const leak of ["no_email", "sent", "weekly"]) expect(text).not.toContain(leak);
    expect(await outboxTo(h, email)).toHaveLength(1);

    const again = textOf((await marketer.post("/reports/run", { period: "weekly" })).html);
    expect(again).toContain(`${withAddress}: уже был отправлен раньше`);
    expect(await outboxTo(h, email)).toHaveLength(1);
  });

  it("answers an unknown period in Russian naming the field", async () => {
    const refused = await marketer.post("/reports/run", { period: "daily" });
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain("Отчёт: выберите недельный или месячный.");
  });

  it("refuses a head of sales with 403 and sends nothing", async () => {
    const email = `head-${newId().toLowerCase()}@agency.ru`;
    await contractorWithCampaign(email);
    const person = await h.call("POST", "/api/people", { name: `Глеб ${newId()}`, role: "sales_head" });
    const head = h.browser({ acceptLanguage: "ru" });
    await head.signIn((await h.call("POST", "/api/keys", { role: "sales_head", personId: person.body.id })).body.key);
    await head.get("/");
    expect((await head.post("/reports/run", { period: "weekly" })).status).toBe(403);
    expect(await outboxTo(h, email)).toHaveLength(0);
  });
});
