import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { OWNER_KEY } from "../support/harness.js";
import { Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let marketer: Browser;
beforeAll(async () => {
  h = await createWebHarness();
  marketer = h.browser({ acceptLanguage: "ru" });
  await marketer.signIn((await h.call("POST", "/api/keys", { role: "marketer" })).body.key);
});

const addContractor = async () => (await h.call("POST", "/api/contractors", { name: `Агентство ${newId()}` })).body.id as string;
const emailOf = async (id: string) => (await h.call("GET", `/api/contractors/${id}`)).body.email;

describe("a contractor's address for reports on the contractors page", () => {
  it("lets a marketer give, change and remove the address, saying so in Russian", async () => {
    const id = await addContractor();
    const page = await marketer.get("/contractors");
    expect(textOf(page.html)).toContain("адреса нет: отчёты не отправляются");

    const saved = await marketer.post(`/contractors/${id}/email`, { email: " reports@agency.ru " });
    expect(saved.status).toBe(303);
    expect(await emailOf(id)).toBe("reports@agency.ru");
    const after = await marketer.get(saved.location!);
    expect(textOf(after.html)).toContain("Адрес сохранён.");
    expect(after.html).toContain('value="reports@agency.ru"');

    await marketer.post(`/contractors/${id}/email`, { email: "new@agency.ru" });
    expect(await emailOf(id)).toBe("new@agency.ru");

    const removed = await marketer.post(`/contractors/${id}/email`, { email: "" });
    expect(removed.status).toBe(303);
    expect(await emailOf(id)).toBeNull();
    expect(textOf((await marketer.get(removed.location!)).html)).toContain("Адрес удалён: отчёты не отправляются.");
  });

  it("answers a wrong address on the page in Russian, naming the field, and keeps the old one", async () => {
    const id = await addContractor();
    await h.call("PATCH", `/api/contractors/${id}`, { email: "old@agency.ru" });
    const refused = await marketer.post(`/contractors/${id}/email`, { email: "reports at agency" });
    expect(refused.status).toBe(400);
    const text = textOf(refused.html);
    expect(text).toContain("Адрес для отчётов: это не адрес электронной почты");
    expect(refused.html).toContain('value="reports at agency"');
    for (const leak of ["Invalid", "email:", "invalid"]) expect(text).not.toContain(leak);
    expect(await emailOf(id)).toBe("old@agency.ru");
  });

  it("refuses a contractor with 403 and answers an unknown contractor with 404", async () => {
    const id = await addContractor();
    const agency = h.browser({ acceptLanguage: "ru" });
    await agency.signIn((await h.call("POST", "/api/keys", { role: "contractor", contractorId: id })).body.key);
    expect((await agency.post(`/contractors/${id}/email`, { email: "me@agency.ru" })).status).toBe(403);
    expect(await emailOf(id)).toBeNull();
    const owner = h.browser({ acceptLanguage: "ru" });
    await owner.signIn(OWNER_KEY);
    await owner.get("/contractors");
    expect((await owner.post(`/contractors/${newId()}/email`, { email: "x@agency.ru" })).status).toBe(404);
  });
});
