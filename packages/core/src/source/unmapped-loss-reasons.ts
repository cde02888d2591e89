import type { Ctx } from "../context.js";
import { queryAll } from "../db/query-all.js";
import type { TransactItem } from "../db/transact.js";
import { sourceKeys, type Source } from "./source.js";

/** An amoCRM loss reason id this source's deals were lost with but that its map does not name. */
export type UnmappedLossReason = { lossReasonId: string; leads: number; lastSeenAt: string };

const PREFIX = "UNMAPPEDLOSS#";
const key = (sourceId: string, lossReasonId: string) => ({ pk: sourceKeys.item(sourceId).pk, sk: `${PREFIX}${lossReasonId}` });

/**
 * Loss reasons the CRM sent that nobody has named yet, counted per source in the transaction that
 * loses the lead, so the sources page can say which ids to map. Naming one later takes it off the
 * list (leads already lost keep the text they were given).
 */
export const UnmappedLossReasons = {
  /** The item counting one more lead lost with `lossReasonId`, written with its stage change. */
  seen(ctx: Ctx, sourceId: string, lossReasonId: string): TransactItem {
    return {
      Update: {
        TableName: ctx.table,
        Key: key(sourceId, lossReasonId),
        UpdateExpression: "SET #type = :type, sourceId = :s, lossReasonId = :r, lastSeenAt = :at ADD leads :one",
        ExpressionAttributeNames: { "#type": "type" },
        ExpressionAttributeValues: { ":type": "unmappedLossReason", ":s": sourceId, ":r": lossReasonId, ":at": ctx.now().toISOString(), ":one": 1 },
      },
    };
  },

  /** The ids still unmapped, most leads first: one query of the source's partition. */
  async list(ctx: Ctx, source: Pick<Source, "id" | "lossReasons">): Promise<UnmappedLossReason[]> {
    const items = await queryAll(ctx, {
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": sourceKeys.item(source.id).pk, ":prefix": PREFIX },
    });
    return items
      .filter((item) => !Object.hasOwn(source.lossReasons, item.lossReasonId))
      .map((item) => ({ lossReasonId: item.lossReasonId, leads: Number(item.leads ?? 0), lastSeenAt: item.lastSeenAt }))
      .sort((a, b) => b.leads - a.leads || a.lossReasonId.localeCompare(b.lossReasonId));
  },
};

/** The text a lead lost with an unmapped amoCRM reason carries until someone names the reason. */
export const unmappedLossReasonText = (lossReasonId: string) => `amoCRM reason #${lossReasonId}`;

/** The text of a loss the CRM gave no reason for: amoCRM's own name of status 143. */
export const NO_LOSS_REASON = "Закрыто и не реализовано";
