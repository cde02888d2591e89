import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { OWNER_KEY } from "../support/harness.js";
import { addSalesPerson } from "../support/sales.js";
import { newCampaign, newContractor, newHypothesis, outboxTo } from "../support/reports.js";
import { Browser, marketerOn, textOf, type WebHarness } from "../support/web.js";

// Tuesday 10 March 2026: the last complete week is 2-8 March.
let h: WebHarness;
let marketer: Browser;
beforeAll(async () => {
  ({ h, marketer } = await marketerOn("/contractors", "2026-03-10T09:00:00Z"));
});

/** A contractor with an address and a campaign whose weekly report was sent: its id, address and report. */
async function sentReport() {
  const email = `resend-${newId().toLowerCase()}@agency.ru`;
  const contractorId = await newContractor(h, { name: `Агентство ${newId()}`, email });
  const hypothesis = await newHypothesis(h, { cplMax: "1500" });
  await newCampaign(h, hypothesis.id, contractorId);
  const run = await h.call("POST", "/api/reports/run", { period: "weekly" });
  const reportId: string = run.body.results.find((r: any) => r.contractorId === contractorId).reportId;
  return { contractorId, email, reportId };
}

/** The form's one-time key of a report's "send again" button on the page. */
const requestKeyOf = (html: string, reportId: string) => new RegExp(`action="/reports/${reportId}/resend"[^>]*>.*?name="requestKey" value="([^"]+)"`, "s").exec(html)?.[1];

describe("sending one report again from the contractors page", () => {
  it("lets a marketer in Russian send a chosen report again, once per click, and shows when and by whom", async () => {
    const { contractorId, email, reportId } = await sentReport();
    const page = await marketer.get("/contractors");
    const key = requestKeyOf(page.html, reportId);
    expect(key).toBeDefined();

    const sent = await marketer.post(`/reports/${reportId}/resend`, { requestKey: key! });
    expect(sent.status, textOf(sent.html)).toBe(303);
    expect(sent.location).toBe(`/contractors#contractor-${contractorId}`);
    // The same form submitted twice sends once.
    expect((await marketer.post(`/reports/${reportId}/resend`, { requestKey: key! })).status).toBe(303);

    expect(await outboxTo(h, email)).toHaveLength(2);
    const after = textOf((await marketer.get("/contractors")).html);
    expect(after).toContain(`отправлен ещё раз 10 мар. 2026 г., 12:00 на ${email} (маркетолог)`);
    expect(after.split("отправлен ещё раз").length - 1).toBeGreaterThanOrEqual(1);
    const resends = (await h.call("GET", `/api/reports/${reportId}/resends`)).body.items;
    expect(resends).toHaveLength(1);
    expect(resends[0]).toMatchObject({ status: "sent", recipient: email, actor: { role: "marketer" } });
  });

  it("names the owner who sent it again by the role in Russian, not the key's stored name 'owner'", async () => {
    const { email, reportId } = await sentReport();
    const owner = h.browser({ acceptLanguage: "ru" });
    await owner.signIn(OWNER_KEY);
    const key = requestKeyOf((await owner.get("/contractors")).html, reportId);

    expect((await owner.post(`/reports/${reportId}/resend`, { requestKey: key! })).status).toBe(303);

    const after = textOf((await owner.get("/contractors")).html);
    expect(after).toContain(`отправлен ещё раз 10 мар. 2026 г., 12:00 на ${email} (владелец)`);
    expect(after).not.toContain("(owner)");
  });

  it("tells in Russian that the contractor has no address now, and sends nothing", async () => {
    const { contractorId, email, reportId } = await sentReport();
    await h.call("PATCH", `/api/contractors/${contractorId}`, { email: null });
    await marketer.get("/contractors");

    const refused = await marketer.post(`/reports/${reportId}/resend`, { requestKey: newId() });

    expect(refused.status).toBe(409);
    const text = textOf(refused.html);
    expect(text).toMatch(/У подрядчика «Агентство \w+» сейчас нет адреса e-mail для отчётов: укажите адрес и отправьте снова\./);
    expect(text).not.toMatch(/contractor_no_email|has no e-mail/);
    expect(await outboxTo(h, email)).toHaveLength(1);
  });

  it("is not offered to the head of sales, whose post is refused", async () => {
    const { email, reportId } = await sentReport();
    const head = await addSalesPerson(h, "sales_head");
    const browser = h.browser({ acceptLanguage: "ru" });
    await browser.signIn(head.key);
    await browser.get("/leads");
    expect((await browser.get("/contractors")).status).toBe(403);
    expect((await browser.post(`/reports/${reportId}/resend`, { requestKey: newId() })).status).toBe(403);
    expect(await outboxTo(h, email)).toHaveLength(1);
  });
});
