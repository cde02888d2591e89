import { Campaigns } from "../campaign/campaign.js";
import type { Ctx } from "../context.js";
import { readDays } from "../counters/cohort-counters.js";
import { hypothesisGate } from "../kpi/load.js";
import { dayIn } from "../time.js";
import type { Hypothesis } from "./model.js";
import { factsNeeded, type CostlyFacts, type Facts, type Move } from "./lifecycle.js";

type Loaders = { [K in keyof CostlyFacts]: (ctx: Ctx, hypothesis: Hypothesis) => Promise<CostlyFacts[K]> };

/** How each costly fact is read. Counters only: leads are never scanned. */
const loaders: Loaders = {
  async attribution(ctx, hypothesis) {
    const campaigns = await Campaigns.listByHypothesis(ctx, hypothesis.id);
    const days = await Promise.all(campaigns.map((campaign) => readDays(ctx, campaign.id)));
    return { campaigns: campaigns.length, leads: days.flat().reduce((sum, day) => sum + day.leads, 0) };
  },
  gate: hypothesisGate,
};

/** The facts the guards of `move` judge by, reading only what they declared they need. */
export async function gatherFacts(ctx: Ctx, hypothesis: Hypothesis, move: Move, reason: string | null): Promise<Facts> {
  const facts: Facts = {
    today: dayIn(ctx.now(), ctx.timeZone),
    timeZone: ctx.timeZone,
    probe: hypothesis.probe,
    rulesVersion: hypothesis.rulesVersion,
    reason,
  };
  const loaded = await Promise.all(factsNeeded(move).map((name) => load(name, ctx, hypothesis)));
  return Object.assign(facts, ...loaded);
}

async function load<K extends keyof CostlyFacts>(name: K, ctx: Ctx, hypothesis: Hypothesis): Promise<Pick<CostlyFacts, K>> {
  return { [name]: await loaders[name](ctx, hypothesis) } as Pick<CostlyFacts, K>;
}
