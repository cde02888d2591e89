import { Hono } from "hono";
import { ApiKeys, CreateKeyInput } from "@parom/core/access";
import { Contractors } from "@parom/core/contractor";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody } from "../validate.js";

/** API keys: owner only. The secret is returned once, at creation. */
export const keyRoutes = new Hono<AppEnv>()
  .use(allow("keys.manage"))
  .post("/", describeRoute({ summary: "Make an API key", body: CreateKeyInput, response: { status: 201, description: "`{id, key, name?}`" } }), async (c) => {
    const input = await jsonBody(c, CreateKeyInput);
    if (input.contractorId) await Contractors.get(c.var.ctx, input.contractorId);
    return c.json(await ApiKeys.create(c.var.ctx, input), 201);
  })
  .get("/", describeRoute({ summary: "List API keys (never their secrets)", response: { description: "`{items: [{id, role, name?, contractorId?, personId?, createdAt, revokedAt?}]}`" } }), async (c) =>
    c.json({ items: await ApiKeys.list(c.var.ctx) }),
  )
  .delete("/:id", describeRoute({ summary: "Revoke an API key", response: { description: "The key with its `revokedAt`." } }), async (c) =>
    c.json(await ApiKeys.revoke(c.var.ctx, c.req.param("id"))),
  );
