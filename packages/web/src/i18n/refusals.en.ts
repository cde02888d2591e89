/** Domain refusals and field problems in English: the API's own words (refusals.ru.ts translates them). */
export const refusalsEn = {
  message: (_code: string, _details: Record<string, unknown>, message: string) => message,
  issue: (message: string) => message,
};
