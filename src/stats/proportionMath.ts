// Proportion intervals and the two-proportion comparison, shared by proportionInterval,
// csatSummary, compareProportions and compareCsat. Internal.

import { clip, symmetricInterval } from "../_lib/core/math.ts";
import { assertCount, assertCountAtLeast } from "../_lib/core/validate.ts";
import type { WeightedMean } from "../_lib/count/weighted.ts";
import { MetricsInputError } from "../errors.ts";
import type { Comparison, Estimate, Interval } from "../types.ts";
import { betaQuantile } from "./beta.ts";
import { fisherExactPValue } from "./fisherExact.ts";
import { zForConfidence } from "./normal.ts";
import { zComparison } from "./zTest.ts";

/** Bounds of a proportion interval for validated x of n, as fractions. */
export function proportionBounds(x: number, n: number, confidence: number, method: ProportionIntervalMethod): Interval {
  const p = x / n;
  const alpha = 1 - confidence;
  switch (method) {
    case "wald": {
      const h = zForConfidence(confidence) * Math.sqrt((p * (1 - p)) / n);
      return symmetricInterval(p, h, 0, 1);
    }
    case "wilson": {
      const z = zForConfidence(confidence);
      const z2 = z * z;
      const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
      const h = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
      return { lower: x === 0 ? 0 : clip(centre - h, 0, 1), upper: x === n ? 1 : clip(centre + h, 0, 1) };
    }
    case "agresti-coull": {
      const z = zForConfidence(confidence);
      const nt = n + z * z;
      const pt = (x + (z * z) / 2) / nt;
      const h = z * Math.sqrt((pt * (1 - pt)) / nt);
      return symmetricInterval(pt, h, 0, 1);
    }
    case "clopper-pearson":
      // Beta quantiles: lower B(α/2; x, n − x + 1), upper B(1 − α/2; x + 1, n − x), the upper one
      // taken as 1 − B(α/2; n − x, x + 1) to keep its digits.
      return {
        lower: x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1),
        upper: x === n ? 1 : 1 - betaQuantile(alpha / 2, n - x, x + 1),
      };
    case "jeffreys":
      // Beta(x + ½, n − x + ½) posterior quantiles, with the bounds at x = 0 and x = n set to 0
      // and 1 as Brown, Cai & DasGupta (2001) recommend.
      return {
        lower: x === 0 ? 0 : betaQuantile(alpha / 2, x + 0.5, n - x + 0.5),
        upper: x === n ? 1 : 1 - betaQuantile(alpha / 2, n - x + 0.5, x + 0.5),
      };
  }
}

/**
 * The estimate of x of n (validated): p = x/n, SE = √(p(1 − p)/n), the margin z·SE for Wald and
 * half the interval's width for the other methods.
 */
export function proportionEstimate(x: number, n: number, confidence: number, method: ProportionIntervalMethod): ProportionEstimate {
  const p = x / n;
  const interval = proportionBounds(x, n, confidence, method);
  const standardError = Math.sqrt((p * (1 - p)) / n);
  const marginOfError = method === "wald" ? zForConfidence(confidence) * standardError : (interval.upper - interval.lower) / 2;
  return { estimate: p, n, standardError, marginOfError, interval, confidence, method, successes: x };
}

/** The argument names of a `{ successes, n }` object, written out once (no string built per call). */
export const SUCCESS_NAMES = {
  count: ["count.successes", "count.n"],
  a: ["a.successes", "a.n"],
  b: ["b.successes", "b.n"],
} as const;

/** Validate successes of n, named by `names` ([successes, n]); returns both. */
export function assertSuccesses(successes: unknown, n: unknown, names: readonly [string, string]): [number, number] {
  const trials = assertCountAtLeast(n, names[1], 1);
  const x = assertCount(successes, names[0]);
  if (x > trials) throw new MetricsInputError("OUT_OF_RANGE", names[0], x, `at most ${names[1]} (${trials})`);
  return [x, trials];
}

/**
 * Two independent proportions xa/na and xb/nb compared. Test: the pooled two-proportion z
 * test, or Fisher's exact test for `"fisher"`. Interval: Newcombe's hybrid score interval
 * (`"newcombe"`, `"fisher"`) or Wald's. `statistic` is always the pooled z.
 */
export function compareCounts(
  xa: number,
  na: number,
  xb: number,
  nb: number,
  confidence: number,
  method: ProportionComparisonMethod,
): Comparison<ProportionComparisonMethod> {
  const pa = xa / na;
  const pb = xb / nb;
  const difference = pa - pb;
  const pooled = (xa + xb) / (na + nb);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  // p̄ is 0 or 1 only when both shares are equal (all or none), so z = 0 there.
  const z = zComparison({
    difference,
    centre: pooledSe > 0 ? difference : 0,
    standardError: pooledSe,
    range: 1,
    confidence,
    method,
    undefinedHint: "",
  });
  const standardError = Math.sqrt((pa * (1 - pa)) / na + (pb * (1 - pb)) / nb);
  const pValue = method === "fisher" ? fisherExactPValue(xa, na, xb, nb) : z.pValue;
  let interval: Interval;
  if (method === "wald") {
    interval = symmetricInterval(difference, zForConfidence(confidence) * standardError, -1, 1);
  } else {
    const wa = proportionBounds(xa, na, confidence, "wilson");
    const wb = proportionBounds(xb, nb, confidence, "wilson");
    interval = {
      lower: clip(difference - Math.hypot(pa - wa.lower, wb.upper - pb), -1, 1),
      upper: clip(difference + Math.hypot(wa.upper - pa, pb - wb.lower), -1, 1),
    };
  }
  return { difference, standardError, statistic: z.statistic, pValue, interval, significant: pValue < 1 - confidence, confidence, method };
}

