import { z } from "zod";
import type { Ctx } from "../context.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { leadStages } from "../lead-stages.js";
import { AmoId, SourceEntity, STATUS_ID_MAX, toSource, type Source } from "./source.js";

/** One CRM status mapped to a lead stage (the sources page's form; PUT /api/sources/{id}/status-map replaces the whole map). */
export const StatusEntryInput = z.strictObject({ statusId: z.string().trim().min(1).max(STATUS_ID_MAX), stage: z.enum(leadStages) });
export type StatusEntryInput = z.infer<typeof StatusEntryInput>;

/** One amoCRM loss reason id named (PUT /api/sources/{id}/loss-reasons replaces the whole map). */
export const LossReasonEntryInput = z.strictObject({ lossReasonId: AmoId, name: z.string().trim().min(1).max(100) });
export type LossReasonEntryInput = z.infer<typeof LossReasonEntryInput>;

/** The same ceiling as the whole-map PUTs: a source's item stays far below DynamoDB's 400 KB. */
const MAX_ENTRIES = 500;

/**
 * Single entries of a source's maps, each written inside its map attribute on its own, so two people
 * naming different reasons at once both keep theirs (a whole-map write would drop one of them).
 */
export const SourceMaps = {
  async mapStatus(ctx: Ctx, id: string, input: StatusEntryInput): Promise<Source> {
    return setEntry(ctx, id, "statusMap", input.statusId, input.stage, "statusId");
  },

  async nameLossReason(ctx: Ctx, id: string, input: LossReasonEntryInput): Promise<Source> {
    return setEntry(ctx, id, "lossReasons", input.lossReasonId, input.name, "lossReasonId");
  },

  /** Removes one status entry (an amoCRM default it overrode applies again); one already gone is no error. */
  async unmapStatus(ctx: Ctx, id: string, statusId: string): Promise<Source> {
    return removeEntry(ctx, id, "statusMap", statusId);
  },

  /** Removes one loss reason's name: later deals lost with it are kept as it came and listed unnamed. */
  async unnameLossReason(ctx: Ctx, id: string, lossReasonId: string): Promise<Source> {
    return removeEntry(ctx, id, "lossReasons", lossReasonId);
  },
};

/** Removes the entry inside its map, so entries others write meanwhile stand (a whole-map write would drop them). */
async function removeEntry(ctx: Ctx, id: string, map: "statusMap" | "lossReasons", key: string): Promise<Source> {
  // No entry is longer than a status id may be (the longer of the two limits): such a key is never written.
  const removable = key.length <= STATUS_ID_MAX;
  // A path inside a missing map is invalid: an item without the map has nothing to remove.
  const updated = removable && (await SourceEntity.update(ctx, { id }, { removeIn: { [map]: [key] } }, { expression: "attribute_exists(#map)", names: { "#map": map } }));
  if (updated) return toSource(updated);
  const stored = await SourceEntity.get(ctx, { id }, { consistent: true });
  if (!stored) throw new NotFoundError("source", id);
  return toSource(stored);
}

async function setEntry(ctx: Ctx, id: string, map: "statusMap" | "lossReasons", key: string, value: string, field: string): Promise<Source> {
  const stored = await SourceEntity.get(ctx, { id }, { consistent: true });
  if (!stored) throw new NotFoundError("source", id);
  const entries = stored[map];
  if (!Object.hasOwn(entries, key) && Object.keys(entries).length >= MAX_ENTRIES) {
    throw new InvalidInputError(`at most ${MAX_ENTRIES} entries`, [{ path: field, message: `at most ${MAX_ENTRIES} entries` }]);
  }
  const names = { "#map": map };
  // Items stored before the map existed lack the attribute, and a path inside a missing map is invalid: such an item gets the map whole.
  const inside = () => SourceEntity.update(ctx, { id }, { setIn: { [map]: { [key]: value } } }, { expression: "attribute_exists(#map)", names });
  const updated =
    (await inside()) ??
    (await SourceEntity.update(ctx, { id }, { set: { [map]: { [key]: value } } }, { expression: "attribute_exists(pk) AND attribute_not_exists(#map)", names })) ??
    (await inside());
  if (!updated) throw new NotFoundError("source", id);
  return toSource(updated);
}
