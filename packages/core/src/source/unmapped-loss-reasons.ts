import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import type { TransactItem } from "../db/transact.js";
import { SourceEntity, type Source } from "./source.js";

/** An amoCRM loss reason id this source's deals were lost with but that its map does not name. */
export type UnmappedLossReason = { lossReasonId: string; leads: number; lastSeenAt: string };

/** Counted in the source's partition, one item per loss reason id (an ADD upsert). */
export const UnmappedLossReasonEntity = defineEntity({
  type: "unmappedLossReason",
  schema: z.object({ sourceId: z.string(), lossReasonId: z.string(), leads: z.number().default(0), lastSeenAt: z.string() }),
  key: ({ sourceId, lossReasonId }: { sourceId: string; lossReasonId: string }) => ({ pk: SourceEntity.key({ id: sourceId }).pk, sk: `UNMAPPEDLOSS#${lossReasonId}` }),
  partition: { of: ({ sourceId }: { sourceId: string }) => SourceEntity.key({ id: sourceId }).pk, sortPrefix: "UNMAPPEDLOSS#" },
});

/**
 * Loss reasons the CRM sent that nobody has named yet, counted per source in the transaction that
 * loses the lead, so the sources page can say which ids to map. Naming one later takes it off the
 * list (leads already lost keep the text they were given).
 */
export const UnmappedLossReasons = {
  /** The item counting one more lead lost with `lossReasonId`, written with its stage change. */
  seen(ctx: Ctx, sourceId: string, lossReasonId: string): TransactItem {
    const changes = { set: { type: UnmappedLossReasonEntity.type, sourceId, lossReasonId, lastSeenAt: ctx.now().toISOString() }, add: { leads: 1 } };
    return UnmappedLossReasonEntity.updateItem(ctx, { sourceId, lossReasonId }, changes, "none");
  },

  /** The ids still unmapped, most leads first: one query of the source's partition. */
  async list(ctx: Ctx, source: Pick<Source, "id" | "lossReasons">): Promise<UnmappedLossReason[]> {
    return (await UnmappedLossReasonEntity.inPartition(ctx, { sourceId: source.id }))
      .filter((item) => !Object.hasOwn(source.lossReasons, item.lossReasonId))
      .map(({ lossReasonId, leads, lastSeenAt }) => ({ lossReasonId, leads, lastSeenAt }))
      .sort((a, b) => b.leads - a.leads || a.lossReasonId.localeCompare(b.lossReasonId));
  },
};

/** The text a lead lost with an unmapped amoCRM reason carries until someone names the reason. */
export const unmappedLossReasonText = (lossReasonId: string) => `amoCRM reason #${lossReasonId}`;

/** The text of a loss the CRM gave no reason for: amoCRM's own name of status 143. */
export const NO_LOSS_REASON = "Закрыто и не реализовано";
