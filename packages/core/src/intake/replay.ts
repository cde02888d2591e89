import type { Ctx } from "../context.js";
import { ConflictError, DomainError } from "../errors.js";
import { Sources } from "../source/source.js";
import { RawArchive, STUCK_AFTER_MS, type RawDelivery } from "./raw-archive.js";
import { receiveDelivery, type IntakeAnswer } from "./receive.js";

/**
 * Runs a quarantined or stuck call again through its source's current format and parser. Leads
 * captured before (by an earlier attempt, or a sender's retry) answer as duplicates, so nothing is
 * counted twice. Success marks the call processed; a body still refused stays in quarantine with the
 * new error, thrown as unprocessable.
 */
export async function replayDelivery(ctx: Ctx, id: string): Promise<IntakeAnswer> {
  const raw = await RawArchive.get(ctx, id);
  if (raw.state === "processed") throw new ConflictError("not_quarantined", `delivery ${id} is not in quarantine: it was processed at ${raw.processedAt}`);
  // A call received moments ago is most likely still being handled by its own request.
  if (raw.state === "pending" && !RawArchive.isStuck(ctx, raw)) {
    throw new ConflictError("still_processing", `delivery ${id} was received at ${raw.receivedAt} and may still be processing; it can be replayed once stuck (${STUCK_AFTER_MS / 60_000} minutes)`);
  }
  try {
    return await replay(ctx, raw);
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, `still refused: ${error.message}`, "unprocessable", error.details);
    throw error;
  }
}

export type SweepResult = { replayed: number; quarantined: number; stillStuck: number };

/**
 * Replays every call pending for `olderThanMs` or longer: the scheduled sweep (stacks/Archive.ts,
 * and `npm start`'s timer). Each ends processed, quarantined (its body is refused now), or still
 * stuck (its replay failed too, e.g. the database is still down), to be tried by the next sweep.
 */
export async function replayStuck(ctx: Ctx, options: { olderThanMs: number }): Promise<SweepResult> {
  const result: SweepResult = { replayed: 0, quarantined: 0, stillStuck: 0 };
  let cursor: string | undefined;
  do {
    const page = await RawArchive.listStuck(ctx, { olderThanMs: options.olderThanMs, cursor, limit: 50 });
    for (const raw of page.items) {
      try {
        await replay(ctx, raw);
      } catch {
        // Refused (now in quarantine) or failed again: the state read below says which.
      }
      const state = await RawArchive.get(ctx, raw.id).then((after) => after.state, () => "pending" as const);
      if (state === "processed") result.replayed++;
      else if (state === "quarantined") result.quarantined++;
      else result.stillStuck++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return result;
}

async function replay(ctx: Ctx, raw: RawDelivery): Promise<IntakeAnswer> {
  return receiveDelivery(ctx, await Sources.get(ctx, raw.sourceId), raw);
}
