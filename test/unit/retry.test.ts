import { describe, expect, it } from "vitest";
import { backoffMs, withRetry } from "../../packages/core/src/db/retry.js";

class Busy extends Error {}

describe("the one retry loop", () => {
  it("retries what is retryable until it succeeds, counting attempts from 1", async () => {
    const seen: number[] = [];
    const result = await withRetry(
      async (n) => {
        seen.push(n);
        if (n < 3) throw new Busy();
        return "done";
      },
      { attempts: 5, retryable: (error) => error instanceof Busy, baseDelayMs: 1 },
    );
    expect(result).toBe("done");
    expect(seen).toEqual([1, 2, 3]);
  });

  it("throws anything else at once, and the caller's own error when attempts run out", async () => {
    let calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(new TypeError("bug"))), { attempts: 5, retryable: (e) => e instanceof Busy })).rejects.toThrow("bug");
    expect(calls).toBe(1);
    await expect(
      withRetry(async () => Promise.reject(new Busy()), { attempts: 3, retryable: (e) => e instanceof Busy, baseDelayMs: 1, exhausted: () => new Error("kept changing; try again") }),
    ).rejects.toThrow("kept changing; try again");
  });

  it("waits a random time below a ceiling that doubles per attempt and stops at the cap", () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = Math.min(500, 10 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const wait = backoffMs(attempt, 10, 500);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThan(ceiling);
      }
    }
  });
});
