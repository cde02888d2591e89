import { Hono } from "hono";
import { assertVisible, contractorScope } from "@parom/core/access";
import { Contractors, CreateContractorInput, UpdateContractorInput } from "@parom/core/contractor";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody } from "../validate.js";

const team = allow("contractors.manage");
// A contractor key reads itself only: its listing holds just itself, any other id is a 404.
const read = allow("contractors.read");

const contractor = { description: "`{id, name, email, createdAt}`" };
const docs = {
  create: describeRoute({ summary: "Add a contractor", body: CreateContractorInput, response: { ...contractor, status: 201 } }),
  list: describeRoute({ summary: "List contractors (a contractor key: itself)", response: { description: "`{items: [contractor]}`" } }),
  get: describeRoute({ summary: "A contractor", response: contractor }),
  update: describeRoute({ summary: "Rename a contractor or change its e-mail (null removes it)", body: UpdateContractorInput, response: contractor }),
};

export const contractorRoutes = new Hono<AppEnv>()
  .post("/", docs.create, team, async (c) => c.json(await Contractors.create(c.var.ctx, await jsonBody(c, CreateContractorInput)), 201))
  .get("/", docs.list, read, async (c) => {
    const scope = contractorScope(c.var.principal);
    return c.json({ items: scope ? [await Contractors.get(c.var.ctx, scope)] : await Contractors.list(c.var.ctx) });
  })
  .get("/:id", docs.get, read, async (c) => {
    const id = c.req.param("id");
    assertVisible(c.var.principal, id, "contractor", id);
    return c.json(await Contractors.get(c.var.ctx, id));
  })
  .patch("/:id", docs.update, team, async (c) => c.json(await Contractors.update(c.var.ctx, c.req.param("id"), await jsonBody(c, UpdateContractorInput))));
