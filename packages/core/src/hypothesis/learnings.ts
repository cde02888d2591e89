import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import type { TransactItem } from "../db/transact.js";
import { gateVerdict } from "../kpi/evaluate.js";
import { hypothesisKpis } from "../kpi/load.js";
import type { KpiName, KpiReport } from "../kpi/model.js";
import { ActorItem, hypothesisPartition } from "./entities.js";
import type { Actor } from "./history.js";
import { stages, type Stage } from "./lifecycle.js";
import type { Hypothesis } from "./model.js";

/*
 * The learnings archive: what a closed hypothesis taught. Written once, in the closing transaction,
 * with the figures as they stood at closing; later leads, deals or spend on its campaigns change the
 * KPIs but never this record.
 */

/** The figures at closing, as the KPI rows gave them: rates and ROMI as fractions, money in roubles (sums as decimal strings). */
const FiguresItem = z.object({
  leads: z.number(),
  clients: z.number(),
  revenue: z.string(),
  spend: z.string(),
  cpl: z.number().nullable(),
  cac: z.number().nullable(),
  romi: z.number().nullable(),
  conversion: z.number().nullable(),
  /** The day the figures are as of, in the workspace time zone. */
  asOf: z.string(),
});
export type ClosingFigures = z.infer<typeof FiguresItem>;

/** `scaled`: closed after scale-out; `stopped`: closed before it. */
export const results = ["scaled", "stopped"] as const;
export type LearningResult = (typeof results)[number];

export const LearningEntity = defineEntity({
  type: "learning",
  schema: z.object({
    hypothesisId: z.string(),
    title: z.string(),
    statement: z.string(),
    channel: z.string(),
    result: z.enum(results),
    closedFrom: z.enum(stages),
    /** Whether every target was met at closing (false when there were none to meet). */
    gatePassed: z.boolean(),
    figures: FiguresItem,
    lesson: z.string(),
    reason: z.string().nullable(),
    closedAt: z.string(),
    closedBy: ActorItem,
  }),
  // Beside the hypothesis in its partition, so a closed hypothesis' page reads it by key.
  key: ({ hypothesisId }: { hypothesisId: string }) => ({ pk: hypothesisPartition({ hypothesisId }), sk: "LEARNING" }),
  partition: { of: hypothesisPartition, sortKey: "LEARNING" },
  patterns: {
    all: { index: "gsi1", partition: (_: object) => "LEARNINGS", sort: (l: { closedAt: string; hypothesisId: string }) => `${l.closedAt}#${l.hypothesisId}` },
  },
});
export type Learning = z.infer<typeof LearningEntity.schema>;

const observed = (report: KpiReport, kpi: KpiName) => report.kpis.find((row) => row.kpi === kpi)?.observed ?? null;

/** The figures of a KPI report worth keeping: counts and sums of all leads, rates and costs as the report observed them. */
export function figuresOf(report: KpiReport): ClosingFigures {
  const all = report.kpis.find((row) => row.kpi === "leads")!.sample;
  return {
    leads: all.leads,
    clients: all.won,
    revenue: all.revenue,
    spend: all.spend,
    cpl: observed(report, "cpl"),
    cac: observed(report, "cac"),
    romi: observed(report, "romi"),
    conversion: observed(report, "conversion"),
    asOf: report.asOf,
  };
}

type Closing = { from: Stage; lesson: string; reason: string | null; actor: Actor };

/** The learning of `hypothesis` closed now, as the closing transaction's item named "learning" (it fails rather than overwrite one). */
export async function learningItem(ctx: Ctx, hypothesis: Hypothesis, closing: Closing): Promise<TransactItem> {
  const report = await hypothesisKpis(ctx, hypothesis);
  const learning: Learning = {
    hypothesisId: hypothesis.id,
    title: hypothesis.title,
    statement: hypothesis.statement,
    channel: hypothesis.channel,
    result: closing.from === "scale" ? "scaled" : "stopped",
    closedFrom: closing.from,
    gatePassed: gateVerdict(report).passed,
    figures: figuresOf(report),
    lesson: closing.lesson,
    reason: closing.reason,
    closedAt: ctx.now().toISOString(),
    closedBy: closing.actor,
  };
  return LearningEntity.putItem(ctx, learning, "new", "learning");
}

export const LearningsQuery = z.strictObject({
  channel: z.string().trim().max(100).optional(),
  q: z.string().trim().max(200).optional(),
});
export type LearningsQuery = z.output<typeof LearningsQuery>;

/** The learnings of one channel holding the text `q` (any case) in the title, statement or lesson; the order is kept. */
export function filterLearnings(learnings: Learning[], query: LearningsQuery): Learning[] {
  const text = query.q?.toLocaleLowerCase("ru");
  return learnings.filter(
    (learning) =>
      (!query.channel || learning.channel === query.channel) &&
      (!text || [learning.title, learning.statement, learning.lesson].some((field) => field.toLocaleLowerCase("ru").includes(text))),
  );
}

export const Learnings = {
  /**
   * Closed hypotheses' learnings, newest first, filtered by `filterLearnings`. One listing read,
   * filtered here: a business closes a few dozen hypotheses a year, so the archive is read whole.
   */
  async list(ctx: Ctx, query: LearningsQuery = {}): Promise<Learning[]> {
    return filterLearnings(await LearningEntity.all(ctx, "all", {}, { newestFirst: true }), query);
  },

  /** The learning of one closed hypothesis, if it was closed with one. */
  async of(ctx: Ctx, hypothesisId: string): Promise<Learning | undefined> {
    return LearningEntity.get(ctx, { hypothesisId });
  },
};
