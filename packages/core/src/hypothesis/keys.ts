// Zero-padded so that the sort key orders versions numerically.
const seq = (n: number) => String(n).padStart(8, "0");

/** Where a hypothesis and the items that hang off it live in the single table. */
export const hypothesisKeys = {
  item: (id: string) => ({ pk: `HYP#${id}`, sk: "HYP" }),
  listing: (id: string) => ({ gsi1pk: "HYPS", gsi1sk: id }),
  listingPartition: "HYPS",
  /** One history item per hypothesis version: the version that change produced. */
  history: (id: string, version: number) => ({ pk: `HYP#${id}`, sk: `HISTORY#${seq(version)}` }),
  historyPrefix: "HISTORY#",
  /** One item per written-rules version, kept forever. */
  rules: (id: string, version: number) => ({ pk: `HYP#${id}`, sk: `RULES#${seq(version)}` }),
  rulesPrefix: "RULES#",
};
