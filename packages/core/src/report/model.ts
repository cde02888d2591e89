import type { Verdict } from "../stats/verdict.js";
import type { DayRange } from "./period.js";

/** The KPIs a report judges against the hypothesis' targets. */
export const targetKpis = ["cpl", "qualifiedRate", "conversion", "cac", "romi"] as const;
export type TargetKpi = (typeof targetKpis)[number];

/**
 * A campaign's figures over a range of lead-arrival days. Money is a decimal string of roubles
 * ("1234.50"); rates and ROMI are fractions rounded to 4 decimals (0.1234 = 12.34%). `won`,
 * `conversion`, `cac` and `romi` count mature cohorts only (`matureLeads` of the `leads`): a young
 * cohort has not had time to close. A figure with nothing to divide by is null.
 */
export type ReportFigures = {
  spend: string;
  leads: number;
  cpl: string | null;
  qualifiedRate: number | null;
  matureLeads: number;
  won: number;
  conversion: number | null;
  cac: string | null;
  romi: number | null;
};

/** Current minus previous, per figure; null where either side is null. */
export type FigureChange = { [K in keyof ReportFigures]: ReportFigures[K] extends number ? number : ReportFigures[K] | null };

export type CampaignReport = {
  campaignId: string;
  hypothesisId: string;
  hypothesisTitle: string;
  utmSource: string;
  utmCampaign: string;
} & ReportFigures & {
    /** Targets of the campaign's hypothesis, in the figures' units; a KPI without a target is absent. */
    targets: Partial<Record<TargetKpi, string | number>>;
    verdicts: Partial<Record<TargetKpi, Verdict>>;
    /** true: every target met; false: some target not met; null: no target, or too early to tell. */
    meetsTargets: boolean | null;
    /** One sentence (Russian) saying whether the campaign meets its targets, naming the figures. */
    summary: string;
    previous: DayRange & ReportFigures;
    change: FigureChange;
    /**
     * Everything since the campaign's first cohort day to the end of the period, judged by the same
     * targets: a week or a month alone is mostly too early to judge, the campaign so far usually is not.
     */
    cumulative: CumulativeReport;
  };

/** A campaign from its first counted day (`from`, null before any) to the period's end, with its verdicts. */
export type CumulativeReport = { from: string | null; to: string } & ReportFigures &
  Pick<CampaignReport, "verdicts" | "meetsTargets" | "summary">;

export type ContractorReport = {
  contractorId: string;
  contractorName: string;
  from: string;
  to: string;
  /** The day maturity was judged on (the day the report was generated, workspace time zone). */
  asOf: string;
  campaigns: CampaignReport[];
  generatedAt: string;
};
