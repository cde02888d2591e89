import { beforeAll, describe, expect, it } from "vitest";
import { Outcomes } from "../../packages/core/src/lead/outcomes.js";
import { arrive, NOW } from "../support/discipline.js";
import { hypothesisBody } from "../support/decisions.js";
import { OWNER_KEY } from "../support/harness.js";
import { createSource } from "../support/intake.js";
import { addSalesPerson } from "../support/sales.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let maria: { id: string; key: string };
beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  maria = (await h.call("POST", "/api/keys", { role: "marketer", name: "Мария Маркетолог" })).body;
});

const rules = { responsible: "Мария", leadHandling: "Ответить за 10 минут", checklist: ["UTM проверены"] };

describe("histories say who acted by name", () => {
  it("keeps the key's name on a hypothesis' history and rules, and the pages show it instead of the role", async () => {
    const created = await h.call("POST", "/api/hypotheses", hypothesisBody({ probe: { start: "2026-03-01", end: "2026-03-31" } }), { key: maria.key });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    const written = await h.call("PUT", `/api/hypotheses/${id}/rules`, rules, { key: maria.key });

    expect(written.body.actor).toEqual({ keyId: maria.id, role: "marketer", name: "Мария Маркетолог" });
    const history = (await h.call("GET", `/api/hypotheses/${id}/history`)).body.items;
    expect(history.map((e: any) => e.actor.name)).toEqual(["Мария Маркетолог", "Мария Маркетолог"]);

    const ru = h.browser({ acceptLanguage: "ru" });
    await ru.signIn(OWNER_KEY);
    const text = textOf((await ru.get(`/hypotheses/${id}`)).html);
    expect(text).toContain("Мария Маркетолог");
  });

  it("names the person whose key moved a lead in its stage history, and the owner by role", async () => {
    const source = await createSource(h, "json");
    const head = await addSalesPerson(h, "sales_head");
    const id = await arrive(h, source, "2026-03-09T10:00:00+03:00");
    await h.call("PATCH", `/api/leads/${id}`, { stage: "contacted" }, { key: head.key });
    await h.call("PATCH", `/api/leads/${id}`, { stage: "qualified" });

    const en = h.browser({ acceptLanguage: "en" });
    await en.signIn(OWNER_KEY);
    const text = textOf((await en.get(`/leads/${id}`)).html);

    expect(text).toContain(`(${head.name})`);
    expect(text).toContain("(by the owner)");
    expect(text).not.toContain(head.keyId.slice(-6));
  });

  it("names who acted in the API's lead history: the person, the owner, a named key, and nobody for a key without a name", async () => {
    const source = await createSource(h, "json");
    const head = await addSalesPerson(h, "sales_head");
    const nameless = (await h.call("POST", "/api/keys", { role: "marketer" })).body;
    const id = await arrive(h, source, "2026-03-02T10:00:00+03:00");
    await h.call("PATCH", `/api/leads/${id}`, { stage: "contacted" }, { key: head.key });
    await h.call("PATCH", `/api/leads/${id}`, { stage: "qualified" });
    await h.call("PATCH", `/api/leads/${id}`, { stage: "proposal" }, { key: nameless.key });
    // A change stored before histories kept names: named from the keys list.
    await Outcomes.changeStage(h.ctx, id, { stage: "won", amount: "100" }, { actor: `key:${maria.id}` });

    const res = await h.call("GET", `/api/leads/${id}/history`);

    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map((e: any) => [e.to, e.actor, e.actorName])).toEqual([
      ["contacted", `key:${head.keyId}`, head.name],
      ["qualified", "key:env:OWNER_API_KEY", "owner"],
      ["proposal", `key:${nameless.id}`, null],
      ["won", `key:${maria.id}`, "Мария Маркетолог"],
    ]);
  });

  it("names the person whose fifth unanswered attempt lost the lead as no_contact", async () => {
    const source = await createSource(h, "json");
    const head = await addSalesPerson(h, "sales_head");
    const id = await arrive(h, source, "2026-03-02T10:00:00+03:00");
    for (const at of ["2026-03-02T10:30:00+03:00", "2026-03-02T14:00:00+03:00", "2026-03-03T10:00:00+03:00", "2026-03-03T14:00:00+03:00", "2026-03-03T19:00:00+03:00"]) {
      const res = await h.call("POST", `/api/leads/${id}/contact-attempts`, { at, channel: "phone", result: "no_answer" }, { key: head.key });
      expect(res.status, res.text).toBe(201);
    }

    const items = (await h.call("GET", `/api/leads/${id}/history`)).body.items;

    expect(items).toEqual([expect.objectContaining({ to: "lost", lostReason: "no_contact", actor: `key:${head.keyId}`, actorName: head.name })]);
  });
});
