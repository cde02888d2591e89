import type { Ctx } from "../context.js";
import { ConflictError, DomainError } from "../errors.js";
import { captureLead, type CaptureResult } from "../lead/capture.js";
import { applyCrmContacts, type CrmContactOutcome } from "../lead/crm-contacts.js";
import { applyCrmStatusChanges, type CrmStatusOutcome } from "../lead/crm-status.js";
import { countsPipeline, Sources, type Source } from "../source/source.js";
import { checkIdempotencyKey } from "./delivery-limits.js";
import { parseDelivery } from "./parse-delivery.js";
import { bodyText, RawArchive, type QuarantineError, type RawDelivery } from "./raw-archive.js";

/** A deal the source does not count (another pipeline): archived with its call, captured nowhere. */
export type IgnoredLead = { externalId: string | null; pipelineId: string | null; reason: "pipeline_not_counted" };

/** What a webhook call (or its replay) answers: "ok" for a connection test, else each lead, status change and contact. */
export type IntakeAnswer =
  | { test: true }
  | { test: false; leads: CaptureResult[]; ignored: IgnoredLead[]; statusChanges: CrmStatusOutcome[]; contacts: CrmContactOutcome[] };

/**
 * Reads an archived call with its source's current format and captures what it holds.
 * A body the parser refuses goes to quarantine with the error, which is then thrown for the sender.
 */
export async function receiveDelivery(ctx: Ctx, source: Source, raw: RawDelivery): Promise<IntakeAnswer> {
  let delivery;
  try {
    delivery = parseDelivery(source.format, { contentType: raw.contentType ?? undefined, text: bodyText(raw) });
    checkIdempotencyKey(raw.headers["idempotency-key"]);
  } catch (error) {
    await RawArchive.quarantine(ctx, raw, quarantineError(error));
    throw error;
  }
  if (delivery.test) {
    await RawArchive.processed(ctx, raw.id);
    return { test: true };
  }

  const idempotencyKey = raw.headers["idempotency-key"]?.trim() || null;
  const leads: CaptureResult[] = [];
  const ignored: IgnoredLead[] = [];
  // One by one: the leads of one call share the archive item and usually the counters.
  for (const [index, fields] of delivery.leads.entries()) {
    if (!countsPipeline(source, fields.crm?.pipelineId)) {
      ignored.push({ externalId: fields.externalId, pipelineId: fields.crm?.pipelineId ?? null, reason: "pipeline_not_counted" });
      continue;
    }
    const key = idempotencyKey && (index === 0 ? idempotencyKey : `${idempotencyKey}#${index}`);
    leads.push(await captureLead(ctx, { sourceId: source.id, sourceName: source.name, fields, idempotencyKey: key, raw: { deliveryId: raw.id, index } }));
  }
  // Contacts before moves: a deal's person is known before the deal is closed, as in the CRM.
  const contacts = delivery.contacts?.length ? await applyCrmContacts(ctx, source.id, delivery.contacts) : [];
  const statusChanges = delivery.statusChanges.length > 0 ? await applyCrmStatusChanges(ctx, source, delivery.statusChanges) : [];
  if (!leads.some((lead) => !lead.duplicate)) await RawArchive.processed(ctx, raw.id);
  return { test: false, leads, ignored, statusChanges, contacts };
}

/**
 * Runs a quarantined call again through its source's current format and parser. Success takes it out
 * of quarantine; a body still refused stays there with the new error, thrown as a 422.
 */
export async function replayQuarantined(ctx: Ctx, id: string): Promise<IntakeAnswer> {
  const raw = await RawArchive.get(ctx, id);
  if (!RawArchive.isQuarantined(raw)) throw new ConflictError("not_quarantined", `delivery ${id} is not in quarantine: it was processed at ${raw.processedAt}`);
  const source = await Sources.get(ctx, raw.sourceId);
  try {
    return await receiveDelivery(ctx, source, raw);
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, `still refused: ${error.message}`, 422, error.details);
    throw error;
  }
}

function quarantineError(error: unknown): QuarantineError {
  if (error instanceof DomainError) return { error: error.code, message: error.message, ...error.details };
  // A parser bug: the call is kept all the same, to be replayed once the parser is fixed.
  return { error: "parser_failed", message: (error as Error).message ?? String(error) };
}
