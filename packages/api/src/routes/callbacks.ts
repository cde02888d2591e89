import { Hono } from "hono";
import { CallbackOutcomeInput, CallbackQueueQuery, Callbacks, SpotCheckOutcomeInput, SpotCheckQuery, SpotChecks } from "@parom/core/callbacks";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody, queryParams } from "../validate.js";

/** The head of sales' call-backs (and the owner's). */
export const callbackRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allow("callbacks.work"),
    describeRoute({
      summary: "The head of sales' call-back queue",
      description:
        "Leads lost as `no_contact`, leads a quality review found lost by the manager (`manager`), and leads nobody has tried to reach for " +
        "`untouchedMinutes` working minutes (Mon-Fri 09:00-18:00 Moscow time; default 120) among those that arrived in the last 14 days. " +
        "Each with its lead, assignee, `reason` and `since`, longest waiting first.",
      query: CallbackQueueQuery,
      response: { description: "`{items: [{lead, assignee, reason, since, waitedWorkingMinutes}], untouchedMinutes, untouchedSince}`" },
    }),
    async (c) => c.json(await Callbacks.queue(c.var.ctx, queryParams(c, CallbackQueueQuery))),
  )
  .post(
    "/:leadId",
    allow("callbacks.work"),
    describeRoute({
      summary: "Record a call-back's outcome; the lead leaves the queue",
      body: CallbackOutcomeInput,
      response: { status: 201, description: "`{id, at, result, note, reason, personId, by}`" },
      errors: { 404: "No such lead.", 409: "The lead kept changing meanwhile (`version_conflict`); try again." },
    }),
    async (c) => c.json(await Callbacks.record(c.var.ctx, c.req.param("leadId"), await jsonBody(c, CallbackOutcomeInput), c.var.principal), 201),
  )
  .get(
    "/:leadId",
    allow("callbacks.work"),
    describeRoute({ summary: "A lead's call-back outcomes, oldest first", response: { description: "`{items}`" } }),
    async (c) => c.json({ items: await Callbacks.of(c.var.ctx, c.req.param("leadId")) }),
  );

export const spotCheckRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allow("callbacks.work"),
    describeRoute({
      summary: "The month's spot checks: up to 10 random clients of each account manager",
      description: "Picked the first time the month is read and kept: every read gives the same list. `month` defaults to this month.",
      query: SpotCheckQuery,
      response: { description: "`{month, managers: [{person, pickedAt, clientsAtPick, checks: [{lead, outcome}]}]}`" },
    }),
    async (c) => c.json(await SpotChecks.list(c.var.ctx, queryParams(c, SpotCheckQuery))),
  )
  .post(
    "/:month/:leadId",
    allow("callbacks.work"),
    describeRoute({
      summary: "Record the call to a client on the month's spot-check list",
      body: SpotCheckOutcomeInput,
      response: { description: "`{result, note, at, personId, by}`" },
      errors: { 404: "The lead is not on that month's list." },
    }),
    async (c) =>
      c.json(await SpotChecks.record(c.var.ctx, c.req.param("month"), c.req.param("leadId"), await jsonBody(c, SpotCheckOutcomeInput), c.var.principal)),
  );
