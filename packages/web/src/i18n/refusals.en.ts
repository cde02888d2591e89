import type { Refusal } from "@parom/core/hypothesis";

/** Domain refusals and field problems in English: the API's own words (refusals.ru.ts translates them). */
export const refusalsEn = {
  /** One unmet condition of a hypothesis' move (the gate's own are told by the hypothesis texts). */
  transition: (refusal: Refusal) => refusal.sentence,
  message: (_code: string, _details: Record<string, unknown>, message: string) => message,
  issue: (message: string) => message,
};
