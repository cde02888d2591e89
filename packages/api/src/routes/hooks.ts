import { Hono, type Context } from "hono";
import type { IntakeAnswer } from "../../../core/src/intake/receive.js";
import { receiveDelivery } from "../../../core/src/intake/receive.js";
import { RawArchive } from "../../../core/src/intake/raw-archive.js";
import { DomainError } from "../../../core/src/errors.js";
import { Sources } from "../../../core/src/source/source.js";
import type { AppEnv } from "../env.js";

/** The answer a sender gets: Tilda's connection test wants the text "ok". Shared with quarantine replay. */
export function intakeResponse(c: Context, answer: IntakeAnswer) {
  if (answer.test) return c.text("ok");
  return c.json({ leads: answer.leads, statusChanges: answer.statusChanges });
}

/** `POST /hooks/{key}`: the public webhook. The call is archived before anything reads it. */
export const hookRoutes = new Hono<AppEnv>().post("/:key", async (c) => {
  const ctx = c.var.ctx;
  const source = await Sources.byKey(ctx, c.req.param("key"));
  if (!source) throw new DomainError("not_found", "no lead source has this webhook key", 404);
  const raw = await RawArchive.store(ctx, { sourceId: source.id, headers: c.req.header(), body: new Uint8Array(await c.req.arrayBuffer()) });
  return intakeResponse(c, await receiveDelivery(ctx, source, raw));
});
