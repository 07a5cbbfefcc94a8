import { readFields, readOptions } from "../_lib/core/options.ts";
import { assertOneOf, confidenceOption } from "../_lib/core/validate.ts";
import type { Estimate } from "../types.ts";
import {
  assertSuccesses,
  PROPORTION_INTERVAL_METHODS,
  type ProportionEstimate,
  type ProportionIntervalMethod,
  proportionEstimate,
  SUCCESS_NAMES,
} from "./proportionMath.ts";

export type { ProportionEstimate, ProportionIntervalMethod } from "./proportionMath.ts";
export { PROPORTION_INTERVAL_METHODS } from "./proportionMath.ts";

const PROPORTION_INTERVAL_FIELDS = ["successes", "n"] as const;
const PROPORTION_INTERVAL_OPTIONS = ["confidence", "method"] as const;

/**
 * A count of successes out of n trials (satisfied out of responses, replies out of invitations).
 *
 * @category Statistics
 */
export interface SuccessCount {
  /** Whole number, 0 ≤ successes ≤ n. */
  successes: number;
  /** Trials (responses, invitations), a whole number ≥ 1. */
  n: number;
}

/**
 * Options for {@link proportionInterval}.
 *
 * @category Statistics
 */
export interface ProportionIntervalOptions {
  /** Confidence level, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /** Default `"wilson"`. */
  method?: ProportionIntervalMethod;
}

/**
 * A confidence interval for a proportion: `successes` out of `n` (a share satisfied, a
 * response rate, a conversion rate), as fractions in [0, 1].
 *
 * Methods, with z the two-sided normal critical value and p = x/n:
 * - `"wilson"` (default): (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Good coverage at
 *   every n; Brown, Cai & DasGupta (2001) recommend it.
 * - `"wald"`: p ± z√(p(1−p)/n). Known to undercover for small n or p near 0 or 1.
 * - `"agresti-coull"`: the Wald formula on x + z²/2 of n + z².
 * - `"clopper-pearson"`: the exact interval from beta quantiles; at least the nominal coverage,
 *   wider than needed.
 * - `"jeffreys"`: the equal-tailed Beta(x + ½, n − x + ½) interval, with bound 0 at x = 0 and 1
 *   at x = n.
 * Bounds are clipped to [0, 1]. `standardError` is √(p(1 − p)/n); `marginOfError` is z·SE for
 * `"wald"` and half the interval's width for the others.
 *
 * @param count - `{ successes, n }`: whole numbers, 0 ≤ successes ≤ n, n ≥ 1.
 * @param options - `confidence` (default 0.95) and `method` (default `"wilson"`).
 * @returns An {@link Estimate}: `{ estimate, n, standardError, marginOfError, interval, confidence, method, successes }`.
 * @throws {@link MetricsInputError} for counts that are negative, fractional or successes > n,
 *   n = 0, or a confidence outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown method, field or option.
 * @see L. D. Brown, T. T. Cai & A. DasGupta, "Interval Estimation for a Binomial Proportion",
 *   Statistical Science 16(2), 2001, 101-133.
 * @example
 * ```ts
 * import { proportionInterval } from "cxmetrics";
 * proportionInterval({ successes: 42, n: 50 }).interval; // { lower: 0.7148..., upper: 0.9166... }
 * proportionInterval({ successes: 0, n: 20 }, { method: "clopper-pearson" }).interval.upper; // 0.1684...
 * ```
 *
 * @category Statistics
 */
export function proportionInterval(count: SuccessCount, options?: ProportionIntervalOptions): ProportionEstimate {
  const c = readFields(count, "proportionInterval", PROPORTION_INTERVAL_FIELDS, "count");
  const o = readOptions(options, "proportionInterval", PROPORTION_INTERVAL_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const method = assertOneOf(o.method, "options.method", PROPORTION_INTERVAL_METHODS, "wilson");
  const [x, n] = assertSuccesses(c.successes, c.n, SUCCESS_NAMES.count);
  return proportionEstimate(x, n, confidence, method);
}
