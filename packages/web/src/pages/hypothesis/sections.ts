import { CampaignsSection } from "./campaigns.js";
import { Overview, StageSection, TargetsSection } from "./overview.js";
import { HistorySection, RulesSection } from "./rules.js";
import type { Section } from "./section.js";

/**
 * The hypothesis page, top to bottom. KPIs against targets, the gate, cohorts, funnel, forecast,
 * optimizations and approvals go in as sections here.
 */
export const hypothesisSections: Section[] = [Overview, StageSection, TargetsSection, CampaignsSection, RulesSection, HistorySection];
