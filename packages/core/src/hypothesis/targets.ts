import { z } from "zod";
import { positiveKopecks } from "../money.js";

const money = z.union([z.number(), z.string()]).transform(positiveKopecks);
const fraction = z.number().min(0).max(1);

/**
 * Target KPIs a hypothesis must reach before scale-out. Money targets are given in the
 * hypothesis currency and kept as kopecks; rates are fractions (0.05 = 5%); `romiMin` is a
 * ratio ((revenue - spend) / spend, so 1 = 100%).
 */
export const TargetsInput = z.strictObject({
  cplMax: money.optional(),
  cacMax: money.optional(),
  qualifiedRateMin: fraction.optional(),
  conversionMin: fraction.optional(),
  romiMin: z.number().min(-1).optional(),
  minLeads: z.number().int().min(1).optional(),
  minClients: z.number().int().min(1).optional(),
});

/** Targets as stored: money in kopecks. */
export type Targets = z.output<typeof TargetsInput>;
