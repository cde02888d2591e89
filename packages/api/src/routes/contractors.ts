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

export const contractorRoutes = new Hono<AppEnv>()
  .post("/", team, describeRoute({ summary: "Add a contractor", body: CreateContractorInput, response: { ...contractor, status: 201 } }), async (c) =>
    c.json(await Contractors.create(c.var.ctx, await jsonBody(c, CreateContractorInput)), 201),
  )
  .get(
    "/",
    read,
    describeRoute({ summary: "List contractors (a contractor key: itself)", response: { description: "`{items: [contractor]}`" } }),
    async (c) => {
      const scope = contractorScope(c.var.principal);
      return c.json({ items: scope ? [await Contractors.get(c.var.ctx, scope)] : await Contractors.list(c.var.ctx) });
    },
  )
  .get("/:id", read, describeRoute({ summary: "A contractor", response: contractor }), async (c) => {
    const id = c.req.param("id");
    assertVisible(c.var.principal, id, "contractor", id);
    return c.json(await Contractors.get(c.var.ctx, id));
  })
  .patch(
    "/:id",
    team,
    describeRoute({ summary: "Rename a contractor or change its e-mail (null removes it)", body: UpdateContractorInput, response: contractor }),
    async (c) => c.json(await Contractors.update(c.var.ctx, c.req.param("id"), await jsonBody(c, UpdateContractorInput))),
  );
