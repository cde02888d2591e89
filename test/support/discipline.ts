import { newId } from "../../packages/core/src/ids.js";
import { createHarness, type Harness } from "./harness.js";
import { createSource, postHook } from "./intake.js";

/** "Now" in the lead-handling tests: after every attempt they record. */
export const NOW = "2026-03-10T12:00:00Z";

/** When their leads arrive: Monday 2026-03-02 at 08:00 in Moscow. */
export const ARRIVAL = "2026-03-02T08:00:00+03:00";

/** The lead-handling tests' start: a harness at NOW and one json source for leads to arrive through. */
export async function leadDesk() {
  const h = await createHarness({ now: NOW });
  const source = await createSource(h, "json");
  return { h, source };
}

/**
 * A lead arriving through a json source's webhook at `at` (the clock is put back to NOW after),
 * attributed when `utm` names a campaign, then moved through `stages` by PATCH. Returns its id.
 */
export async function arrive(
  h: Harness,
  source: { key: string },
  at: string,
  options: { utm?: { utm_source: string; utm_campaign: string }; stages?: Array<{ stage: string; lostReason?: string; amount?: string }> } = {},
): Promise<string> {
  h.setNow(at);
  // A phone of its own: the same phone from another source within 30 days would be one lead (lead/same-person.ts).
  const body = { externalId: `crm-${newId()}`, name: "Клиент", phone: uniquePhone(), ...options.utm };
  const res = await postHook(h, source.key, { contentType: "application/json", text: JSON.stringify(body) });
  h.setNow(NOW);
  if (res.status !== 200) throw new Error(`lead not captured: ${res.text}`);
  const id: string = res.body.leads[0].id;
  for (const change of options.stages ?? []) {
    const moved = await h.call("PATCH", `/api/leads/${id}`, change);
    if (moved.status !== 200) throw new Error(`lead not moved to ${change.stage}: ${moved.text}`);
  }
  return id;
}

let phones = 0;
/** A Russian mobile number no other lead of this test run has. */
export const uniquePhone = () => `+7916${String((Date.now() * 7 + ++phones * 7_919) % 10_000_000).padStart(7, "0")}`;

/** Records a contact attempt. */
export function attempt(h: Harness, leadId: string, at: string, result: "no_answer" | "reached" = "no_answer", channel = "phone") {
  return h.call("POST", `/api/leads/${leadId}/contact-attempts`, { at, channel, result });
}

/** Records attempts one after another, failing loudly on any that is not stored. */
export async function attempts(h: Harness, leadId: string, times: string[], result: "no_answer" | "reached" = "no_answer") {
  for (const at of times) {
    const res = await attempt(h, leadId, at, result);
    if (res.status !== 201) throw new Error(`attempt at ${at} not recorded: ${res.text}`);
  }
}

/** The funnel's lost reasons of a hypothesis. */
export async function lostReasons(h: Harness, hypothesisId: string) {
  const res = await h.call("GET", `/api/hypotheses/${hypothesisId}/funnel`);
  if (res.status !== 200) throw new Error(`no funnel: ${res.text}`);
  return res.body.lostReasons as Array<{ reason: string; count: number }>;
}
