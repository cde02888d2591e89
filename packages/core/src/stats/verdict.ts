export type Verdict = "met" | "not_met" | "insufficient_data";

/**
 * The verdict on a target from the probability that the true value meets it: `met` at or above
 * the confidence level, `not_met` at or below 1 - confidence, otherwise (or with no probability
 * at all) `insufficient_data`.
 * @example verdict(0.93, 0.9) // "met"
 */
export function verdict(probability: number | undefined, confidence = 0.9): Verdict {
  if (!(confidence > 0.5 && confidence < 1)) throw new RangeError(`confidence must be between 0.5 and 1, got ${confidence}`);
  if (probability === undefined || Number.isNaN(probability)) return "insufficient_data";
  if (probability >= confidence) return "met";
  // Stated as P(missing the target) >= confidence: symmetric with `met`, and exact in floating point at 0.1 vs 0.9.
  if (1 - probability >= confidence) return "not_met";
  return "insufficient_data";
}
