import type { FC } from "hono/jsx";
import type { Ctx } from "@parom/core";
import type { FormState } from "../../components/form.js";
import type { View } from "../../view.js";
import type { HypothesisPageData } from "./data.js";

/** The forms of the page that post back to it; a refused one re-renders the page with its state. */
export type HypothesisForms = {
  transition?: FormState;
  campaign?: FormState;
  rules?: FormState;
  approval?: FormState;
  optimization?: FormState;
  /** `stale`: refused because someone else changed the hypothesis meanwhile. */
  edit?: FormState & { stale?: boolean };
};

/**
 * One section of the hypothesis page. A section may be an async component that reads its own
 * data through `ctx` (KPIs, gate, cohorts...), so adding one touches only the list in sections.ts.
 */
export type SectionProps = { v: View; ctx: Ctx; data: HypothesisPageData; forms: HypothesisForms };
export type Section = FC<SectionProps>;
