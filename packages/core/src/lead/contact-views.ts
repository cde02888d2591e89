import { z } from "zod";
import { loggedKey, loggedKeyFields } from "../access/actor.js";
import type { Principal } from "../access/principal.js";
import type { Ctx } from "../context.js";
import { isoDaySchema } from "../dates.js";
import { defineLog } from "../db/log.js";
import { newId } from "../ids.js";
import { dayIn } from "../time.js";

/*
 * The access log of whole contacts: every time someone whose views are logged (a marketer, the head
 * of sales: permission `contacts.view.unlogged` missing) opens one lead's whole contact, in the API
 * or on the lead's page, one item says who, when, which lead and where. The owner reads it.
 * A log (db/log.ts) sorted by the day (workspace time zone) and time of the view, so a period of
 * days is one range query.
 */

export const contactViewPlaces = ["api", "web"] as const;
export type ContactViewPlace = (typeof contactViewPlaces)[number];

const ContactViewSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  ...loggedKeyFields,
  personId: z.string().nullable(),
  role: z.string(),
  where: z.enum(contactViewPlaces),
  day: z.string(),
  at: z.string(),
});
export type ContactView = z.infer<typeof ContactViewSchema>;

const ContactViewEntity = defineLog({ type: "contactView", partition: "CONTACTVIEWS", schema: ContactViewSchema, sortKey: ({ day, at, id }) => `${day}#${at}#${id}` });

/** `GET /api/contact-views`: days of the view (inclusive, workspace time zone), newest first. */
export const ListContactViewsQuery = z
  .strictObject({
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
    cursor: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be after `to`", path: ["from"] });
export type ListContactViewsQuery = z.infer<typeof ListContactViewsQuery>;

export const ContactViews = {
  /** Logs that `principal` opened lead `leadId`'s whole contact `where`. */
  async record(ctx: Ctx, principal: Principal, leadId: string, where: ContactViewPlace): Promise<void> {
    const now = ctx.now();
    const view: ContactView = {
      id: newId(),
      leadId,
      ...loggedKey(principal),
      personId: principal.personId ?? null,
      role: principal.role,
      where,
      day: dayIn(now, ctx.timeZone),
      at: now.toISOString(),
    };
    await ContactViewEntity.put(ctx, view, "new");
  },

  async list(ctx: Ctx, query: ListContactViewsQuery): Promise<{ items: ContactView[]; nextCursor: string | null }> {
    // `~` sorts after every character of a sort key's time and id, so the whole `to` day is in.
    const days: [string, string] = [`${query.from ?? "0000-00-00"}#`, `${query.to ?? "9999-99-99"}#~`];
    return ContactViewEntity.pageInPartition(ctx, undefined, { sort: { between: days }, newestFirst: true, cursor: query.cursor, limit: query.limit });
  },
};
