import { Hono } from "hono";
import { z } from "zod";
import { bodyText, RawArchive } from "../../../core/src/intake/raw-archive.js";
import { replayQuarantined } from "../../../core/src/intake/receive.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { queryParams } from "../validate.js";
import { intakeResponse } from "./hooks.js";

const ListQuery = z.strictObject({
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Webhook calls the parser refused, newest first, and their replay after a fix. */
export const quarantineRoutes = new Hono<AppEnv>()
  .use(allow("owner", "marketer"))
  .get("/", async (c) => {
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
  .post("/:id/replay", async (c) => intakeResponse(c, await replayQuarantined(c.var.ctx, c.req.param("id"))));
