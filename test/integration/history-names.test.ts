import { beforeAll, describe, expect, it } from "vitest";
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
});
