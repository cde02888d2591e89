import { z } from "zod";
import { toKopecks } from "../money.js";

const money = z
  .union([z.number(), z.string()])
  .transform((value, ctx) => {
    const kopecks = toKopecks(value);
    if (kopecks === null || kopecks <= 0) {
      ctx.addIssue({ code: "custom", message: "must be a positive amount with at most two decimals" });
      return z.NEVER;
    }
    return kopecks;
  });
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
