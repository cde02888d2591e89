/**
 * `npm start`'s stand-in for stacks/Handovers.ts' Cron: every 5 minutes, leads handed over until
 * a time that has passed go back to their person.
 */
import type { Ctx } from "@parom/core";
import { Handovers } from "@parom/core/lead";

const EVERY_MS = 5 * 60_000;

export function startHandoverSweeper(ctx: Ctx, log: (line: string) => void = console.log, everyMs = EVERY_MS): { stop(): void } {
  let running = false;
  const timer = setInterval(async () => {
    // A sweep slower than the period is not run twice at once.
    if (running) return;
    running = true;
    try {
      const result = await Handovers.returnDue(ctx);
      if (result.returned + result.kept > 0) log(`Hand-overs ended: ${JSON.stringify(result)}`);
    } catch (error) {
      log(`Hand-over sweep failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
