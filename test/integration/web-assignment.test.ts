import { beforeAll, describe, expect, it } from "vitest";
import { NOW } from "../support/discipline.js";
import { createSource, postHook, token } from "../support/intake.js";
import { contractorKey, newContractor } from "../support/reports.js";
import { addSalesPerson } from "../support/sales.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
});

const signedIn = async (key: string, lang = "ru") => {
  const browser = h.browser({ acceptLanguage: lang });
  await browser.signIn(key);
  return browser;
};

/** A JSON source's new lead; answers who it went to. */
async function nextLeadGoesTo(sourceKey: string) {
  const res = await postHook(h, sourceKey, { contentType: "application/json", text: JSON.stringify({ externalId: `f-${token()}`, name: "Ирина", phone: `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}` }) });
  expect(res.status, res.text).toBe(200);
  return (await h.call("GET", `/api/leads/${res.body.leads[0].id}`)).body.assigneeId as string;
}

describe("the head of sales' assignment page", () => {
  it("lets the head of sales set managers in turn from the menu, and the source's next leads go to them in turn", async () => {
    const [head, anna, boris] = [await addSalesPerson(h, "sales_head"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager")];
    const source = await createSource(h, "json");
    const browser = await signedIn(head.key);

    const page = await browser.get("/assignment");
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/assignment"');
    const before = textOf(page.html);
    expect(before).toContain("Распределение лидов");
    expect(before).toContain("Правила нет: новые заявки назначают вручную.");
    expect(before).toContain("по очереди");
    expect(before).toContain("всегда один менеджер");
    const form = new FormData();
    form.set("mode", "round_robin");
    form.set("personId", "");
    form.append("personIds", anna.id);
    form.append("personIds", boris.id);
    const posted = await browser.post(`/sources/${source.id}/assignment`, form);
    expect(posted.status).toBe(303);

    const after = textOf((await browser.get(posted.location!)).html);
    expect(after).toContain("Правило сохранено.");
    expect(after).toContain(`Новые заявки получают по очереди: ${anna.name}, ${boris.name}.`);
    expect([await nextLeadGoesTo(source.key), await nextLeadGoesTo(source.key), await nextLeadGoesTo(source.key)]).toEqual([anna.id, boris.id, anna.id]);
  });

  it("names the field in Russian: a fixed rule without a manager, an account manager in turn", async () => {
    const [head, lead, keeper] = [await addSalesPerson(h, "sales_head"), await addSalesPerson(h, "manager"), await addSalesPerson(h, "manager", { duty: "accounts" })];
    const source = await createSource(h, "json");
    const browser = await signedIn(head.key);
    const page = await browser.get("/assignment");
    expect(page.html).toContain(`value="${lead.id}"`);
    expect(page.html).not.toContain(`value="${keeper.id}"`);

    const fixed = await browser.post(`/sources/${source.id}/assignment`, { mode: "fixed", personId: "" });
    expect(fixed.status).toBe(400);
    expect(textOf(fixed.html)).toContain("Менеджер (если всегда один): обязательное поле");

    const form = new FormData();
    form.set("mode", "round_robin");
    form.append("personIds", lead.id);
    form.append("personIds", keeper.id);
    const mixed = await browser.post(`/sources/${source.id}/assignment`, form);
    expect(mixed.status).toBe(400);
    const text = textOf(mixed.html);
    expect(text).toContain("Менеджеры (если по очереди): этот сотрудник не менеджер по новым лидам");
    expect(text).not.toMatch(/person|manager|personIds/);
    expect((await h.call("GET", `/api/sources/${source.id}/assignment`)).body.mode).toBe("none");

    const api = await h.call("PUT", `/api/sources/${source.id}/assignment`, { mode: "fixed", personId: keeper.id }, { key: head.key });
    expect(api.status).toBe(400);
    expect(api.body.issues).toEqual([{ path: "personId", message: `person ${keeper.id} is not a lead manager` }]);
  });

  it("refuses a manager and a contractor, and shows them no link to it", async () => {
    const manager = await addSalesPerson(h, "manager");
    const contractor = await contractorKey(h, await newContractor(h));
    const source = await createSource(h, "json");
    for (const key of [manager.key, contractor]) {
      const browser = await signedIn(key);
      const home = await browser.get("/");
      expect(home.html).not.toContain('href="/assignment"');
      const page = await browser.get("/assignment");
      expect(page.status).toBe(403);
      expect(page.html).not.toContain("/assignment\"");
      expect((await browser.post(`/sources/${source.id}/assignment`, { mode: "none" })).status).toBe(403);
    }
  });
});
