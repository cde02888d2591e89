import { Hono } from "hono";
import { assertVisible, contractorScope } from "../../../core/src/access/visibility.js";
import { Contractors, CreateContractorInput, UpdateContractorInput } from "../../../core/src/contractor/contractor.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { jsonBody } from "../validate.js";

const team = allow("owner", "marketer");
// A contractor key reads itself only: its listing holds just itself, any other id is a 404.
const read = allow("owner", "marketer", "contractor");

export const contractorRoutes = new Hono<AppEnv>()
  .post("/", team, async (c) => c.json(await Contractors.create(c.var.ctx, await jsonBody(c, CreateContractorInput)), 201))
  .get("/", read, async (c) => {
    const scope = contractorScope(c.var.principal);
    return c.json({ items: scope ? [await Contractors.get(c.var.ctx, scope)] : await Contractors.list(c.var.ctx) });
  })
  .get("/:id", read, async (c) => {
    const id = c.req.param("id");
    assertVisible(c.var.principal, id, "contractor", id);
    return c.json(await Contractors.get(c.var.ctx, id));
  })
  .patch("/:id", team, async (c) => c.json(await Contractors.update(c.var.ctx, c.req.param("id"), await jsonBody(c, UpdateContractorInput))));
