import { MetricsInputError } from "../errors.ts";
import { normalCdfUnchecked, zForConfidence } from "../stats/normal.ts";
import { assertOneOf, confidenceOption, optionsObject } from "../validate.ts";
import type { NpsScaleOptions } from "./classify.ts";
import { npsCounts, type NpsInput } from "./counts.ts";
import { symmetricInterval } from "../math.ts";
import { adjustedNpsMoments, waldNpsMoments } from "./interval.ts";
import type { Comparison, Interval } from "../types.ts";

/**
 * How {@link compareNps} estimates each group's variance.
 *
 * @category NPS
 */
export type CompareNpsMethod = "wald" | "adjusted-wald";

const METHODS: readonly CompareNpsMethod[] = ["wald", "adjusted-wald"];

/**
 * Options for {@link compareNps}.
 *
 * @category NPS
 */
export interface CompareNpsOptions extends NpsScaleOptions {
  /** Confidence level of the interval, and 1 − the significance level. Default 0.95. */
  confidence?: number;
  /** Default `"adjusted-wald"`. */
  method?: CompareNpsMethod;
}

/**
 * The result of {@link compareNps}, in points.
 *
 * @category NPS
 */
export interface NpsComparison extends Comparison {
  /** Observed NPS of a minus observed NPS of b, in points (−200..200). */
  readonly difference: number;
  /** The z statistic of the two-sided test of equal NPS. */
  readonly z: number;
  /** Confidence interval for the difference, in points, clipped to [−200, 200]. */
  readonly interval: Interval;
  /** The variance method used. */
  readonly method: CompareNpsMethod;
}

/**
 * Tests whether two independent samples (two segments, two periods) have different Net Promoter
 * Scores, and gives an interval for the difference a − b in points.
 *
 * SE = √(var_a/n_a + var_b/n_b), z = (centre_a − centre_b)/SE, p = 2Φ(−|z|), interval
 * (centre_a − centre_b) ± z_(1−α/2)·SE. With `"adjusted-wald"` (default) each sample first gets
 * ¾ promoter, 1½ passives and ¾ detractor added, as in the method Lewis & Sauro (2021) evaluated
 * for comparing NPS; centres and variances are the adjusted ones. `difference` is always the
 * observed difference.
 *
 * @param a - The first sample: raw scores, counts or a tally.
 * @param b - The second sample, same forms.
 * @param options - `confidence` (default 0.95), `method` (default `"adjusted-wald"`), scale options.
 * @throws {@link MetricsInputError} for an empty sample, invalid scores or counts, a confidence
 *   outside (0, 1), or `"wald"` when both samples have zero variance but different scores (the
 *   test is undefined; use `"adjusted-wald"`).
 * @throws {@link MetricsTypeError} for an unknown method.
 * @see J. R. Lewis & J. Sauro, "How to Statistically Compare Two Net Promoter Scores",
 *   MeasuringU, 2021; B. Rocks, The American Statistician 70(4), 2016.
 * @example
 * ```ts
 * import { compareNps } from "cxmetrics";
 * const r = compareNps(
 *   { promoters: 120, passives: 50, detractors: 30 },
 *   { promoters: 90, passives: 60, detractors: 50 },
 * );
 * r.difference; // 25 points (45 − 20)
 * r.significant; // true
 * ```
 *
 * @category NPS
 */
export function compareNps(a: NpsInput, b: NpsInput, options?: CompareNpsOptions): NpsComparison {
  const o = optionsObject(options);
  const confidence = confidenceOption(o.confidence);
  const method = o.method === undefined ? "adjusted-wald" : assertOneOf(o.method, "options.method", METHODS);
  const countsA = npsCounts(a, options, "a");
  const countsB = npsCounts(b, options, "b");
  const observedA = waldNpsMoments(countsA);
  const observedB = waldNpsMoments(countsB);
  const ma = method === "wald" ? observedA : adjustedNpsMoments(countsA);
  const mb = method === "wald" ? observedB : adjustedNpsMoments(countsB);

  const difference = observedA.centre - observedB.centre;
  const centre = ma.centre - mb.centre;
  const standardError = Math.sqrt(ma.variance / ma.n + mb.variance / mb.n);
  let z: number;
  if (standardError > 0) {
    z = centre / standardError;
  } else if (centre === 0) {
    z = 0;
  } else {
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      "options.method",
      method,
      '"adjusted-wald" here: both samples have zero variance and different scores, so the Wald test is undefined',
    );
  }
  const pValue = Math.min(1, 2 * normalCdfUnchecked(-Math.abs(z)));
  const halfWidth = zForConfidence(confidence) * standardError;
  return {
    difference,
    standardError,
    z,
    pValue,
    interval: symmetricInterval(centre, halfWidth, -200, 200),
    significant: pValue < 1 - confidence,
    confidence,
    method,
  };
}
