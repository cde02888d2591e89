import { Hono } from "hono";
import { CreatePersonInput, People } from "@parom/core/people";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { jsonBody } from "../validate.js";

const person = { description: "`{id, name, role, duty, email, crmUserIds, createdAt}`" };

/** The sales department's people: the owner adds them; marketers and the head of sales read them. */
export const peopleRoutes = new Hono<AppEnv>()
  .post(
    "/",
    allow("people.manage"),
    describeRoute({
      summary: "Add a person of the sales department",
      description: "A `manager` (with `duty` `leads` or `accounts`) or a `sales_head`. `crmUserIds`: their amoCRM user ids, each belonging to one person.",
      body: CreatePersonInput,
      response: { ...person, status: 201 },
      errors: { 409: "A CRM user id already belongs to another person (`crm_user_taken`)." },
    }),
    async (c) => c.json(await People.create(c.var.ctx, await jsonBody(c, CreatePersonInput)), 201),
  )
  .get(
    "/",
    allow("people.read"),
    describeRoute({ summary: "List the people of the sales department", response: { description: "`{items: [person]}`" } }),
    async (c) => c.json({ items: await People.list(c.var.ctx) }),
  )
  .get("/:id", allow("people.read"), describeRoute({ summary: "A person", response: person }), async (c) =>
    c.json(await People.get(c.var.ctx, c.req.param("id"))),
  );
