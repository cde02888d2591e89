import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { queryPage } from "../db/query-all.js";
import { newId } from "../ids.js";
import type { Mail, Mailer } from "./mailer.js";

/** A mail kept in the table instead of being sent: where `npm start` delivers reports. */
export type OutboxMail = Mail & { id: string; storedAt: string };

export const OutboxQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).optional(),
});

const keys = {
  item: (id: string) => ({ pk: `OUTBOX#${id}`, sk: "OUTBOX" }),
  listing: (id: string) => ({ gsi1pk: "OUTBOX", gsi1sk: id }),
};

/** A Mailer that stores each mail as a new outbox item; the message id is the item's id. */
export function outboxMailer(ctx: Ctx): Mailer {
  return {
    async send(mail) {
      const stored: OutboxMail = { id: newId(), storedAt: ctx.now().toISOString(), ...mail };
      await ctx.doc.send(
        new PutCommand({
          TableName: ctx.table,
          Item: { ...keys.item(stored.id), ...keys.listing(stored.id), type: "outboxMail", ...stored },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return { messageId: stored.id };
    },
  };
}

export const Outbox = {
  /** Stored mails, newest first, a page at a time. */
  async list(ctx: Ctx, query: z.output<typeof OutboxQuery>): Promise<{ items: OutboxMail[]; nextCursor: string | null }> {
    const page = await queryPage(
      ctx,
      { IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :p", ExpressionAttributeValues: { ":p": "OUTBOX" }, ScanIndexForward: false },
      { cursor: query.cursor, limit: query.limit },
    );
    return {
      items: page.items.map((item) => ({
        id: item.id,
        storedAt: item.storedAt,
        to: item.to,
        subject: item.subject,
        html: item.html,
        text: item.text,
        ...(item.attachments ? { attachments: item.attachments } : {}),
      })),
      nextCursor: page.nextCursor,
    };
  },
};
