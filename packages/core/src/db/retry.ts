/**
 * The one retry loop: conflicts (a conditional write that lost a race, a cancelled transaction) are
 * retried with exponential backoff and full jitter, so racing writers spread out instead of colliding
 * again in step. Anything `retryable` does not accept is thrown at once. Throttling and timeouts of a
 * single call are the AWS SDK's own retries (client.ts), not this loop's.
 */
export type RetryOptions = {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Whether this failure is worth another attempt. */
  retryable: (error: unknown) => boolean;
  /** The first backoff's ceiling; each next one doubles, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called when attempts run out, to throw something the caller understands (a 409, say). */
  exhausted?: (error: unknown) => Error;
};

/**
 * Runs `attempt(n)` (n from 1) until it returns, retrying what `retryable` accepts.
 * @example await withRetry((n) => transact(ctx, items), { attempts: 8, retryable: isTransactionConflict })
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { attempts, retryable, baseDelayMs = 10, maxDelayMs = 500 } = options;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!retryable(error)) throw error;
      if (n >= attempts) throw options.exhausted ? options.exhausted(error) : error;
      await sleep(backoffMs(n, baseDelayMs, maxDelayMs));
    }
  }
}

/** Full jitter: a random wait below the attempt's exponential ceiling. */
export function backoffMs(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
