import { z } from "zod";
import { defineEntity } from "../db/entity.js";
import { LeadEntity } from "./keys.js";
import type { QueueReason } from "./callback-queue.js";

/** A call-back's outcome, kept under its lead: callbacks/callbacks.ts records it; the lead page reads it with the lead's partition. */
export const callbackResults = ["reached", "no_answer", "client_refused", "wrong_number", "callback_later"] as const;
export type CallbackResult = (typeof callbackResults)[number];

export type CallbackOutcome = { id: string; at: string; result: CallbackResult; note: string | null; reason: QueueReason | null; personId: string | null; by: string | null };

export const RESULT_PREFIX = "CALLBACK#";

/** Outcomes are kept under their lead, sorted by when they were recorded. */
export const CallbackOutcomeEntity = defineEntity({
  type: "callbackOutcome",
  schema: z.object({
    leadId: z.string(),
    id: z.string(),
    at: z.string(),
    result: z.enum(callbackResults),
    note: z.string().nullable(),
    reason: z.enum(["no_contact", "manager", "untouched"]).nullable(),
    personId: z.string().nullable(),
    by: z.string().nullable(),
  }),
  key: ({ leadId, at, id }: { leadId: string; at: string; id: string }) => ({ pk: LeadEntity.key({ id: leadId }).pk, sk: `${RESULT_PREFIX}${at}#${id}` }),
  partition: { of: ({ leadId }: { leadId: string }) => LeadEntity.key({ id: leadId }).pk, sortPrefix: RESULT_PREFIX },
});

/** A stored outcome as the API shows it (the lead it belongs to left out). */
export function toCallbackOutcome({ leadId: _leadId, ...outcome }: z.infer<typeof CallbackOutcomeEntity.schema>): CallbackOutcome {
  return outcome;
}
