import { createHash } from "node:crypto";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";

/*
 * Failed sign-ins are counted per client address and per key prefix in fixed windows; once either
 * count reaches its limit, sign-in is refused until the window ends, whatever key is offered (a
 * guesser must not learn that the next guess was right). The prefix counter stops one key being
 * guessed from many addresses; the address counter stops one client trying many keys.
 */

export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const FAILURES_PER_CLIENT = 10;
export const FAILURES_PER_PREFIX = 30;
/** How much of a key names its "prefix": enough to tell keys apart, too little to guess from. */
const PREFIX_LENGTH = 12;

type Counter = "client" | "prefix";
const limits: Record<Counter, number> = { client: FAILURES_PER_CLIENT, prefix: FAILURES_PER_PREFIX };

/** The failures of one counter in one window. `ttl` lets a DynamoDB TTL clear it once the window is over. */
const SignInWindowEntity = defineEntity({
  type: "signInThrottle",
  schema: z.object({ failures: z.number(), ttl: z.number() }),
  // Hashed, so neither an address nor a piece of a key is stored in the clear, and the key length is bounded.
  key: ({ counter, value, window }: { counter: Counter; value: string; window: number }) => ({
    pk: `SIGNIN#${counter}#${createHash("sha256").update(value).digest("hex")}`,
    sk: `W#${window}`,
  }),
});

const windowOf = (now: Date) => Math.floor(now.getTime() / 1000 / THROTTLE_WINDOW_SECONDS);

export type SignInAttempt = { client: string; key: string };

export const SignInThrottle = {
  /** Seconds until this attempt may be tried, or 0 when it may be tried now. */
  async retryAfter(ctx: Ctx, attempt: SignInAttempt): Promise<number> {
    const now = ctx.now();
    const window = windowOf(now);
    const windows = await Promise.all(
      counters(attempt).map(async ([counter, value]) => ({ counter, found: await SignInWindowEntity.get(ctx, { counter, value, window }) })),
    );
    const blocked = windows.some(({ counter, found }) => (found?.failures ?? 0) >= limits[counter]);
    if (!blocked) return 0;
    return Math.max(1, Math.ceil((window + 1) * THROTTLE_WINDOW_SECONDS - now.getTime() / 1000));
  },

  /** Counts a failed attempt against its client and its key prefix. */
  async failed(ctx: Ctx, attempt: SignInAttempt): Promise<void> {
    const window = windowOf(ctx.now());
    const changes = { add: { failures: 1 }, set: { type: SignInWindowEntity.type, ttl: (window + 2) * THROTTLE_WINDOW_SECONDS } };
    // The first failure of a window creates its counter, so this update has no condition.
    await Promise.all(counters(attempt).map(([counter, value]) => SignInWindowEntity.update(ctx, { counter, value, window }, changes, "none")));
  },
};

function counters(attempt: SignInAttempt): [Counter, string][] {
  return [
    ["client", attempt.client],
    ["prefix", attempt.key.slice(0, PREFIX_LENGTH)],
  ];
}
