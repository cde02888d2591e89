import { expect } from "vitest";
import type { Harness } from "./harness.js";
import { token } from "./intake.js";

/** A person of the sales department with a key bound to them. */
export type SalesPerson = { id: string; name: string; key: string; keyId: string };

/** Adds a person (as the owner) and makes them a key; the name gets a token so tests never share people. */
export async function addSalesPerson(
  h: Harness,
  role: "manager" | "sales_head",
  extra: { name?: string; duty?: "leads" | "accounts"; crmUserIds?: string[] } = {},
): Promise<SalesPerson> {
  const { name = `${role === "manager" ? "Менеджер" : "Руководитель"} ${token()}`, ...rest } = extra;
  const person = await h.call("POST", "/api/people", { name, role, ...rest });
  expect(person.status, person.text).toBe(201);
  const key = await h.call("POST", "/api/keys", { role, personId: person.body.id });
  expect(key.status, key.text).toBe(201);
  return { id: person.body.id, name, key: key.body.key, keyId: key.body.id };
}

/** Two lead managers, two account managers and a head of sales. */
export async function addSalesTeam(h: Harness) {
  const [leadManagerA, leadManagerB, accountManagerA, accountManagerB, head] = await Promise.all([
    addSalesPerson(h, "manager", { duty: "leads" }),
    addSalesPerson(h, "manager", { duty: "leads" }),
    addSalesPerson(h, "manager", { duty: "accounts" }),
    addSalesPerson(h, "manager", { duty: "accounts" }),
    addSalesPerson(h, "sales_head"),
  ]);
  return { leadManagerA, leadManagerB, accountManagerA, accountManagerB, head };
}
