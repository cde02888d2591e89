import { z } from "zod";
import { defineEntity } from "../db/entity.js";
import { tableDefinition } from "../db/table.js";
import { LeadEntity } from "./keys.js";

/*
 * A hand-over as stored, under its lead, apart from the verbs (handovers.ts) so that the writes that
 * decide a lead's person (assignment.ts) and the rule of who has it now (holder.ts) can read it.
 */

const HandoverSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  at: z.string(),
  until: z.string().nullable(),
  reason: z.string(),
  actor: z.string(),
  actorName: z.string().optional(),
  /** When the sweep ended it: the lead went back to `from`, or stayed where someone had moved it since (`returned: false`). */
  endedAt: z.string().optional(),
  returned: z.boolean().optional(),
});
export type HandoverItem = z.infer<typeof HandoverSchema>;

const PREFIX = "HANDOVER#";
const DUE = "HANDOVERS#DUE";

export const HandoverEntity = defineEntity({
  type: "leadHandover",
  schema: HandoverSchema,
  key: ({ leadId, at, id }: { leadId: string; at: string; id: string }) => ({ pk: LeadEntity.key({ id: leadId }).pk, sk: `${PREFIX}${at}#${id}` }),
  partition: { of: ({ leadId }: { leadId: string }) => LeadEntity.key({ id: leadId }).pk, sortPrefix: PREFIX },
  patterns: {
    /** Hand-overs with an `until` not yet swept, soonest first: what the sweep reads. */
    due: { index: "gsi1", partition: (h: { until?: string | null; endedAt?: string }) => (h.until && !h.endedAt ? DUE : null), sort: (h: HandoverItem) => `${h.until}#${h.leadId}#${h.id}` },
  },
});
export const dueIndex = tableDefinition.globalIndexes[HandoverEntity.patterns.due.index];
