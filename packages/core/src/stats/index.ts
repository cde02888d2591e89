/** Statistics behind KPI intervals, target probabilities, verdicts and forecasts. */
export { betaInc, betaIncInv, betaIncUpper, gammaInc, gammaIncInv, gammaIncUpper, lnGamma } from "./special.js";
export { betaPosterior, type Interval, type RatePosterior } from "./rate.js";
export { COST_PRIOR, costPosterior, romiPosterior, type CostPosterior, type RomiPosterior } from "./cost.js";
export { verdict, type Verdict } from "./verdict.js";
export { beta, gamma, normal, poisson, seededRandom, type Random } from "./random.js";
