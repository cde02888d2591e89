/** Where a hypothesis and the items that hang off it live in the single table. */
export const hypothesisKeys = {
  item: (id: string) => ({ pk: `HYP#${id}`, sk: "HYP" }),
  listing: (id: string) => ({ gsi1pk: "HYPS", gsi1sk: id }),
};
