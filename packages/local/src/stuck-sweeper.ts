/**
 * `npm start`'s stand-in for stacks/Archive.ts' Cron: every 5 minutes, webhook calls whose
 * processing died (pending 5 minutes after they arrived) are replayed.
 */
import type { Ctx } from "@parom/core";
import { replayStuck, STUCK_AFTER_MS } from "@parom/core/intake";

export function startStuckSweeper(ctx: Ctx, log: (line: string) => void = console.log, everyMs = STUCK_AFTER_MS): { stop(): void } {
  let running = false;
  const timer = setInterval(async () => {
    // A sweep slower than the period (a long outage) is not run twice at once.
    if (running) return;
    running = true;
    try {
      const result = await replayStuck(ctx, { olderThanMs: STUCK_AFTER_MS });
      if (result.replayed + result.quarantined + result.stillStuck > 0) log(`Stuck webhook calls: ${JSON.stringify(result)}`);
    } catch (error) {
      log(`Stuck webhook call sweep failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
