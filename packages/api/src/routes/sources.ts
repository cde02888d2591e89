import { Hono, type Context } from "hono";
import { CreateSourceInput, LossReasonsInput, PipelinesInput, type Source, SourceMaps, Sources, StatusMapInput, UnmappedLossReasons, UpdateSourceInput } from "@parom/core/source";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody } from "../validate.js";

/** A source as shown to the people who configure it: with the URL to paste into Tilda or amoCRM. */
const withWebhookUrl = (c: Context, source: Source) => ({ ...source, webhookUrl: `${new URL(c.req.url).origin}/hooks/${source.key}` });

const source = { description: "The source with its `key` and the `webhookUrl` to paste into the sender." };

export const sourceRoutes = new Hono<AppEnv>()
  .use(allow("sources.manage"))
  .post(
    "/",
    describeRoute({ summary: "Create a lead source with its webhook", body: CreateSourceInput, response: { ...source, status: 201 } }),
    async (c) => c.json(withWebhookUrl(c, await Sources.create(c.var.ctx, await jsonBody(c, CreateSourceInput))), 201),
  )
  .get("/", describeRoute({ summary: "List lead sources", response: { description: "`{items: [source]}`" } }), async (c) =>
    c.json({ items: (await Sources.list(c.var.ctx)).map((s) => withWebhookUrl(c, s)) }),
  )
  .get("/:id", describeRoute({ summary: "A lead source", response: source }), async (c) =>
    c.json(withWebhookUrl(c, await Sources.get(c.var.ctx, c.req.param("id")))),
  )
  .patch("/:id", describeRoute({ summary: "Rename a source or correct its format", body: UpdateSourceInput, response: source }), async (c) =>
    c.json(withWebhookUrl(c, await Sources.update(c.var.ctx, c.req.param("id"), await jsonBody(c, UpdateSourceInput)))),
  )
  .put(
    "/:id/loss-reasons",
    describeRoute({
      summary: "Name the CRM's loss reasons (amoCRM `loss_reason_id` -> reason)",
      description: "A lost deal's reason is the name its `loss_reason_id` has here; an id not named is kept as `amoCRM reason #<id>` and listed by GET /api/sources/{id}/unmapped-loss-reasons.",
      body: LossReasonsInput,
      response: source,
    }),
    async (c) => c.json(withWebhookUrl(c, await Sources.setLossReasons(c.var.ctx, c.req.param("id"), await jsonBody(c, LossReasonsInput)))),
  )
  .put(
    "/:id/pipelines",
    describeRoute({
      summary: "Choose the CRM pipelines whose deals count (empty: all)",
      description: "Deals of other pipelines are archived with their webhook call and otherwise ignored: no lead, no stage move.",
      body: PipelinesInput,
      response: source,
    }),
    async (c) => c.json(withWebhookUrl(c, await Sources.setPipelines(c.var.ctx, c.req.param("id"), await jsonBody(c, PipelinesInput)))),
  )
  .get(
    "/:id/unmapped-loss-reasons",
    describeRoute({
      summary: "Loss reason ids the CRM sent that the source's map does not name",
      response: { description: "`{items: [{lossReasonId, leads, lastSeenAt}]}`, most leads first." },
    }),
    async (c) => c.json({ items: await UnmappedLossReasons.list(c.var.ctx, await Sources.get(c.var.ctx, c.req.param("id"))) }),
  )
  .put(
    "/:id/status-map",
    describeRoute({ summary: "Map the CRM's statuses to lead stages (over amoCRM's 142 won / 143 lost)", body: StatusMapInput, response: source }),
    async (c) => c.json(withWebhookUrl(c, await Sources.setStatusMap(c.var.ctx, c.req.param("id"), await jsonBody(c, StatusMapInput)))),
  )
  .delete(
    "/:id/status-map/:statusId",
    describeRoute({
      summary: "Remove one status from the source's map",
      description: "Removed inside the map, so entries others write meanwhile stand; an override of amoCRM's 142 or 143 removed gives it its own meaning back; an entry already gone is no error.",
      response: source,
    }),
    async (c) => c.json(withWebhookUrl(c, await SourceMaps.unmapStatus(c.var.ctx, c.req.param("id"), c.req.param("statusId")))),
  )
  .delete(
    "/:id/loss-reasons/:lossReasonId",
    describeRoute({
      summary: "Remove one loss reason's name",
      description: "Removed inside the map, so names others write meanwhile stand; later deals lost with the id are kept as they came and listed by unmapped-loss-reasons; a name already gone is no error.",
      response: source,
    }),
    async (c) => c.json(withWebhookUrl(c, await SourceMaps.unnameLossReason(c.var.ctx, c.req.param("id"), c.req.param("lossReasonId")))),
  );
