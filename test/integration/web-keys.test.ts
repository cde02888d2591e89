import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { OWNER_KEY } from "../support/harness.js";
import { addSalesPerson } from "../support/sales.js";
import { Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let owner: Browser;
beforeAll(async () => {
  h = await createWebHarness();
  owner = h.browser({ acceptLanguage: "ru" });
  await owner.signIn(OWNER_KEY);
  await owner.get("/keys");
});

const secretOf = (html: string) => /<code id="new-key">(prm_[\w-]+)<\/code>/.exec(html)?.[1];
const keyRow = (html: string, name: string) => {
  const at = html.indexOf(`<td>${name}</td>`);
  expect(at, `row of ${name}`).toBeGreaterThan(-1);
  return textOf(html.slice(at, html.indexOf("</tr>", at)));
};

describe("the API keys page", () => {
  it("makes a named marketer key, shows its secret once, lists it in Russian and the key works", async () => {
    const name = `Маркетолог Ольга ${newId()}`;
    const made = await owner.post("/keys", { name, role: "marketer", contractorId: "", personId: "" });
    expect(made.status).toBe(201);
    const secret = secretOf(made.html);
    expect(secret).toBeDefined();
    expect(textOf(made.html)).toContain("Скопируйте его сейчас и передайте тому, кто будет им пользоваться: больше он не покажется.");
    expect(made.html).toContain('data-copy="new-key"');
    expect(made.location).toBeNull();
    expect((await h.call("GET", "/api/hypotheses", undefined, { key: secret })).status).toBe(200);

    const list = await owner.get("/keys");
    expect(list.html).not.toContain(secret!);
    expect(keyRow(list.html, name)).toMatch(/^Маркетолог Ольга \S+ маркетолог — .+ действует Отозвать$/);
  });

  it("refuses in words to make a second key when the page that showed the secret is submitted again", async () => {
    const name = `Обновлённая страница ${newId()}`;
    const formId = /name="formId" value="(\w+)"/.exec((await owner.get("/keys")).html)?.[1];
    expect(formId).toBeDefined();
    const first = await owner.post("/keys", { formId: formId!, name, role: "marketer", contractorId: "", personId: "" });
    expect(secretOf(first.html)).toBeDefined();
    const again = await owner.post("/keys", { formId: formId!, name, role: "marketer", contractorId: "", personId: "" });
    expect(again.status).toBe(409);
    expect(secretOf(again.html)).toBeUndefined();
    expect(textOf(again.html)).toContain("Этот ключ уже выпущен: его секрет показывался один раз");
    const named = (await h.call("GET", "/api/keys")).body.items.filter((k: { name?: string }) => k.name === name);
    expect(named).toHaveLength(1);
    // The page that refused shows a fresh form, so the next key can be made from it.
    expect(/name="formId" value="(\w+)"/.exec(again.html)?.[1]).not.toBe(formId);
  });

  it("binds a contractor's key to the contractor and a manager's key to the person, named in the list", async () => {
    const agency = (await h.call("POST", "/api/contractors", { name: `Агентство ${newId()}` })).body;
    const contractorKey = await owner.post("/keys", { name: `Кабинет ${agency.name}`, role: "contractor", contractorId: agency.id, personId: "" });
    expect(contractorKey.status).toBe(201);
    expect(keyRow(contractorKey.html, `Кабинет ${agency.name}`)).toContain(`подрядчик ${agency.name}`);

    const person = (await h.call("POST", "/api/people", { name: `Анна ${newId()}`, role: "manager" })).body;
    const managerKey = await owner.post("/keys", { name: "", role: "manager", contractorId: agency.id, personId: person.id });
    expect(managerKey.status).toBe(201);
    expect(textOf(managerKey.html)).toContain(`Новый ключ: ${person.name}`);
    expect(keyRow(managerKey.html, person.name)).toContain(`менеджер ${person.name}`);
    const keys = (await h.call("GET", "/api/keys")).body.items;
    expect(keys.find((k: { personId?: string }) => k.personId === person.id)).toMatchObject({ role: "manager", name: person.name });
    expect(keys.find((k: { personId?: string }) => k.personId === person.id).contractorId).toBeUndefined();
  });

  it("answers bad input on the page in Russian, naming each field, and makes no key", async () => {
    const before = (await h.call("GET", "/api/keys")).body.items.length;
    const noName = await owner.post("/keys", { name: " ", role: "marketer" });
    expect(noName.status).toBe(400);
    expect(textOf(noName.html)).toContain("Название: дайте ключу название");

    const noContractor = await owner.post("/keys", { name: "Агентство", role: "contractor", contractorId: "" });
    expect(noContractor.status).toBe(400);
    expect(textOf(noContractor.html)).toContain("Подрядчик: выберите, чей это ключ.");
    expect(noContractor.html).toContain('value="Агентство"');

    const head = await addSalesPerson(h, "sales_head");
    const wrongPerson = await owner.post("/keys", { name: "", role: "manager", personId: head.id });
    expect(wrongPerson.status).toBe(400);
    const text = textOf(wrongPerson.html);
    expect(text).toContain("Сотрудник: у этого сотрудника другая роль");
    expect(textOf(await owner.post("/keys", { name: "x", role: "" }).then((p) => p.html))).toContain("Роль: выберите роль.");
    for (const leak of ["personId", "contractorId", "sales_head", "manager", "invalid", "required"]) expect(text).not.toContain(leak);
    expect((await h.call("GET", "/api/keys")).body.items.length).toBe(before + 1);
  });

  it("revokes a key after a confirmation: it stops working and the list says when", async () => {
    const name = `Подрядчик на время ${newId()}`;
    const secret = secretOf((await owner.post("/keys", { name, role: "marketer" })).html)!;
    const id = (await h.call("GET", "/api/keys")).body.items.find((k: { name?: string }) => k.name === name).id;

    const confirm = await owner.get(`/keys/${id}/revoke`);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain(`Ключ «${name}» сразу перестанет работать`);
    expect((await h.call("GET", "/api/hypotheses", undefined, { key: secret })).status).toBe(200);

    const revoked = await owner.post(`/keys/${id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect((await h.call("GET", "/api/hypotheses", undefined, { key: secret })).status).toBe(401);
    const list = await owner.get(revoked.location!);
    expect(textOf(list.html)).toContain("Ключ отозван.");
    expect(keyRow(list.html, name)).toMatch(/отозван \d/);
    expect(keyRow(list.html, name)).not.toContain("Отозвать");
    expect((await owner.get(`/keys/${newId()}/revoke`)).status).toBe(404);
  });

  it("speaks English to an English browser, with no Cyrillic but the names typed", async () => {
    const english = h.browser({ acceptLanguage: "en" });
    await english.signIn(OWNER_KEY);
    await english.get("/keys");
    const made = await english.post("/keys", { name: "Olga", role: "marketer" });
    const text = textOf(made.html);
    expect(text).toContain("Copy it now and hand it to whoever will use it: it is not shown again.");
    expect(keyRow(made.html, "Olga")).toContain("marketer — ");
    expect(textOf((await english.post("/keys", { name: "", role: "contractor" })).html)).toContain("Contractor: choose whose key it is.");
    // Above the list, leaving out the names other tests typed in Russian (the contractor and person options), nothing is Cyrillic.
    const above = textOf(made.html.slice(0, made.html.indexOf("<h2>Keys</h2>")).replace(/<option value="\w+">[^<]*<\/option>/g, ""));
    expect(above.match(/\S*[а-яё]\S*/gi) ?? []).toEqual([]);
    expect(made.html).toContain("<h2>Keys</h2>");
  });

  it("refuses a marketer with 403: no page, no key made, no key revoked", async () => {
    const marketer = h.browser({ acceptLanguage: "ru" });
    await marketer.signIn((await h.call("POST", "/api/keys", { role: "marketer", name: "m" })).body.key);
    const ownKeyId = (await h.call("GET", "/api/keys")).body.items.at(-1).id;
    await marketer.get("/");
    expect((await marketer.get("/keys")).status).toBe(403);
    const before = (await h.call("GET", "/api/keys")).body.items.length;
    expect((await marketer.post("/keys", { name: "мой", role: "owner" })).status).toBe(403);
    expect((await marketer.post(`/keys/${ownKeyId}/revoke`, {})).status).toBe(403);
    const after = (await h.call("GET", "/api/keys")).body.items;
    expect(after.length).toBe(before);
    expect(after.find((k: { id: string; revokedAt?: string }) => k.id === ownKeyId).revokedAt).toBeUndefined();
    expect(textOf((await marketer.get("/")).html)).not.toContain("Ключи");
  });
});
