import type { Principal } from "../access/principal.js";
import type { Ctx } from "../context.js";
import { queryAll } from "../db/query-all.js";
import type { TransactItem } from "../db/transact.js";
import { hypothesisKeys } from "./keys.js";
import type { Stage } from "./lifecycle.js";

/** Who made a change: the API key and its role. */
export type Actor = Pick<Principal, "keyId" | "role">;

/**
 * One entry of a hypothesis' append-only history. Every change of the hypothesis bumps its
 * version and writes exactly one entry keyed by that version, in the same transaction.
 */
export type HistoryEntry = {
  version: number;
  at: string;
  actor: Actor;
  type: "created" | "transition" | "rules" | "optimization";
  from?: Stage;
  to?: Stage;
  reason?: string;
  /** For `rules`: the written-rules version this change recorded. */
  rulesVersion?: number;
};

/** The transaction item appending `entry`; it fails rather than overwrite an existing entry. */
export function appendHistory(ctx: Ctx, hypothesisId: string, entry: HistoryEntry): TransactItem {
  // `type` on every item names the entity, so the entry's own type is kept as `entryType`.
  const { type: entryType, ...rest } = entry;
  return {
    Put: {
      TableName: ctx.table,
      Item: { ...hypothesisKeys.history(hypothesisId, entry.version), type: "hypothesisHistory", hypothesisId, entryType, ...rest },
      ConditionExpression: "attribute_not_exists(pk)",
    },
  };
}

/** The history of a hypothesis, oldest first. */
export async function readHistory(ctx: Ctx, hypothesisId: string): Promise<HistoryEntry[]> {
  const { pk } = hypothesisKeys.item(hypothesisId);
  const items = await queryAll(ctx, {
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
    ExpressionAttributeValues: { ":pk": pk, ":prefix": hypothesisKeys.historyPrefix },
  });
  return items.map(toHistoryEntry);
}

export function toHistoryEntry(item: Record<string, any>): HistoryEntry {
  return {
    version: item.version,
    at: item.at,
    actor: { keyId: item.actor.keyId, role: item.actor.role },
    type: item.entryType,
    ...(item.from ? { from: item.from } : {}),
    ...(item.to ? { to: item.to } : {}),
    ...(item.reason ? { reason: item.reason } : {}),
    ...(item.rulesVersion ? { rulesVersion: item.rulesVersion } : {}),
  };
}
