// Zero-padded so that the sort key orders versions numerically.
const seq = (n: number) => String(n).padStart(8, "0");

/**
 * The hypothesis partition's layout: the hypothesis and every item that hangs off it share
 * `HYP#<id>`, so one Query reads them all (partition.ts). The entities built on these templates
 * are in entities.ts, approvals.ts and optimizations.ts.
 */
export const hypothesisKeys = {
  item: (id: string) => ({ pk: `HYP#${id}`, sk: "HYP" }),
  itemSortKey: "HYP",
  /** One history item per hypothesis version: the version that change produced. */
  history: (id: string, version: number) => ({ pk: `HYP#${id}`, sk: `HISTORY#${seq(version)}` }),
  historyPrefix: "HISTORY#",
  /** One item per written-rules version, kept forever. */
  rules: (id: string, version: number) => ({ pk: `HYP#${id}`, sk: `RULES#${seq(version)}` }),
  rulesPrefix: "RULES#",
  /** Owner's decisions on scale-out, oldest first (ids are ULIDs). */
  approval: (id: string, approvalId: string) => ({ pk: `HYP#${id}`, sk: `APPROVAL#${approvalId}` }),
  approvalPrefix: "APPROVAL#",
  optimization: (id: string, optimizationId: string) => ({ pk: `HYP#${id}`, sk: `OPTIMIZATION#${optimizationId}` }),
  optimizationPrefix: "OPTIMIZATION#",
};
