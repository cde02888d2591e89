import type { View } from "../../view.js";

/** How core writes an optimization into the history (optimization.ts): `<area>: <change> (from <day>)`. */
const recorded = /^(audience|channel|placement|process): ([\s\S]*) \(from (\d{4}-\d{2}-\d{2})\)$/;

/**
 * A history entry's reason as the reader reads it: an optimization's area and start day in words
 * (the stored sentence is the API's English), the change as typed; any other reason as written.
 */
export function HistoryReason({ v, type, reason }: { v: View; type: string; reason: string }) {
  const optimization = type === "optimization" ? recorded.exec(reason) : null;
  if (!optimization) return <q>{reason}</q>;
  const [, area, change, day] = optimization as unknown as [string, keyof View["t"]["decisions"]["optimizations"]["areas"], string, string];
  return (
    <>
      {v.t.decisions.optimizations.areas[area]}: <q>{change}</q> ({v.t.decisions.optimizations.since(v.fmt.day(day))})
    </>
  );
}
