import { Hono } from "hono";
import { ContactViews, ListContactViewsQuery } from "@parom/core/lead";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";

export const contactViewRoutes = new Hono<AppEnv>().get(
  "/",
  allow("contacts.log.read"),
  describeRoute({
    summary: "The access log of whole contacts, newest first (the owner only)",
    description:
      "Every view of one lead's whole contact by a marketer or the head of sales (`GET /api/leads/{id}`, `where: api`, or the lead's page, `where: web`). " +
      "`from`/`to`: days of the view, inclusive.",
    query: ListContactViewsQuery,
    response: { description: "`{items: [{id, leadId, keyId, name, personId, role, where, day, at}], nextCursor}`" },
  }),
  async (c) => c.json(await ContactViews.list(c.var.ctx, queryParams(c, ListContactViewsQuery))),
);
