import { assertObject, assertOneOf, confidenceOption, optionsObject } from "../validate.ts";
import type { Comparison, Interval } from "../types.ts";
import { clip, symmetricInterval } from "../math.ts";
import { normalCdfUnchecked, zForConfidence } from "./normal.ts";
import { assertSuccesses, proportionBounds } from "./proportionInterval.ts";

/**
 * A count of successes out of trials.
 *
 * @category Statistics
 */
export interface SuccessCount {
  /** Whole number, 0 ≤ successes ≤ trials. */
  successes: number;
  /** Whole number ≥ 1. */
  trials: number;
}

/**
 * How {@link compareProportions} builds the interval for the difference.
 *
 * @category Statistics
 */
export type ProportionDifferenceMethod = "newcombe" | "wald";

/**
 * Options for {@link compareProportions}.
 *
 * @category Statistics
 */
export interface CompareProportionsOptions {
  /** Confidence level of the interval, and 1 − the significance level. Default 0.95. */
  confidence?: number;
  /** Interval for the difference. Default `"newcombe"` (hybrid score). */
  method?: ProportionDifferenceMethod;
}

/**
 * The result of {@link compareProportions}; differences are fractions in [−1, 1].
 *
 * @category Statistics
 */
export interface ProportionComparison extends Comparison {
  /** p_a − p_b, a fraction. */
  readonly difference: number;
  /** Unpooled standard error √(p_a(1−p_a)/n_a + p_b(1−p_b)/n_b). */
  readonly standardError: number;
  /** Pooled two-proportion z statistic. */
  readonly z: number;
  /** Two-sided p-value of the pooled z test. */
  readonly pValue: number;
  /** Interval for the difference, within [−1, 1]. */
  readonly interval: Interval;
  /** The interval method used. */
  readonly method: ProportionDifferenceMethod;
}

/**
 * Compares two independent proportions (the share satisfied in two segments, a response rate
 * before and after): the two-proportion z test and an interval for the difference a − b.
 *
 * Test: pooled p̄ = (x_a + x_b)/(n_a + n_b), z = (p_a − p_b) / √(p̄(1 − p̄)(1/n_a + 1/n_b)),
 * p = 2Φ(−|z|) (statsmodels' `proportions_ztest`; identical samples give z = 0, p = 1).
 * Interval: `"newcombe"` (default), Newcombe's hybrid score interval built from the two Wilson
 * intervals (his method 10), good at small n and extreme shares; or `"wald"`,
 * (p_a − p_b) ± z·SE with the unpooled SE.
 *
 * @param a - `{ successes, trials }` of the first group.
 * @param b - `{ successes, trials }` of the second group.
 * @param options - `confidence` (default 0.95), `method` (default `"newcombe"`).
 * @throws {@link MetricsInputError} for counts that are negative, fractional, or successes > trials;
 *   zero trials; a confidence outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown method or a group that is not an object.
 * @see R. G. Newcombe, "Interval estimation for the difference between independent proportions",
 *   Statistics in Medicine 17 (1998), 873-890.
 * @example
 * ```ts
 * import { compareProportions } from "cxmetrics";
 * const r = compareProportions({ successes: 412, trials: 500 }, { successes: 371, trials: 500 });
 * r.difference; // 0.082
 * r.significant; // true (p ≈ 0.0016)
 * ```
 *
 * @category Statistics
 */
export function compareProportions(
  a: SuccessCount,
  b: SuccessCount,
  options?: CompareProportionsOptions,
): ProportionComparison {
  const o = optionsObject(options);
  const confidence = confidenceOption(o.confidence);
  const method = o.method === undefined ? "newcombe" : assertOneOf(o.method, "options.method", ["newcombe", "wald"] as const);
  const ga = assertObject(a, "a");
  const gb = assertObject(b, "b");
  const [xa, na] = assertSuccesses(ga.successes, ga.trials, "a.");
  const [xb, nb] = assertSuccesses(gb.successes, gb.trials, "b.");
  const pa = xa / na;
  const pb = xb / nb;
  const difference = pa - pb;
  const pooled = (xa + xb) / (na + nb);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  const z = pooledSe > 0 ? difference / pooledSe : 0; // p̄ is 0 or 1 only when both shares are equal
  const pValue = Math.min(1, 2 * normalCdfUnchecked(-Math.abs(z)));
  const standardError = Math.sqrt((pa * (1 - pa)) / na + (pb * (1 - pb)) / nb);
  let interval: Interval;
  if (method === "wald") {
    const h = zForConfidence(confidence) * standardError;
    interval = symmetricInterval(difference, h, -1, 1);
  } else {
    const wa = proportionBounds(xa, na, confidence, "wilson");
    const wb = proportionBounds(xb, nb, confidence, "wilson");
    interval = {
      lower: clip(difference - Math.hypot(pa - wa.lower, wb.upper - pb), -1, 1),
      upper: clip(difference + Math.hypot(wa.upper - pa, pb - wb.lower), -1, 1),
    };
  }
  return { difference, standardError, z, pValue, interval, significant: pValue < 1 - confidence, confidence, method };
}
