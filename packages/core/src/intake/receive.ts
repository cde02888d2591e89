import type { Ctx } from "../context.js";
import { DomainError } from "../errors.js";
import { captureLead, type CaptureResult } from "../lead/capture.js";
import { applyCrmContacts, type CrmContactOutcome } from "../lead/crm-contacts.js";
import { applyCrmResponsibles, type CrmResponsibleOutcome } from "../lead/crm-responsible.js";
import { applyCrmStatusChanges, type CrmStatusOutcome } from "../lead/crm-status.js";
import { countsPipeline, type Source } from "../source/source.js";
import { decodeText, declaredCharset } from "../text/charset.js";
import { checkIdempotencyKey } from "./delivery-limits.js";
import { parseDelivery } from "./parse-delivery.js";
import { RawArchive, type QuarantineError, type RawDelivery } from "./raw-archive.js";

/** A deal the source does not count (another pipeline): archived with its call, captured nowhere. */
export type IgnoredLead = { externalId: string | null; pipelineId: string | null; reason: "pipeline_not_counted" };

/** What a webhook call (or its replay) answers: "ok" for a connection test, else each lead, status change and contact. */
export type IntakeAnswer =
  | { test: true }
  | { test: false; leads: CaptureResult[]; ignored: IgnoredLead[]; statusChanges: CrmStatusOutcome[]; contacts: CrmContactOutcome[]; responsibles?: CrmResponsibleOutcome[] };

/**
 * Reads an archived call with its source's current format and captures what it holds.
 * A body the parser refuses goes to quarantine with the error, which is then thrown for the sender.
 */
export async function receiveDelivery(ctx: Ctx, source: Source, raw: RawDelivery): Promise<IntakeAnswer> {
  let delivery;
  try {
    // Decoding is part of reading: a body not valid in its charset is quarantined like any refused body.
    delivery = parseDelivery(source.format, { contentType: raw.contentType ?? undefined, text: decodeText(raw.body, declaredCharset(raw.contentType)) });
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
  // One by one: the leads of one call usually share the counters.
  for (const [index, fields] of delivery.leads.entries()) {
    if (!countsPipeline(source, fields.crm?.pipelineId)) {
      ignored.push({ externalId: fields.externalId, pipelineId: fields.crm?.pipelineId ?? null, reason: "pipeline_not_counted" });
      continue;
    }
    const key = idempotencyKey && (index === 0 ? idempotencyKey : `${idempotencyKey}#${index}`);
    leads.push(await captureLead(ctx, { sourceId: source.id, sourceName: source.name, fields, idempotencyKey: key, marker: RawArchive.captureMarker(ctx, raw.id, index) }));
  }
  // Contacts before moves: a deal's person is known before the deal is closed, as in the CRM.
  const contacts = delivery.contacts?.length ? await applyCrmContacts(ctx, source.id, delivery.contacts) : [];
  const statusChanges = delivery.statusChanges.length > 0 ? await applyCrmStatusChanges(ctx, source, delivery.statusChanges) : [];
  const responsibles = delivery.responsibles?.length ? await applyCrmResponsibles(ctx, source.id, delivery.responsibles) : [];
  // Only now, all of it handled: a call that dies before this stays pending and is replayed when stuck.
  await RawArchive.processed(ctx, raw.id);
  return { test: false, leads, ignored, statusChanges, contacts, ...(responsibles.length ? { responsibles } : {}) };
}

function quarantineError(error: unknown): QuarantineError {
  if (error instanceof DomainError) return { error: error.code, message: error.message, ...error.details };
  // A parser bug: the call is kept all the same, to be replayed once the parser is fixed.
  return { error: "parser_failed", message: (error as Error).message ?? String(error) };
}
