import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import type { TransactItem } from "../db/transact.js";

/*
 * The head of sales' call-back queue, as far as it is kept: one item per lead lost as `no_contact`
 * or found lost by the manager's fault, written in the same transaction that loses or reviews the
 * lead, and removed by the transaction that restores it or records the call-back. Leads untouched
 * for too long are found from the arrival listing when the queue is read (callbacks/callbacks.ts).
 * Kept with the lead because the lead's own transactions write it.
 */

export const queueReasons = ["no_contact", "manager", "untouched"] as const;
export type QueueReason = (typeof queueReasons)[number];

/** The queue is short (leads waiting for one person's call): one partition, read whole. */
const QUEUE = "CALLBACKS";

export const QueueItemEntity = defineEntity({
  type: "callbackQueueItem",
  schema: z.object({ leadId: z.string(), reason: z.enum(["no_contact", "manager"]), since: z.string() }),
  key: ({ leadId }: { leadId: string }) => ({ pk: QUEUE, sk: `LEAD#${leadId}` }),
  partition: { of: (_: object) => QUEUE, sortPrefix: "LEAD#" },
});

/** Puts the lead in the queue (or gives it a new reason) as of `since`. */
export const enterQueue = (ctx: Ctx, leadId: string, reason: "no_contact" | "manager", since: string): TransactItem =>
  QueueItemEntity.putItem(ctx, { leadId, reason, since }, "none", "callbackQueue");

/** Takes the lead out of the queue; nothing happens when it is not there. */
export const leaveQueue = (ctx: Ctx, leadId: string): TransactItem => QueueItemEntity.removeItem(ctx, { leadId }, undefined, "callbackQueue");
