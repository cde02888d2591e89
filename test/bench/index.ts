/**
 * `npm run bench`: the page benchmark (test/bench/pages.ts), then the KPI benchmark (test/bench/run.ts).
 * BENCH=pages or BENCH=kpis runs only that one.
 */
export {};

const benches = { pages: "./pages.js", kpis: "./run.js" } as const;
const chosen = process.env.BENCH || "all";
if (chosen !== "all" && !(chosen in benches)) throw new Error(`BENCH=${chosen}: expected pages, kpis or nothing for both`);
for (const [name, module] of Object.entries(benches)) {
  if (chosen === "all" || chosen === name) await import(module);
}
