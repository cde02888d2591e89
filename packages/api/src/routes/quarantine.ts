import { Hono } from "hono";
import { z } from "zod";
import { bodyText, RawArchive, replayDelivery } from "@parom/core/intake";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";
import { intakeResponse } from "./hooks.js";

const ListQuery = z.strictObject({
  state: z.enum(["quarantined", "stuck"]).default("quarantined"),
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Webhook calls the parser refused or whose processing died, and their replay. */
export const quarantineRoutes = new Hono<AppEnv>()
  .use(allow("quarantine.manage"))
  .get(
    "/",
    describeRoute({
      summary: "Webhook calls that could not be read, newest first; or, with `state=stuck`, calls whose processing died",
      description:
        "`state=quarantined` (the default): calls the parser refused, newest first. `state=stuck`: calls neither processed nor " +
        "quarantined 5 minutes after they arrived (their processing failed: an error, an outage), oldest first; a sweep replays " +
        "them every 5 minutes, and each can be replayed by hand.",
      query: ListQuery,
      response: { description: "`{items: [{id, sourceId, receivedAt, contentType, error, body}], nextCursor}` (`error` is null for a stuck call)." },
    }),
    async (c) => {
      const { state, ...page } = queryParams(c, ListQuery);
      const listed = await (state === "stuck" ? RawArchive.listStuck(c.var.ctx, page) : RawArchive.listQuarantine(c.var.ctx, page));
      return c.json({
        items: listed.items.map((raw) => ({
          id: raw.id,
          sourceId: raw.sourceId,
          receivedAt: raw.receivedAt,
          contentType: raw.contentType,
          error: raw.error,
          body: bodyText(raw),
        })),
        nextCursor: listed.nextCursor,
      });
    },
  )
  .post(
    "/:id/replay",
    describeRoute({
      summary: "Run a quarantined or stuck call again through its source's current format",
      response: { description: "As the webhook answers: `{leads, statusChanges}`; leads captured before answer `duplicate: true`." },
      errors: {
        409: "The call was processed (`not_quarantined`), or arrived under 5 minutes ago and may still be processing (`still_processing`).",
        422: "Still refused; it stays in quarantine with the new error.",
      },
    }),
    async (c) => intakeResponse(c, await replayDelivery(c.var.ctx, c.req.param("id"))),
  );
