import { z } from "zod";
import { defineEntity } from "../db/entity.js";
import { ActorItem, hypothesisPartition } from "./entities.js";

/*
 * The items of an idea, kept in the partition its hypothesis will have: the idea itself and one item
 * per ICE re-score. The re-scores are items of their own rather than a list on the idea: a list grows
 * the one item every listing reads (and toward DynamoDB's item size), while separate append-only items
 * are written once with `new`, read with the idea in one Query (readCollection) and stay in the
 * partition when the idea becomes a hypothesis. Concurrent re-scores are kept apart by the idea's
 * `version`: each re-score updates the idea only at the version it read and writes the entry keyed by
 * the next one, in one transaction, so of two racing re-scores one wins and the other re-reads.
 */

const seq = (n: number) => String(n).padStart(8, "0");
const ICE_PREFIX = "IDEA#ICE#";

const IceItem = z.object({ impact: z.number(), confidence: z.number(), ease: z.number() });

/** Why the marketer decided not to test the idea, when and who: a dropped idea leaves the backlog but stays readable. */
export const DroppedItem = z.object({ at: z.string(), by: ActorItem, reason: z.string() });

export const IdeaEntity = defineEntity({
  type: "idea",
  schema: z.object({
    id: z.string(),
    title: z.string(),
    statement: z.string(),
    channel: z.string(),
    ice: IceItem,
    // Ideas written before re-scores were counted lack it: they are at their first version.
    version: z.number().default(1),
    dropped: DroppedItem.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: ActorItem,
  }),
  key: ({ id }: { id: string }) => ({ pk: hypothesisPartition({ hypothesisId: id }), sk: "IDEA" }),
  partition: { of: ({ id }: { id: string }) => hypothesisPartition({ hypothesisId: id }), sortKey: "IDEA" },
  // An idea is in exactly one listing: the backlog while open, the dropped ones once dropped (a drop
  // writes the whole item, so its listing moves with it).
  patterns: {
    all: { index: "gsi1", partition: (idea: { dropped?: unknown }) => (idea.dropped ? null : "IDEAS"), sort: (idea: { id: string }) => idea.id },
    dropped: { index: "gsi1", partition: (idea: { dropped?: unknown }) => (idea.dropped ? "IDEAS#DROPPED" : null), sort: (idea: { id: string }) => idea.id },
  },
});

/** One re-score: the scores before and after, who and when, and why if they said. `version` is the idea's version it produced. */
export const IceChangeEntity = defineEntity({
  type: "ideaIceChange",
  schema: z.object({ ideaId: z.string(), version: z.number(), at: z.string(), by: ActorItem, from: IceItem, to: IceItem, note: z.string().optional() }),
  key: ({ ideaId, version }: { ideaId: string; version: number }) => ({ pk: hypothesisPartition({ hypothesisId: ideaId }), sk: `${ICE_PREFIX}${seq(version)}` }),
  partition: { of: ({ id }: { id: string }) => hypothesisPartition({ hypothesisId: id }), sortPrefix: ICE_PREFIX },
});
