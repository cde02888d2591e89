import { numbersIn } from "@parom/core/format";
import type { DemoHypothesis, DemoResult, GateRow } from "./load.js";

const percentKpis = ["qualifiedRate", "conversion", "romi"];
// The terminal text is English; money stays in roubles the Russian way, as the pages show it.
const en = numbersIn("en");
const ru = numbersIn("ru");
const figure = (kpi: string, x: number | null) =>
  x === null ? "n/a" : percentKpis.includes(kpi) ? en.percent(x) : ru.money(x, { digits: { upTo: 0 } });
const row = (r: GateRow) => `${r.kpi} ${figure(r.kpi, r.observed)} (target ${figure(r.kpi, r.target)}): ${r.verdict}`;

function gateLine(h: DemoHypothesis): string {
  if (!h.gate) return "closed";
  const { state, kpis, maturingLeads } = h.gate;
  if (state === "passed") {
    const next = h.stage === "optimization" ? "ready for the owner's approval (Approve on its page)" : "approval comes once it reaches optimization";
    return `gate PASSED (${kpis.map(row).join("; ")}): ${next}`;
  }
  if (state === "not_met") return `gate: NOT MET (${kpis.filter((r) => r.verdict === "not_met").map(row).join("; ")})`;
  const waiting = kpis.filter((r) => r.verdict === "insufficient_data").map((r) => r.kpi).join(", ");
  return `gate: insufficient data for ${waiting} (${maturingLeads} leads still maturing)`;
}

/** What the demo loaded and where to look, for a person at a terminal. */
export function demoSummary(result: DemoResult, options: { ownerKey: string; boardUrl: string; serverRunning: boolean; keysFile?: string; salesKeysFile?: string }): string {
  const { history, webhooks } = result;
  const lines = [
    "",
    result.firstRun
      ? `Demo loaded: «Сумки Опт», a wholesale bag maker, with three months of history up to ${result.asOf}.`
      : `The demo (history up to ${result.asOf}) was already loaded; nothing was duplicated.`,
    `  Leads: ${history.imported} imported from the amoCRM history now (${history.present} were there already), ${history.markedLost} lost after they were reached, ${webhooks.leads} new through today's Tilda and amoCRM webhooks.`,
    `  Spend: ${history.spendDays} campaign-days of costs loaded now (Yandex.Direct from its report export; the callers' hours and the bought base as rows of their own campaign).`,
    `  Quarantine: ${webhooks.quarantined ? `${webhooks.quarantined} malformed webhook calls` : "the malformed webhook calls from the first run"} to look at and replay.`,
    "",
    options.serverRunning ? `Open ${options.boardUrl} and sign in with the owner key:` : `Run \`npm start\`, open ${options.boardUrl} and sign in with the owner key:`,
    `  ${options.ownerKey}`,
    "",
    "Hypotheses on the board:",
    ...result.hypotheses.map((h) => `  [${h.stage}] ${h.title}\n      ${gateLine(h)}${h.refusal ? `\n      ${h.refusal}` : ""}`),
    "",
    "Contractor keys (a contractor sees only its own campaigns and report):",
    ...result.contractorKeys.map((k) => `  ${k.name}: ${k.key}`),
  ];
  if (options.keysFile) lines.push(`  (kept in ${options.keysFile})`);
  lines.push(
    "",
    `Sales department keys (a manager works the leads assigned to them; the head of sales sees every lead, assigns and hands over; ${result.sales.assigned} history leads assigned and ${result.sales.handedOver} handed over now):`,
    ...result.sales.keys.map((k) => `  ${k.name}: ${k.key}`),
    ...(options.salesKeysFile ? [`  (kept in ${options.salesKeysFile})`] : []),
    `  The head of sales' call-backs (/callbacks): ${result.callbacks.lostNoContact} leads lost as no_contact after five unanswered calls and ${result.callbacks.reviewedManager} loss blamed on the manager added now; the spot checks pick the account managers' won clients.`,
    "",
    `Ideas backlog (/backlog): ${result.ideas} ideas with ICE scores added now; the closed Avito hypothesis' lesson is in the learnings (/learnings).`,
  );
  lines.push("", `Webhook URLs: Tilda ${options.boardUrl}${result.sources.tilda}`, `              amoCRM ${options.boardUrl}${result.sources.amocrm}`, "");
  return lines.join("\n");
}
