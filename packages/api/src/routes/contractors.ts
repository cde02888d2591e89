import { Hono } from "hono";
import { Contractors, CreateContractorInput, UpdateContractorInput } from "../../../core/src/contractor/contractor.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { jsonBody } from "../validate.js";

export const contractorRoutes = new Hono<AppEnv>()
  .use(allow("owner", "marketer"))
  .post("/", async (c) => c.json(await Contractors.create(c.var.ctx, await jsonBody(c, CreateContractorInput)), 201))
  .get("/", async (c) => c.json({ items: await Contractors.list(c.var.ctx) }))
  .get("/:id", async (c) => c.json(await Contractors.get(c.var.ctx, c.req.param("id"))))
  .patch("/:id", async (c) => c.json(await Contractors.update(c.var.ctx, c.req.param("id"), await jsonBody(c, UpdateContractorInput))));