/**
 * A weighted share with its Taylor-linearised standard error `w` (see weighted.ts): Wald's
 * interval is p ± z·SE; the other methods are the unweighted ones on the effective counts
 * p·n_eff of n_eff (Kish), which equal the unweighted intervals when all weights are equal.
 */
export function weightedProportionEstimate(
  w: WeightedMean,
  confidence: number,
  method: ProportionIntervalMethod,
): Omit<ProportionEstimate, "successes"> {
  const p = w.estimate;
  const interval =
    method === "wald"
      ? symmetricInterval(p, zForConfidence(confidence) * w.standardError, 0, 1)
      : proportionBounds(p * w.effectiveN, w.effectiveN, confidence, method);
  const marginOfError = method === "wald" ? zForConfidence(confidence) * w.standardError : (interval.upper - interval.lower) / 2;
  return { estimate: p, n: w.n, standardError: w.standardError, marginOfError, interval, confidence, method };
}

/**
 * Two independent weighted shares compared: z = (pa − pb)/√(SEa² + SEb²) with the linearised
 * standard errors; the interval Wald's on the same SE, or Newcombe's hybrid score interval from
 * Wilson intervals on the effective counts. Fisher's exact test needs whole counts.
 */
export function compareWeightedShares(
  wa: WeightedMean,
  wb: WeightedMean,
  confidence: number,
  method: ProportionComparisonMethod,
): Comparison<ProportionComparisonMethod> {
  if (method === "fisher") {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "options.method",
      method,
      '"newcombe" or "wald" with weights: Fisher\'s exact test needs whole counts',
    );
  }
  const difference = wa.estimate - wb.estimate;
  const standardError = Math.hypot(wa.standardError, wb.standardError);
  const z = zComparison({
    difference,
    centre: difference,
    standardError,
    range: 1,
    confidence,
    method,
    undefinedHint: "samples with some spread: both weighted shares are 0 or 1 and differ, so the z test is undefined",
    undefinedArgument: "a and b",
  });
  if (method === "wald") return z;
  const bounds = (w: WeightedMean) => proportionBounds(w.estimate * w.effectiveN, w.effectiveN, confidence, "wilson");
  const la = bounds(wa);
  const lb = bounds(wb);
  return {
    ...z,
    interval: {
      lower: clip(difference - Math.hypot(wa.estimate - la.lower, lb.upper - wb.estimate), -1, 1),
      upper: clip(difference + Math.hypot(la.upper - wa.estimate, wb.estimate - lb.lower), -1, 1),
    },
  };
}

/**
 * The methods of {@link proportionInterval}, the default first.
 *
 * @example
 * ```ts
 * import { PROPORTION_INTERVAL_METHODS, proportionInterval } from "cxmetrics";
 * PROPORTION_INTERVAL_METHODS.map((method) => proportionInterval({ successes: 0, n: 20 }, { method }).interval.upper);
 * ```
 *
 * @category Statistics
 */
export const PROPORTION_INTERVAL_METHODS: readonly ["wilson", "wald", "agresti-coull", "clopper-pearson", "jeffreys"] =
  /* @__PURE__ */ Object.freeze(["wilson", "wald", "agresti-coull", "clopper-pearson", "jeffreys"] as const);

/**
 * Methods of {@link proportionInterval}: `"wilson"` (default), `"wald"`, `"agresti-coull"`,
 * `"clopper-pearson"`, `"jeffreys"`.
 *
 * @category Statistics
 */
export type ProportionIntervalMethod = (typeof PROPORTION_INTERVAL_METHODS)[number];

/**
 * The result of {@link proportionInterval}: an {@link Estimate} whose estimate, standard error,
 * margin and bounds are fractions in [0, 1].
 *
 * @category Statistics
 */
export interface ProportionEstimate extends Estimate<ProportionIntervalMethod> {
  /** The successes counted. */
  readonly successes: number;
}

/**
 * The methods of {@link compareProportions} and `compareCsat`, the default first.
 *
 * @example
 * ```ts
 * import { compareProportions, PROPORTION_COMPARISON_METHODS } from "cxmetrics";
 * PROPORTION_COMPARISON_METHODS.map((method) => compareProportions({ successes: 9, n: 10 }, { successes: 3, n: 12 }, { method }).pValue);
 * ```
 *
 * @category Statistics
 */
export const PROPORTION_COMPARISON_METHODS: readonly ["newcombe", "wald", "fisher"] = /* @__PURE__ */ Object.freeze([
  "newcombe",
  "wald",
  "fisher",
] as const);

/**
 * How {@link compareProportions} (and `compareCsat`) test and bracket a difference of two
 * proportions: `"newcombe"` (default: pooled z test, Newcombe's interval), `"wald"` (pooled z
 * test, Wald interval) or `"fisher"` (Fisher's exact test, Newcombe's interval).
 *
 * @category Statistics
 */
export type ProportionComparisonMethod = (typeof PROPORTION_COMPARISON_METHODS)[number];
