import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { arrive, attempt, attempts, NOW } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { createSource, fixtureWith, postHook } from "../support/intake.js";
import { addSalesPerson } from "../support/sales.js";
import { Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let source: { key: string; id: string };
let owner: Browser;

// Leads arrive on Monday 2026-03-02 at 08:00 in Moscow (the harness's zone); now is 2026-03-10.
const ARRIVAL = "2026-03-02T08:00:00+03:00";

beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  source = await createSource(h, "json");
  owner = h.browser({ acceptLanguage: "en" });
  await owner.signIn(OWNER_KEY);
});

const attemptsOf = async (id: string) => (await h.call("GET", `/api/leads/${id}/contact-attempts`)).body.items as Array<{ at: string; channel: string; result: string }>;

describe("the lead page's contact attempts", () => {
  it("lists the attempts oldest first with channel, result, time of day and who recorded them, under the contact rule's count", async () => {
    const id = await arrive(h, source, ARRIVAL);
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body as { id: string; key: string };
    await h.call("POST", `/api/leads/${id}/contact-attempts`, { at: "2026-03-03T19:30:00+03:00", channel: "messenger", result: "no_answer" }, { key: marketer.key });
    // Recorded later but made earlier, at night: it comes first.
    expect((await attempt(h, id, "2026-03-03T02:00:00+03:00", "no_answer", "email")).status).toBe(201);

    const text = textOf((await owner.get(`/leads/${id}`)).html);

    expect(text).toContain("Contact attempts 2 attempts, 2 unanswered in a row.");
    expect(text).toContain(
      "After 5 unanswered attempts in a row over at least 2 days and 2 times of day (morning, afternoon, evening) the lead is lost as \"not reached (five attempts)\".",
    );
    const night = text.indexOf("3 Mar 2026, 02:00 — E-mail, no answer, at night (by the owner)");
    const evening = text.indexOf(`3 Mar 2026, 19:30 — Messenger, no answer, evening (by API key …${marketer.id.slice(-6)})`);
    expect(night).toBeGreaterThan(-1);
    expect(evening).toBeGreaterThan(night);
    expect(text).not.toContain("key:");
  });

  it("says so in Russian too", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await attempt(h, id, "2026-03-04T10:00:00+03:00", "reached", "phone");
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);

    const text = textOf((await ru.get(`/leads/${id}`)).html);

    expect(text).toContain("Попытки связаться Попыток: 1, без ответа подряд: 0.");
    expect(text).toContain("лид теряется с причиной «не дозвонились (пять попыток)»");
    expect(text).toMatch(/10:00 — Телефон, дозвонились, утром \(владельцем\)/);
  });

  it("shows a lead without attempts as such", async () => {
    const id = await arrive(h, source, ARRIVAL);

    const text = textOf((await owner.get(`/leads/${id}`)).html);

    expect(text).toContain("0 attempts, 0 unanswered in a row.");
    expect(text).toContain("No contact attempts yet.");
  });
});

