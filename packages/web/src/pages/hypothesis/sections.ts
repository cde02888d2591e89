import { CampaignsSection } from "./campaigns.js";
import { ApprovalSection } from "./decisions/approval.js";
import { CohortsSection } from "./decisions/cohorts.js";
import { ForecastSection } from "./decisions/forecast.js";
import { FunnelSection } from "./decisions/funnel.js";
import { GateSection, KpiSection } from "./decisions/kpis.js";
import { OptimizationsSection } from "./decisions/optimizations.js";
import { EditSection } from "./edit.js";
import { LessonSection } from "./lesson.js";
import { Overview, StageSection, TargetsSection } from "./overview.js";
import { HistorySection, RulesSection } from "./rules.js";
import type { Section } from "./section.js";

/**
 * The hypothesis page, top to bottom: what it is and where it stands, the gate and the owner's
 * decision, the figures behind them, then its campaigns, rules and history.
 */
export const hypothesisSections: Section[] = [
  Overview,
  LessonSection,
  StageSection,
  GateSection,
  ApprovalSection,
  TargetsSection,
  EditSection,
  KpiSection,
  CohortsSection,
  FunnelSection,
  ForecastSection,
  OptimizationsSection,
  CampaignsSection,
  RulesSection,
  HistorySection,
];
