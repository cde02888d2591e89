/** English texts of a source's page (its amoCRM status map, loss reasons and pipelines), hooked into en.ts as `sourceMaps`. */
export const sourceMapsEn = {
  link: "amoCRM statuses and loss reasons",
  back: "All sources",
  title: (name: string) => `Source: ${name}`,
  intro: "How this source's amoCRM deals become our stages and lost reasons. A change applies to the deals that arrive after it.",
  statuses: {
    title: "amoCRM statuses → stages",
    intro: "A deal moved to a status listed here moves its lead to the stage beside it; other statuses change nothing. 142 and 143 are amoCRM's own won and lost.",
    status: "amoCRM status",
    stage: "Our stage",
    statusId: "amoCRM status number",
    submit: "Save the status",
  },
  reasons: {
    title: "amoCRM loss reasons → our lost reasons",
    intro: "A deal lost with a reason number named here is lost with this reason; an unnamed number is kept as it came and listed below.",
    none: "No loss reason is named yet.",
    reasonId: "amoCRM loss reason number",
    reason: "Our lost reason",
    name: "Lost reason",
    submit: "Save the reason",
  },
  unmapped: {
    title: "Loss reasons without a name",
    intro: "Reason numbers amoCRM sent that are not named above. Name one and the next deals lost with it get the name (leads already lost keep their text).",
    none: "Every loss reason amoCRM sent has a name.",
    line: (id: string, leads: number, at: string) => `No. ${id}: ${leads} ${leads === 1 ? "lead" : "leads"}, last ${at}`,
    submit: "Name it",
  },
  pipelines: {
    title: "Pipelines that count",
    intro: "Deals of other amoCRM pipelines are kept with their webhook call and otherwise ignored.",
    all: "Every pipeline counts.",
    current: (ids: string) => `Counted: ${ids}.`,
    field: "Pipeline numbers",
    hint: "Separated by commas or spaces; empty: every pipeline.",
    submit: "Save the pipelines",
    bad: "Pipeline numbers are digits only, at most 20 each and at most 100 numbers.",
  },
  refused: "Correct the marked field.",
};

export type SourceMapsMessages = typeof sourceMapsEn;
