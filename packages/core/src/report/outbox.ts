import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { newId } from "../ids.js";
import type { Mail, Mailer } from "./mailer.js";

/** A mail kept in the table instead of being sent: where `npm start` delivers reports. */
export type OutboxMail = Mail & { id: string; storedAt: string };

export const OutboxQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).optional(),
});

export const OutboxMailEntity = defineEntity({
  type: "outboxMail",
  schema: z.object({
    id: z.string(),
    storedAt: z.string(),
    to: z.string(),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })).optional(),
  }),
  key: ({ id }: { id: string }) => ({ pk: `OUTBOX#${id}`, sk: "OUTBOX" }),
  patterns: {
    all: { index: "gsi1", partition: (_: object) => "OUTBOX", sort: (mail: { id: string }) => mail.id },
  },
});

/** A Mailer that stores each mail as a new outbox item; the message id is the item's id. */
export function outboxMailer(ctx: Ctx): Mailer {
  return {
    async send(mail) {
      const stored: OutboxMail = { id: newId(), storedAt: ctx.now().toISOString(), ...mail };
      await OutboxMailEntity.put(ctx, stored, "new");
      return { messageId: stored.id };
    },
  };
}

export const Outbox = {
  /** Stored mails, newest first, a page at a time. */
  async list(ctx: Ctx, query: z.output<typeof OutboxQuery>): Promise<{ items: OutboxMail[]; nextCursor: string | null }> {
    return OutboxMailEntity.page(ctx, "all", {}, { cursor: query.cursor, limit: query.limit, newestFirst: true });
  },
};
