import { normal, poisson, type Random, seededRandom } from "@parom/core/stats";
import { addDays, zonedInstant } from "@parom/core";
import { person } from "./people.js";
import { lateLosses, type CampaignPlan, type Funnel } from "./story.js";

/**
 * A campaign's past, simulated lead by lead: each lead walks the funnel on its own clock (reached by
 * phone within a day, qualified in a few days, a proposal, the deal closed about two weeks after
 * arrival), and is loaded as it stood at midnight before the demo's day. Seeded by the campaign,
 * so the same day gives the same history.
 */

/** A row for POST /api/leads/import, plus the reason a lead that got past `new` was lost later. */
export type PastLead = { row: Record<string, string>; loseLater?: string };
export type SpendDay = { date: string; cost: number };

export type HistoryOptions = {
  /** The demo's day (YYYY-MM-DD); history ends the day before. */
  asOf: string;
  timeZone: string;
  /** amoCRM deal ids of this campaign start after this number. */
  idBase: number;
  /** From this many days before asOf on, leads follow a better funnel (an optimization took effect). */
  improved?: { since: number; funnel: Partial<Funnel> };
};

type Shape = Pick<CampaignPlan, "since" | "leadsPerWeekday" | "weekend" | "hours" | "funnel" | "deal"> & { earlyLosses: string[] };

const DAY = 86_400_000;
const uniform = (random: Random, from: number, to: number) => from + random() * (to - from);
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/** Leads of one campaign (or of nobody's, with `utm` empty) over its days. */
export function pastLeads(shape: Shape, utm: Record<string, string>, seed: string, options: HistoryOptions): PastLead[] {
  const random = seededRandom(`demo/leads/${seed}`);
  const cutoff = Date.parse(localTime(options.asOf, 0, options.timeZone));
  const leads: PastLead[] = [];
  for (let ago = shape.since; ago >= 1; ago--) {
    const day = addDays(options.asOf, -ago);
    const funnel = options.improved && ago <= options.improved.since ? { ...shape.funnel, ...options.improved.funnel } : shape.funnel;
    const count = poisson(random, shape.leadsPerWeekday * (isWeekend(day) ? shape.weekend : 1));
    const minutes = Array.from({ length: count }, () => Math.floor(uniform(random, shape.hours[0] * 60, shape.hours[1] * 60 - 1))).sort((a, b) => a - b);
    for (const minute of minutes) {
      const createdAt = localTime(day, minute, options.timeZone);
      const contact = person(random);
      const outcome = walkFunnel(random, Date.parse(createdAt), cutoff, funnel, shape);
      leads.push({
        row: {
          externalId: String(options.idBase + leads.length + 1),
          createdAt,
          name: contact.name,
          phone: contact.phone,
          ...(contact.email ? { email: contact.email } : {}),
          ...utm,
          ...outcome.row,
        },
        ...(outcome.loseLater ? { loseLater: outcome.loseLater } : {}),
      });
    }
  }
  return leads;
}

type Outcome = { row: Record<string, string>; loseLater?: string };

/** Where a lead stands at `cutoff`: the stages it reached by then, and a win or loss if it came. */
function walkFunnel(random: Random, arrival: number, cutoff: number, funnel: Funnel, shape: Shape): Outcome {
  const days = (from: number, lo: number, hi: number) => from + uniform(random, lo, hi) * DAY;
  const lost = (at: number, reason: string, reached: string): Outcome | null => {
    if (at >= cutoff) return null;
    if (reached === "new") return { row: { stage: "lost", lostReason: reason, closedAt: new Date(at).toISOString() } };
    return { row: { stage: reached }, loseLater: reason };
  };
  const at = (stage: string): Outcome => ({ row: stage === "new" ? {} : { stage } });

  const contacted = days(arrival, 0.02, 1.2);
  if (random() >= funnel.contacted) return lost(days(arrival, 2, 5), "не дозвонились", "new") ?? at("new");
  if (contacted >= cutoff) return at("new");
  const qualified = days(contacted, 0.5, 4);
  if (random() >= funnel.qualified) return lost(days(contacted, 0.1, 2), pick(random, shape.earlyLosses), "contacted") ?? at("contacted");
  if (qualified >= cutoff) return at("contacted");
  const proposal = days(qualified, 1, 6);
  if (random() >= funnel.proposal) return lost(days(qualified, 2, 8), pick(random, lateLosses.qualified), "qualified") ?? at("qualified");
  if (proposal >= cutoff) return at("qualified");
  // Deals close about a week after the proposal, some take a month.
  const closed = proposal + Math.min(45, Math.max(2, Math.exp(Math.log(7) + 0.6 * normal(random)))) * DAY;
  if (random() >= funnel.won) return lost(closed, pick(random, lateLosses.proposal), "proposal") ?? at("proposal");
  if (closed >= cutoff) return at("proposal");
  return { row: { stage: "won", amount: String(dealAmount(random, shape.deal)), closedAt: new Date(closed).toISOString() } };
}

/** Log-uniform between the bounds, rounded to 100 roubles: many small first orders, a few large ones. */
function dealAmount(random: Random, [min, max]: [number, number]): number {
  return Math.round(Math.exp(uniform(random, Math.log(min), Math.log(max))) / 100) * 100;
}

/**
 * Daily cost of a campaign until the day before the demo's: ad budgets with noise, or a base and
 * callers' hours. An ad campaign also has the demo's day so far (about one lead's worth, the lead
 * its form sends today), as ad platforms report today's spend: without it today's lead would be a
 * day of missing spend.
 */
export function pastSpend(plan: CampaignPlan, asOf: string): SpendDay[] {
  const random = seededRandom(`demo/spend/${plan.utmSource}/${plan.utmCampaign}`);
  const days: SpendDay[] = [];
  for (let ago = plan.since; ago >= 0; ago--) {
    if (ago === 0 && !("costPerLead" in plan.spend)) break;
    const date = addDays(asOf, -ago);
    const weekend = isWeekend(date);
    let cost: number;
    if (ago === 0 && "costPerLead" in plan.spend) {
      cost = plan.spend.costPerLead * Math.exp(0.12 * normal(random));
    } else if ("costPerLead" in plan.spend) {
      cost = plan.leadsPerWeekday * (weekend ? plan.weekend : 1) * plan.spend.costPerLead * Math.exp(0.12 * normal(random));
    } else {
      const { basePurchase, callersHourly, callers, hoursPerDay } = plan.spend;
      cost = (weekend ? 0 : callers * hoursPerDay * callersHourly) + (ago === plan.since ? basePurchase : 0);
    }
    if (cost > 0) days.push({ date, cost: Math.round(cost * 100) / 100 });
  }
  return days;
}

/** `day` at `minutes` after local midnight in `timeZone`, as an ISO instant. */
export function localTime(day: string, minutes: number, timeZone: string): string {
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return zonedInstant(`${day}T${clock}`, timeZone)!.toISOString();
}
