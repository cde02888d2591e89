import { createHash } from "node:crypto";
import { z } from "zod";
import { isoInstantSchema } from "../dates.js";
import type { Ctx } from "../context.js";
import { DomainError, type FieldIssue } from "../errors.js";
import { fieldIssues } from "../field-issues.js";
import { IdSchema } from "../db/key-limits.js";
import { checkDeliveryLimits } from "./delivery-limits.js";
import { JsonLead, parseJsonLead } from "./json-lead.js";
import { toKopecks } from "../money.js";
import { Sources } from "../source/source.js";
import { captureLead, type CaptureResult, type PastOutcome } from "../lead/capture.js";
import { leadStages } from "../lead-stages.js";

/** The idempotency scope of imports that name no source of their own. */
export const IMPORT_SOURCE_ID = "import";
export const MAX_IMPORT_LEADS = 1000;
/** Captures in flight at once: fast enough for 1,000 leads, gentle on one campaign's counter item. */
const CONCURRENCY = 16;

export const ImportRequest = z.strictObject({
  /** Ids are unique per source: importing a CRM's leads under its webhook source dedupes against both. */
  sourceId: IdSchema.optional(),
  // Each lead is checked on its own, so one bad row is reported instead of refusing the whole call.
  leads: z.array(z.unknown()).min(1).max(MAX_IMPORT_LEADS, `at most ${MAX_IMPORT_LEADS} leads per call`),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

const isoTime = isoInstantSchema();

/** A past lead: the `json` source's shape plus when it arrived and how its deal ended. */
const PastLead = z.strictObject({
  ...JsonLead.shape,
  createdAt: isoTime,
  stage: z.enum(leadStages).default("new"),
  amount: z.union([z.number(), z.string()]).optional(),
  lostReason: z.string().trim().min(1).max(1000).optional(),
  closedAt: isoTime.optional(),
});
type PastLead = z.infer<typeof PastLead>;
const importOnlyFields = ["createdAt", "stage", "amount", "lostReason", "closedAt"];

/** What became of one lead of the call, by its position: exactly what the table holds for it afterwards. */
export type ImportRow =
  | { index: number; outcome: "stored" | "duplicate"; leadId: string }
  | { index: number; outcome: "rejected"; issues: FieldIssue[] }
  /**
   * Storing it failed for a reason of the server's (the database unavailable). Its one transaction did
   * not commit as far as the server knows; importing the call again stores it (or, had it committed after
   * all, answers `duplicate`), so nothing is doubled.
   */
  | { index: number; outcome: "failed"; error: string; message: string };

/** The counts older clients read, and `rows` with every lead's outcome. */
export type ImportResult = {
  imported: number;
  duplicates: number;
  rejected: Array<{ index: number; issues: FieldIssue[] }>;
  failed: number;
  rows: ImportRow[];
};

/**
 * Loads past leads with their outcomes, each exactly once: by `externalId` like the webhook, or by
 * the lead's content when it has none, so re-running an interrupted import never doubles anything.
 * Counters land on each lead's own cohort day. Each lead is stored in its own transaction, so a
 * failure part-way is reported per row (`failed`) beside the rows already stored, never as a bare 500.
 */
export async function importLeads(ctx: Ctx, request: ImportRequest, actor: string): Promise<ImportResult> {
  const sourceId = request.sourceId ?? IMPORT_SOURCE_ID;
  // The touch keeps the source's name as a webhook's does, so the lead page names it instead of its id.
  const sourceName = request.sourceId ? (await Sources.get(ctx, request.sourceId)).name : undefined;

  const tasks = request.leads.map((raw, index) => async (): Promise<ImportRow> => {
    const checked = checkLead(ctx, raw);
    if ("issues" in checked) return { index, outcome: "rejected", issues: checked.issues };
    try {
      const result: CaptureResult = await captureLead(ctx, { sourceId, sourceName, ...checked, past: { ...checked.past, actor } });
      return { index, outcome: result.duplicate ? "duplicate" : "stored", leadId: result.id };
    } catch (error) {
      return { index, outcome: "failed", ...failure(error) };
    }
  });
  const rows = await withConcurrency(tasks, CONCURRENCY);
  const count = (outcome: ImportRow["outcome"]) => rows.filter((row) => row.outcome === outcome).length;
  return {
    imported: count("stored"),
    duplicates: count("duplicate"),
    rejected: rows.flatMap((row) => (row.outcome === "rejected" ? [{ index: row.index, issues: row.issues }] : [])),
    failed: count("failed"),
    rows,
  };
}

function failure(error: unknown): { error: string; message: string } {
  if (error instanceof DomainError) return { error: error.code, message: error.message };
  // The database's own words (a throttle, a timeout) say what went wrong without exposing data.
  const name = error instanceof Error ? error.name : "Error";
  return { error: "storage_failed", message: `the lead could not be stored (${name}); import it again: leads already stored come back as duplicates` };
}

type Checked =
  | { issues: FieldIssue[] }
  | { fields: ReturnType<typeof parseJsonLead>["leads"][number]; idempotencyKey: string | null; past: Omit<PastOutcome, "actor"> };

function checkLead(ctx: Ctx, raw: unknown): Checked {
  const parsed = PastLead.safeParse(raw);
  if (!parsed.success) return { issues: fieldIssues(parsed.error, "(lead)") };
  const lead = parsed.data;
  const issues = outcomeIssues(ctx, lead);
  if (issues.length > 0) return { issues };

  const senderShape = Object.fromEntries(Object.entries(raw as object).filter(([name]) => !importOnlyFields.includes(name)));
  let fields;
  try {
    const delivery = parseJsonLead({ kind: "json", value: senderShape });
    // Ids and UTM values too long for their keys are this row's problem, named as the webhook names them.
    checkDeliveryLimits("json", delivery);
    [fields] = delivery.leads;
  } catch (error) {
    if (error instanceof DomainError) return { issues: (error.details.issues as FieldIssue[]) ?? [{ path: "(lead)", message: error.message }] };
    throw error;
  }
  return {
    fields: fields!,
    idempotencyKey: fields!.externalId ? null : `content:${createHash("sha256").update(JSON.stringify(raw)).digest("base64url")}`,
    past: {
      createdAt: new Date(lead.createdAt),
      stage: lead.stage,
      amountKopecks: lead.amount === undefined ? null : toKopecks(lead.amount),
      lostReason: lead.lostReason ?? null,
      closedAt: lead.closedAt ? new Date(lead.closedAt) : null,
    },
  };
}

/** The outcome must be whole and consistent: the amount of a won deal, the reason of a lost one, times in order. */
function outcomeIssues(ctx: Ctx, lead: PastLead): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const now = ctx.now().getTime();
  const createdAt = Date.parse(lead.createdAt);
  if (createdAt > now) issues.push({ path: "createdAt", message: "must not be in the future" });

  if (lead.stage === "won") {
    const kopecks = lead.amount === undefined ? null : toKopecks(lead.amount);
    if (lead.amount === undefined) issues.push({ path: "amount", message: "a won deal needs its amount" });
    else if (kopecks === null || kopecks <= 0) issues.push({ path: "amount", message: "must be a positive amount with at most two decimals" });
  } else if (lead.amount !== undefined) {
    issues.push({ path: "amount", message: "an amount goes only with the won stage" });
  }
  if (lead.stage === "lost" && lead.lostReason === undefined) issues.push({ path: "lostReason", message: "a lost lead needs the reason it was lost" });
  if (lead.stage !== "lost" && lead.lostReason !== undefined) issues.push({ path: "lostReason", message: "a lost reason goes only with the lost stage" });

  if (lead.closedAt !== undefined) {
    const closedAt = Date.parse(lead.closedAt);
    if (lead.stage !== "won" && lead.stage !== "lost") issues.push({ path: "closedAt", message: "only a won or lost deal has a closing time" });
    else if (closedAt < createdAt) issues.push({ path: "closedAt", message: "must not be before createdAt" });
    else if (closedAt > now) issues.push({ path: "closedAt", message: "must not be in the future" });
  }
  return issues;
}

/** Runs `tasks` with at most `limit` in flight; results in task order. */
async function withConcurrency<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
