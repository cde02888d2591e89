import type { z } from "zod";
import type { Principal } from "../access/principal.js";
import type { Ctx } from "../context.js";
import type { TransactItem } from "../db/transact.js";
import { HistoryEntity } from "./entities.js";
import type { Stage } from "./lifecycle.js";

/** Who made a change: the API key, its role and its name (absent on entries older than key names). */
export type Actor = Pick<Principal, "keyId" | "role" | "name">;

/**
 * One entry of a hypothesis' append-only history. Every change of the hypothesis bumps its
 * version and writes exactly one entry keyed by that version, in the same transaction.
 */
export type HistoryEntry = {
  version: number;
  at: string;
  actor: Actor;
  type: "created" | "transition" | "rules" | "optimization" | "edit";
  from?: Stage;
  to?: Stage;
  reason?: string;
  /** For `rules`: the written-rules version this change recorded. */
  rulesVersion?: number;
  /** For `edit` (and a scale-out approval that set a new budget): each field changed, before and after. */
  changes?: FieldChange[];
};

/** One changed field: `budget`, `probe.start`, `targets.cplMax`...; money as decimal strings, null where unset. */
export type FieldChange = { field: string; before: string | number | null; after: string | number | null };

/** The transaction item appending `entry`, named "history"; it fails rather than overwrite an existing entry. */
export function appendHistory(ctx: Ctx, hypothesisId: string, entry: HistoryEntry): TransactItem {
  const { type: entryType, ...rest } = entry;
  return HistoryEntity.putItem(ctx, { hypothesisId, entryType, ...rest }, "new", "history");
}

/** The history of a hypothesis, oldest first. */
export async function readHistory(ctx: Ctx, hypothesisId: string): Promise<HistoryEntry[]> {
  return (await HistoryEntity.inPartition(ctx, { hypothesisId })).map(toHistoryEntry);
}

export function toHistoryEntry(item: z.infer<typeof HistoryEntity.schema>): HistoryEntry {
  return {
    version: item.version,
    at: item.at,
    actor: item.actor,
    type: item.entryType,
    ...(item.from ? { from: item.from } : {}),
    ...(item.to ? { to: item.to } : {}),
    ...(item.reason ? { reason: item.reason } : {}),
    ...(item.rulesVersion ? { rulesVersion: item.rulesVersion } : {}),
    ...(item.changes ? { changes: item.changes } : {}),
  };
}
