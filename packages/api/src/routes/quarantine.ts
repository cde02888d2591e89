import { Hono } from "hono";
import { z } from "zod";
import { bodyText, RawArchive } from "../../../core/src/intake/raw-archive.js";
import { replayQuarantined } from "../../../core/src/intake/receive.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";
import { intakeResponse } from "./hooks.js";

const ListQuery = z.strictObject({
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const docs = {
  list: describeRoute({
    summary: "Webhook calls that could not be read, newest first",
    query: ListQuery,
    response: { description: "`{items: [{id, sourceId, receivedAt, contentType, error, body}], nextCursor}`" },
  }),
  replay: describeRoute({
    summary: "Run a quarantined call again through its source's current format",
    response: { description: "As the webhook answers: `{leads, statusChanges}`." },
    errors: { 409: "The call is not in quarantine (`not_quarantined`).", 422: "Still refused; it stays in quarantine with the new error." },
  }),
};

/** Webhook calls the parser refused, newest first, and their replay after a fix. */
export const quarantineRoutes = new Hono<AppEnv>()
  .use(allow("quarantine.manage"))
  .get("/", docs.list, async (c) => {
    const page = await RawArchive.listQuarantine(c.var.ctx, queryParams(c, ListQuery));
    return c.json({
      items: page.items.map((raw) => ({
        id: raw.id,
        sourceId: raw.sourceId,
        receivedAt: raw.receivedAt,
        contentType: raw.contentType,
        error: raw.error,
        body: bodyText(raw),
      })),
      nextCursor: page.nextCursor,
    });
  })
  .post("/:id/replay", docs.replay, async (c) => intakeResponse(c, await replayQuarantined(c.var.ctx, c.req.param("id"))));
