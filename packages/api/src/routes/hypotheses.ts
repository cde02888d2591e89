import { Hono, type Context } from "hono";
import { Campaigns, CreateCampaignInput } from "../../../core/src/campaign/campaign.js";
import type { Actor } from "../../../core/src/hypothesis/history.js";
import { Hypotheses, type Hypothesis } from "../../../core/src/hypothesis/hypothesis.js";
import { CreateHypothesisInput, RulesInput, TransitionInput } from "../../../core/src/hypothesis/input.js";
import { Rules } from "../../../core/src/hypothesis/rules.js";
import { formatKopecks } from "../../../core/src/money.js";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { jsonBody } from "../validate.js";

// A hypothesis spans every contractor's campaigns, so contractor keys get 403 on all of it; they
// read their own campaigns instead (GET /api/campaigns, /api/campaigns/{id}/kpis).
const write = allow("owner", "marketer");
const read = allow("owner", "marketer");

const actorOf = (c: Context<AppEnv>): Actor => ({ keyId: c.var.principal.keyId, role: c.var.principal.role });

/** The API shape of a hypothesis: money as decimal strings. */
function present(hypothesis: Hypothesis) {
  const { cplMax, cacMax, ...rates } = hypothesis.targets;
  return {
    ...hypothesis,
    budget: formatKopecks(hypothesis.budget),
    targets: {
      ...(cplMax !== undefined ? { cplMax: formatKopecks(cplMax) } : {}),
      ...(cacMax !== undefined ? { cacMax: formatKopecks(cacMax) } : {}),
      ...rates,
    },
  };
}

export const hypothesisRoutes = new Hono<AppEnv>()
  .post("/", write, async (c) => {
    const input = await jsonBody(c, CreateHypothesisInput);
    return c.json(present(await Hypotheses.create(c.var.ctx, input, actorOf(c))), 201);
  })
  .get("/", read, async (c) => c.json({ items: (await Hypotheses.list(c.var.ctx)).map(present) }))
  .get("/:id", read, async (c) => c.json(present(await Hypotheses.get(c.var.ctx, c.req.param("id")))))

  .post("/:id/transitions", write, async (c) => {
    const input = await jsonBody(c, TransitionInput);
    return c.json(await Hypotheses.transition(c.var.ctx, c.req.param("id"), input, actorOf(c)));
  })
  .get("/:id/history", read, async (c) => c.json({ items: await Hypotheses.history(c.var.ctx, c.req.param("id")) }))

  .put("/:id/rules", write, async (c) => {
    const input = await jsonBody(c, RulesInput);
    return c.json(await Rules.write(c.var.ctx, c.req.param("id"), input, actorOf(c)));
  })
  // The current rules (null before any are written) and every version, oldest first.
  .get("/:id/rules", read, async (c) => {
    const versions = await Rules.versions(c.var.ctx, c.req.param("id"));
    return c.json({ current: versions.at(-1) ?? null, versions });
  })

  .post("/:id/campaigns", write, async (c) => {
    const input = await jsonBody(c, CreateCampaignInput);
    return c.json(await Campaigns.create(c.var.ctx, c.req.param("id"), input), 201);
  })
  .get("/:id/campaigns", read, async (c) => c.json({ items: await Hypotheses.campaigns(c.var.ctx, c.req.param("id")) }));
