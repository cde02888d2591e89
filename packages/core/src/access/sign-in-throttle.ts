import { createHash } from "node:crypto";
import { BatchGetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";

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

// Hashed, so neither an address nor a piece of a key is stored in the clear, and the key length is bounded.
const itemKey = (kind: Counter, value: string, window: number) => ({
  pk: `SIGNIN#${kind}#${createHash("sha256").update(value).digest("hex")}`,
  sk: `W#${window}`,
});

const windowOf = (now: Date) => Math.floor(now.getTime() / 1000 / THROTTLE_WINDOW_SECONDS);

export type SignInAttempt = { client: string; key: string };

export const SignInThrottle = {
  /** Seconds until this attempt may be tried, or 0 when it may be tried now. */
  async retryAfter(ctx: Ctx, attempt: SignInAttempt): Promise<number> {
    const now = ctx.now();
    const window = windowOf(now);
    const wanted = counters(attempt).map(([kind, value]) => ({ kind, key: itemKey(kind, value, window) }));
    const { Responses } = await ctx.doc.send(new BatchGetCommand({ RequestItems: { [ctx.table]: { Keys: wanted.map((w) => w.key) } } }));
    const found = Responses?.[ctx.table] ?? [];
    const blocked = wanted.some((w) => (found.find((item) => item.pk === w.key.pk)?.failures ?? 0) >= limits[w.kind]);
    if (!blocked) return 0;
    return Math.max(1, Math.ceil((window + 1) * THROTTLE_WINDOW_SECONDS - now.getTime() / 1000));
  },

  /** Counts a failed attempt against its client and its key prefix. */
  async failed(ctx: Ctx, attempt: SignInAttempt): Promise<void> {
    const window = windowOf(ctx.now());
    const expires = (window + 2) * THROTTLE_WINDOW_SECONDS;
    await Promise.all(
      counters(attempt).map(([kind, value]) =>
        ctx.doc.send(
          new UpdateCommand({
            TableName: ctx.table,
            Key: itemKey(kind, value, window),
            UpdateExpression: "ADD failures :one SET #type = :type, #ttl = :ttl",
            ExpressionAttributeNames: { "#type": "type", "#ttl": "ttl" },
            ExpressionAttributeValues: { ":one": 1, ":type": "signInThrottle", ":ttl": expires },
          }),
        ),
      ),
    );
  },
};

function counters(attempt: SignInAttempt): [Counter, string][] {
  return [
    ["client", attempt.client],
    ["prefix", attempt.key.slice(0, PREFIX_LENGTH)],
  ];
}