describe("recording a contact attempt on the lead page", () => {
  it("records the time typed in the workspace's zone and comes back to the page showing it", async () => {
    const id = await arrive(h, source, ARRIVAL);
    const form = await owner.get(`/leads/${id}`);
    expect(form.html).toContain(`action="/leads/${id}/contact-attempts"`);
    // The time field starts at now in Moscow (12:00Z is 15:00 there).
    expect(form.html).toMatch(/name="at" type="datetime-local" value="2026-03-10T15:00"/);

    const posted = await owner.post(`/leads/${id}/contact-attempts`, { at: "2026-03-04T10:15", channel: "phone", result: "no_answer" });
    const page = await owner.get(posted.location!);
    const text = textOf(page.html);

    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`/leads/${id}?notice=attemptRecorded#attempts`);
    expect(text).toContain("✓ Contact attempt recorded.");
    expect(text).toContain("1 attempt, 1 unanswered in a row.");
    expect(text).toContain("4 Mar 2026, 10:15 — Phone, no answer, morning (by the owner)");
    expect(await attemptsOf(id)).toMatchObject([{ at: "2026-03-04T07:15:00.000Z", channel: "phone", result: "no_answer" }]);
  });

  it("shows the contact rule's refusal of a fifth unanswered attempt on one morning beside the form, recording nothing", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await attempts(h, id, ["2026-03-03T09:00:00+03:00", "2026-03-03T09:30:00+03:00", "2026-03-03T10:00:00+03:00", "2026-03-03T10:30:00+03:00"]);
    await owner.get(`/leads/${id}`);

    const refused = await owner.post(`/leads/${id}/contact-attempts`, { at: "2026-03-03T11:00", channel: "phone", result: "no_answer" });
    const text = textOf(refused.html);

    expect(refused.status).toBe(409);
    expect(refused.html).toContain('role="alert"');
    expect(text).toContain("this would be unanswered attempt 5, which loses the lead as no_contact only after attempts on at least 2 days");
    expect(text).toContain("Nothing was recorded");
    expect(text).toContain("4 attempts, 4 unanswered in a row.");
    // What was typed is kept for another try.
    expect(refused.html).toMatch(/name="at" type="datetime-local" value="2026-03-03T11:00"/);
    expect(await attemptsOf(id)).toHaveLength(4);
  });

  it("loses the lead as no_contact with a fifth unanswered attempt spread over two days and two times of day", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await attempts(h, id, ["2026-03-03T09:00:00+03:00", "2026-03-03T19:00:00+03:00", "2026-03-04T09:00:00+03:00", "2026-03-04T19:00:00+03:00"]);
    await owner.get(`/leads/${id}`);

    const posted = await owner.post(`/leads/${id}/contact-attempts`, { at: "2026-03-05T09:00", channel: "email", result: "no_answer" });
    const text = textOf((await owner.get(posted.location!)).html);

    expect(posted.location).toBe(`/leads/${id}?notice=attemptLost#attempts`);
    expect(text).toContain("✓ Contact attempt recorded: the lead is lost: not reached in five attempts.");
    expect(text).toMatch(/Stage Lost .* Lost reason not reached \(five attempts\)/);
    expect(text).toContain("New → Lost not reached (five attempts) (by the owner)");
  });

  it("refuses a time that is not one, naming the field", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await owner.get(`/leads/${id}`);

    const refused = await owner.post(`/leads/${id}/contact-attempts`, { at: "", channel: "phone", result: "no_answer" });

    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/<small id="e-at" class="error">/);
    expect(await attemptsOf(id)).toEqual([]);
  });
});

describe("who may see and record contact attempts", () => {
  it("lets a marketer record one, as the API does, and refuses a contractor the page and the form", async () => {
    const id = await arrive(h, source, ARRIVAL);
    const marketerKey = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key as string;
    const contractorId = (await h.call("POST", "/api/contractors", { name: `Agency ${newId()}` })).body.id as string;
    const contractorKey = (await h.call("POST", "/api/keys", { role: "contractor", contractorId })).body.key as string;
    const marketer = h.browser({ acceptLanguage: "en" });
    await marketer.signIn(marketerKey);
    const contractor = h.browser({ acceptLanguage: "en" });
    await contractor.signIn(contractorKey);

    await marketer.get(`/leads/${id}`);
    const recorded = await marketer.post(`/leads/${id}/contact-attempts`, { at: "2026-03-04T12:00", channel: "messenger", result: "reached" });
    const page = await contractor.get(`/leads/${id}`);
    const post = await contractor.post(`/leads/${id}/contact-attempts`, { at: "2026-03-04T13:00", channel: "phone", result: "reached" });

    expect(recorded.status).toBe(303);
    expect(page.status).toBe(403);
    expect(page.html).not.toContain((await h.call("GET", `/api/leads/${id}`)).body.contact.phone);
    expect(post.status).toBe(403);
    expect(await attemptsOf(id)).toMatchObject([{ channel: "messenger", result: "reached" }]);
  });
});

describe("the lead's responsible user in amoCRM", () => {
  it("names the person holding the amoCRM user number, and says a number nobody holds is an amoCRM user", async () => {
    const amo = await createSource(h, "amocrm");
    const held = `81${Date.now() % 100_000}`;
    const person = await addSalesPerson(h, "manager", { crmUserIds: [held] });
    const deal = async (responsible: string) => {
      const externalId = `4${Date.now() % 1_000_000}${Math.floor(Math.random() * 1000)}`;
      const res = await postHook(h, amo.key, fixtureWith("amocrm-lead-add.txt", { "31245678": externalId, "8123456": responsible }));
      expect(res.status, res.text).toBe(200);
      return res.body.leads[0].id as string;
    };
    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);

    const heldText = textOf((await ru.get(`/leads/${await deal(held)}`)).html);
    const unknownText = textOf((await ru.get(`/leads/${await deal("7700001")}`)).html);

    expect(heldText).toContain(`Ответственный в CRM ${person.name} (пользователь amoCRM № ${held})`);
    expect(unknownText).toContain("Ответственный в CRM пользователь amoCRM № 7700001");
  });
});
