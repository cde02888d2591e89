import { addDays } from "@parom/core";
import { ok, type Api } from "./api.js";
import type { HypothesisPlan } from "./story.js";

const pipeline = ["probe", "analysis", "rules", "optimization"] as const;

/**
 * Walks a hypothesis to its planned stage through POST .../transitions, writing its rules on the
 * way (PUT .../rules, one version at a time) and recording its optimization; steps already taken
 * are skipped. Returns the lifecycle's refusal when a guard stops it (the failing hypothesis asks
 * for the next stage to show it), which the demo reports rather than hides.
 */
export async function walkLifecycle(api: Api, id: string, plan: HypothesisPlan, asOf: string): Promise<string | null> {
  let stage: string = (await ok("read hypothesis", api("GET", `/api/hypotheses/${id}`))).stage;
  if (plan.stage === "closed") {
    if (stage !== "closed") await ok(`close «${plan.title}»`, api("POST", `/api/hypotheses/${id}/transitions`, { to: "closed", reason: plan.closeReason, lesson: plan.lesson }));
    return null;
  }
  const position = (s: string) => pipeline.indexOf(s as (typeof pipeline)[number]);
  while (position(stage) < position(plan.stage)) {
    const next = pipeline[position(stage) + 1]!;
    if (next === "optimization") await writeRules(api, id, plan);
    const moved = await move(api, id, plan, next);
    if (typeof moved !== "string") return moved.refusal;
    stage = moved;
  }
  if (plan.stage === "rules") await writeRules(api, id, plan);
  if (plan.optimization) await recordOptimization(api, id, plan, asOf);
  if (plan.role !== "failing") return null;
  // The analysis -> rules guard reads the gate: a target not met keeps the hypothesis where it is.
  const gate = await ok("read gate", api("GET", `/api/hypotheses/${id}/gate`));
  if (!gate.kpis.some((row: { verdict: string }) => row.verdict === "not_met")) return null;
  const moved = await move(api, id, plan, "rules");
  return typeof moved === "string" ? null : moved.refusal;
}

/** The stage reached, or the guards' refusal. */
async function move(api: Api, id: string, plan: HypothesisPlan, to: string): Promise<string | { refusal: string }> {
  const reason = to === "rules" ? plan.analysisReason : undefined;
  const response = await api("POST", `/api/hypotheses/${id}/transitions`, { to, ...(reason ? { reason } : {}) });
  if (response.status === 409 && response.body?.error === "transition_refused") return { refusal: response.body.message };
  return (await ok(`move «${plan.title}» to ${to}`, Promise.resolve(response))).stage;
}

/** Writes the rule versions not written yet, oldest first. */
async function writeRules(api: Api, id: string, plan: HypothesisPlan): Promise<void> {
  const written: unknown[] = (await ok("read rules", api("GET", `/api/hypotheses/${id}/rules`))).versions;
  for (const rules of (plan.rules ?? []).slice(written.length)) {
    await ok(`write rules of «${plan.title}»`, api("PUT", `/api/hypotheses/${id}/rules`, rules));
  }
}

async function recordOptimization(api: Api, id: string, plan: HypothesisPlan, asOf: string): Promise<void> {
  const recorded: unknown[] = (await ok("read optimizations", api("GET", `/api/hypotheses/${id}/optimizations`))).items;
  if (recorded.length > 0) return;
  const { area, change, since } = plan.optimization!;
  await ok("record optimization", api("POST", `/api/hypotheses/${id}/optimizations`, { area, change, startedOn: addDays(asOf, -since) }));
}
