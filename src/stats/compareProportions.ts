import { readFields, readOptions } from "../_lib/core/options.ts";
import { assertOneOf, confidenceOption } from "../_lib/core/validate.ts";
import type { Comparison } from "../types.ts";
import type { SuccessCount } from "./proportionInterval.ts";
import {
  assertSuccesses,
  compareCounts,
  PROPORTION_COMPARISON_METHODS,
  type ProportionComparisonMethod,
  SUCCESS_NAMES,
} from "./proportionMath.ts";

export type { ProportionComparisonMethod } from "./proportionMath.ts";
export { PROPORTION_COMPARISON_METHODS } from "./proportionMath.ts";

const COMPARE_PROPORTIONS_OPTIONS = ["confidence", "method"] as const;
const COMPARE_PROPORTIONS_FIELDS = ["successes", "n"] as const;

/**
 * Options for {@link compareProportions}.
 *
 * @category Statistics
 */
export interface CompareProportionsOptions {
  /** Confidence level of the interval, and 1 − the significance level. Default 0.95. */
  confidence?: number;
  /** Test and interval. Default `"newcombe"`; `"fisher"` for small samples. */
  method?: ProportionComparisonMethod;
}

/**
 * Compares two independent proportions (the share satisfied in two segments, a response rate
 * before and after): a {@link Comparison} of a − b, in fractions.
 *
 * Test: pooled p̄ = (x_a + x_b)/(n_a + n_b), z = (p_a − p_b) / √(p̄(1 − p̄)(1/n_a + 1/n_b)),
 * p = 2Φ(−|z|) (statsmodels' `proportions_ztest`; identical samples give z = 0, p = 1). With
 * `"fisher"` the p-value is Fisher's exact two-sided test instead (R's `fisher.test`): use it for
 * small samples, where the z test is wrong (2 of 2 against 0 of 2: z gives p = 0.046, the exact
 * p is 1/3). `statistic` is always the pooled z. Interval: Newcombe's hybrid score interval
 * (his method 10) for `"newcombe"` and `"fisher"`, or (p_a − p_b) ± z·SE for `"wald"`.
 * `standardError` is the unpooled √(p_a(1−p_a)/n_a + p_b(1−p_b)/n_b).
 *
 * @param a - `{ successes, n }` of the first group.
 * @param b - `{ successes, n }` of the second group.
 * @param options - `confidence` (default 0.95), `method` (default `"newcombe"`).
 * @throws {@link MetricsInputError} for counts that are negative, fractional, or successes > n;
 *   n = 0; a confidence outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown method, field or option, or a group that is not an object.
 * @see R. G. Newcombe, "Interval estimation for the difference between independent proportions",
 *   Statistics in Medicine 17 (1998), 873-890; R. A. Fisher, The Design of Experiments (1935).
 * @example
 * ```ts
 * import { compareProportions } from "cxmetrics";
 * const r = compareProportions({ successes: 412, n: 500 }, { successes: 371, n: 500 });
 * r.difference; // 0.082
 * r.significant; // true (p ≈ 0.0016)
 * compareProportions({ successes: 2, n: 2 }, { successes: 0, n: 2 }, { method: "fisher" }).pValue; // 0.3333…
 * ```
 *
 * @category Statistics
 */
export function compareProportions(
  a: SuccessCount,
  b: SuccessCount,
  options?: CompareProportionsOptions,
): Comparison<ProportionComparisonMethod> {
  const o = readOptions(options, "compareProportions", COMPARE_PROPORTIONS_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const method = assertOneOf(o.method, "options.method", PROPORTION_COMPARISON_METHODS, "newcombe");
  const ga = readFields(a, "compareProportions", COMPARE_PROPORTIONS_FIELDS, "a");
  const gb = readFields(b, "compareProportions", COMPARE_PROPORTIONS_FIELDS, "b");
  const [xa, na] = assertSuccesses(ga.successes, ga.n, SUCCESS_NAMES.a);
  const [xb, nb] = assertSuccesses(gb.successes, gb.n, SUCCESS_NAMES.b);
  return compareCounts(xa, na, xb, nb, confidence, method);
}
