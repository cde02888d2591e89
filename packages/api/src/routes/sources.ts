import { Hono, type Context } from "hono";
import { CreateSourceInput, Sources, StatusMapInput, UpdateSourceInput, type Source } from "../../../core/src/source/source.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { jsonBody } from "../validate.js";

/** A source as shown to the people who configure it: with the URL to paste into Tilda or amoCRM. */
const withWebhookUrl = (c: Context, source: Source) => ({ ...source, webhookUrl: `${new URL(c.req.url).origin}/hooks/${source.key}` });

export const sourceRoutes = new Hono<AppEnv>()
  .use(allow("owner", "marketer"))
  .post("/", async (c) => c.json(withWebhookUrl(c, await Sources.create(c.var.ctx, await jsonBody(c, CreateSourceInput))), 201))
  .get("/", async (c) => c.json({ items: (await Sources.list(c.var.ctx)).map((s) => withWebhookUrl(c, s)) }))
  .get("/:id", async (c) => c.json(withWebhookUrl(c, await Sources.get(c.var.ctx, c.req.param("id")))))
  .patch("/:id", async (c) => c.json(withWebhookUrl(c, await Sources.update(c.var.ctx, c.req.param("id"), await jsonBody(c, UpdateSourceInput)))))
  .put("/:id/status-map", async (c) =>
    c.json(withWebhookUrl(c, await Sources.setStatusMap(c.var.ctx, c.req.param("id"), await jsonBody(c, StatusMapInput)))),
  );
