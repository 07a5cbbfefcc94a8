import { symmetricInterval } from "../_lib/core/math.ts";
import { readOptions } from "../_lib/core/options.ts";
import { assertScale, confidenceOption } from "../_lib/core/validate.ts";
import {
  assertRawForCluster,
  type CountedClusters,
  clusteredMean,
  clusteredWeightedMean,
  countClustered,
} from "../_lib/count/clustered.ts";
import { meanOfWholeScores, sumWholeScores } from "../_lib/count/count.ts";
import type { Moments } from "../_lib/count/moments.ts";
import {
  assertSameWeighting,
  countFrom,
  pairedOption,
  pairedWeights,
  readScaleInput,
  tallyMoments,
  varianceOfSums,
  weightsOf,
} from "../_lib/count/tallies.ts";
import { isWeighted, type WeightedMean, weightedMean } from "../_lib/count/weighted.ts";
import { cellRules } from "../_lib/read/cells.ts";
import { bandStart, DEFAULT_SCALES, type Scale } from "../_lib/read/scales.ts";
import type { ScaleInput } from "../csat/csat.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { MeanComparison } from "../stats/compareMeans.ts";
import { studentTQuantileUnchecked } from "../stats/studentT.ts";
import { welch } from "../stats/welch.ts";
import type { ClusteredTally, Estimate, Interval, MissingMode, PairedClusters, PairedWeights, Tally } from "../types.ts";

const CES_SUMMARY_OPTIONS = [
  "scale",
  "higherIsEasier",
  "missing",
  "missingValues",
  "onInvalid",
  "confidence",
  "agreeFrom",
  "weights",
  "cluster",
] as const;
const COMPARE_CES_OPTIONS = ["scale", "higherIsEasier", "missing", "missingValues", "confidence", "weights", "cluster"] as const;

/**
 * Options for {@link ces}.
 *
 * @category CES
 */
export interface CesOptions {
  /** The response scale `[min, max]`. Default `[1, 7]`. */
  scale?: readonly [number, number];
  /**
   * Whether a high score means an easy experience ("The company made it easy…", agree = 7).
   * Default `true`. Set `false` for the older "How much effort…" wording where 1 is easiest.
   */
  higherIsEasier?: boolean;
  /** `"throw"` (default) on a missing response, or `"skip"` it and count it in `missing`. */
  missing?: MissingMode;
  /** Strings read as missing. Default `["NA", "N/A", "n/a", "-"]`; blanks are always missing. */
  missingValues?: readonly string[];
  /**
   * `"throw"` (default) on an invalid response or weight (off the scale, a word, a negative
   * weight), or `"skip"` it with its pair and count it in the summary's `invalid`, as reports do.
   */
  onInvalid?: "throw" | "skip";
  /**
   * One weight per raw response, finite and ≥ 0: CES is then the weighted mean Σwx / Σw. A weight
   * of 0 drops its response; the weights must not all be 0. Only with raw responses: a weighted
   * tally carries its own.
   */
  weights?: ArrayLike<number>;
}

/**
 * Options for {@link cesSummary}.
 *
 * @category CES
 */
export interface CesSummaryOptions extends CesOptions {
  /** Confidence level of the interval, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /**
   * The score from which a response counts as "easy" (agreeing). Default: the top third of the
   * scale on the easy side: 5 on 1-7 and 4 on 1-5, or 3 and 2 when `higherIsEasier` is false
   * (then responses at or below it count).
   */
  agreeFrom?: number;
  /**
   * One cluster id (account) per raw response: the standard error is clustered by account, as R
   * survey's `svymean` on `svydesign(ids = ~cluster, weights = ~w)`, and the t interval has the
   * design's clusters − 1 degrees of freedom (`confint(..., df = degf(design))`).
   */
  cluster?: ArrayLike<string | number>;
}

/**
 * Options for {@link compareCes}.
 *
 * @category CES
 */
export interface CompareCesOptions extends Omit<CesOptions, "weights" | "onInvalid"> {
  /** One array of weights per sample, `{ a, b }` (both or neither), as for {@link ces}. */
  weights?: PairedWeights;
  /** Confidence level of the interval, and 1 − the significance level. Default 0.95. */
  confidence?: number;
  /**
   * One array of cluster ids (accounts) per sample, `{ a, b }`: each mean's standard error is
   * clustered by account, and Welch's degrees of freedom count clusters, not responses.
   */
  cluster?: PairedClusters;
}

/**
 * The result of {@link cesSummary}: an {@link Estimate} of the mean effort score, on the scale,
 * with a Student-t interval (`method: "t"`).
 *
 * @category CES
 */
export interface CesSummary extends Estimate<"t"> {
  /** Mean effort score, on the scale. */
  readonly estimate: number;
  /** Sample standard deviation (n − 1 denominator; 0 when n = 1); weighted, R survey's `svyvar`, with weights. */
  readonly standardDeviation: number;
  /** Share of responses (of their weight, with weights) on the easy side of `agreeFrom`, a fraction. */
  readonly agreeShare: number;
  /** Missing values skipped (`missing: "skip"`); 0 otherwise. */
  readonly missing: number;
  /** Invalid values skipped (`onInvalid: "skip"`); 0 otherwise. */
  readonly invalid: number;
  /** Kish's effective sample size (Σw)²/Σw²: `n` when unweighted or all weights are equal, less otherwise. */
  readonly effectiveN: number;
  /** Kish's design effect of weighting, n / effectiveN: 1 when unweighted, above 1 when weights vary. */
  readonly designEffect: number;
  /** With `cluster`: the clusters (accounts) with a counted response. */
  readonly clusters?: number;
  /** With `cluster`: the design's degrees of freedom, clusters − 1 (the t interval's). */
  readonly designDf?: number;
}

const CES_OPTIONS = ["scale", "higherIsEasier", "missing", "missingValues", "onInvalid", "weights"] as const;

/** Mean, variance and n of a tally as Welch's test reads them: for a weighted tally, the variance whose
 * share of n is the linearised variance of the mean. */
function meanMoments(t: Tally): Moments {
  if (!isWeighted(t)) return tallyMoments(t);
  const w = weightedMean(t, (s) => s);
  return { mean: w.estimate, variance: w.standardError * w.standardError * w.n, n: w.n };
}

function higherIsEasierOf(o: { higherIsEasier?: unknown }): boolean {
  if (o.higherIsEasier === undefined) return true;
  if (typeof o.higherIsEasier !== "boolean") {
    throw new MetricsTypeError("INVALID_TYPE", "options.higherIsEasier", o.higherIsEasier, "true or false");
  }
  return o.higherIsEasier;
}

/**
 * Customer Effort Score: the mean response to the effort question, on its scale.
 *
 * CES = Σ responses / n (Σwx / Σw with `weights`). Read it with its direction: with the default `higherIsEasier: true`
 * (CES 2.0, "The company made it easy to handle my issue", 1-7) higher is better; with the
 * original wording ("How much effort did you personally have to put forth…") lower is better.
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale` (default `[1, 7]`), `higherIsEasier` (default `true`), `missing`, `missingValues`, `weights`.
 * @returns The mean score, on the scale.
 * @throws {@link MetricsInputError} for no responses, a response off the scale, a missing response
 *   (unless `missing: "skip"`), counts that are not whole numbers ≥ 0, or a weight that is
 *   negative or not finite, weights of another length than the responses, or weights all 0.
 * @throws {@link MetricsTypeError} for input of the wrong type, an unknown option, or weights
 *   with input that is not raw responses.
 * @see M. Dixon, K. Freeman & N. Toman, "Stop Trying to Delight Your Customers", Harvard Business
 *   Review, July 2010; CEB (Gartner), CES 2.0 (2013).
 * @example
 * ```ts
 * import { ces } from "cxmetrics";
 * ces([7, 6, 5, 6, 3]); // 5.4
 * ces([7, 3], { weights: [3, 1] }); // 6
 * ```
 *
 * @category CES
 */
export function ces(responses: ScaleInput, options?: CesOptions): number {
  const o = readOptions(options, "ces", CES_OPTIONS);
  higherIsEasierOf(o);
  // A long typed array of valid scores: its mean at the speed of a sum (anything else is counted).
  const scale = summingScale(responses, o);
  const mean = scale === undefined ? undefined : meanOfWholeScores(responses, scale[0], scale[1]);
  if (mean !== undefined) return mean;
  return meanMoments(readScaleInput(responses, o, DEFAULT_SCALES.ces, "responses", weightsOf(o))).mean;
}

/**
 * CES with its uncertainty: an {@link Estimate} of the mean (its `estimate`), with the standard
 * deviation, a Student-t interval mean ± t_(1−α/2, n−1) · s/√n clipped to the scale
 * (`standardError` s/√n, `marginOfError` t·s/√n), and the share of responses on the easy side
 * (at or above `agreeFrom`, or at or below it when `higherIsEasier` is false).
 *
 * With one response the standard deviation is 0 and the interval is the whole scale: one answer
 * says nothing about the spread (`marginOfError` is then half the scale's width).
 *
 * With `weights`, the estimate is the weighted mean and `standardError` its Taylor-linearised
 * standard error √(n/(n − 1) · Σwᵢ²(xᵢ − x̄)²) / Σw, the interval x̄ ± t_(1−α/2, n−1)·SE: R
 * survey's `svymean` on `svydesign(ids = ~1, weights = ~w)` and `confint(..., df = degf(design))`.
 * With all weights equal this is exactly the unweighted summary.
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale`, `higherIsEasier`, `missing`, `missingValues`, `confidence` (default 0.95), `agreeFrom`.
 * @returns `{ estimate, n, standardError, marginOfError, interval, confidence, method, standardDeviation, agreeShare, missing }`.
 * @throws {@link MetricsInputError} as {@link ces}, and for a confidence outside (0, 1) or
 *   `agreeFrom` off the scale.
 * @throws {@link MetricsTypeError} for an unknown option.
 * @see Student (1908), "The probable error of a mean", Biometrika 6(1), 1-25.
 * @see T. Lumley, "Analysis of complex survey samples", Journal of Statistical Software 9(8), 2004.
 * @example
 * ```ts
 * import { cesSummary } from "cxmetrics";
 * const s = cesSummary([7, 6, 5, 6, 3, 6, 7, 5]);
 * s.estimate; // 5.625
 * s.agreeShare; // 0.875 (7 of 8 at 5 or above)
 * ```
 *
 * @category CES
 */
export function cesSummary(responses: ScaleInput, options?: CesSummaryOptions): CesSummary {
  const o = readOptions(options, "cesSummary", CES_SUMMARY_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const easyHigh = higherIsEasierOf(o);
  const agreeFromOf = (min: number, max: number) => {
    const third = Math.floor((max - min) / 3);
    return bandStart(o.agreeFrom, easyHigh ? max - third : min + third, "options.agreeFrom", min, max, true);
  };
  if (o.cluster !== undefined) {
    const t = clusteredCes(
      responses,
      o,
      "responses",
      weightsOf(o).value,
      { value: o.cluster, argument: "options.cluster" },
      "options.weights",
    );
    // Raw responses from a single cluster are an error here, as for npsSummary (a report's entry is not).
    clusteredMean(t, (s) => s, "options.cluster");
    return clusteredCesSummary(t, o, confidence);
  }
  // A long typed array of valid scores: its sums in one pass, as for ces (anything else is counted).
  const scale = summingScale(responses, o);
  const sums = scale === undefined ? undefined : sumWholeScores(responses, scale[0], scale[1], agreeFromOf(...scale), !easyHigh);
  if (scale !== undefined && sums !== undefined) {
    const [min, max] = scale;
    const { n, sum, sumOfSquares, reaching } = sums;
    return tInterval({
      mean: (sum + n * min) / n,
      variance: varianceOfSums(n, sum, sumOfSquares),
      n,
      min,
      max,
      confidence,
      agreeShare: reaching / n,
      missing: 0,
      invalid: 0,
    });
  }
  const t = readScaleInput(responses, o, DEFAULT_SCALES.ces, "responses", weightsOf(o));
  const [min, max] = t.scale;
  const agreeFrom = agreeFromOf(min, max);
  const agrees = (s: number) => (easyHigh ? s >= agreeFrom : s <= agreeFrom);
  if (isWeighted(t)) {
    const w = weightedMean(t, (s) => s);
    const agreeShare = weightedMean(t, (s) => (agrees(s) ? 1 : 0)).estimate;
    return tInterval({
      mean: w.estimate,
      variance: w.variance,
      n: w.n,
      min,
      max,
      confidence,
      agreeShare,
      missing: t.missing ?? 0,
      invalid: t.invalid ?? 0,
      w,
    });
  }
  const { mean, variance, n } = tallyMoments(t);
  const agreeShare = countFrom(t, agreeFrom, !easyHigh) / n;
  return tInterval({ mean, variance, n, min, max, confidence, agreeShare, missing: t.missing ?? 0, invalid: t.invalid ?? 0 });
}

/**
 * The summary of a clustered tally, as a report's `cluster` spec gives it (internal): as
 * cesSummary with `cluster`, the t interval on clusters − 1 degrees of freedom. With a single
 * cluster the interval is the whole scale and `standardError` 0.
 */
export function clusteredCesSummary(
  t: ClusteredTally,
  o: Pick<CesSummaryOptions, "higherIsEasier" | "agreeFrom">,
  confidence: number,
): CesSummary {
  const easyHigh = higherIsEasierOf(o);
  const [min, max] = t.scale;
  const third = Math.floor((max - min) / 3);
  const agreeFrom = bandStart(o.agreeFrom, easyHigh ? max - third : min + third, "options.agreeFrom", min, max, true);
  const agreeShare = weightedMean(t, (s) => ((easyHigh ? s >= agreeFrom : s <= agreeFrom) ? 1 : 0)).estimate;
  const common = { min, max, confidence, agreeShare, missing: t.missing ?? 0, invalid: t.invalid ?? 0 };
  if (t.clusterSums.length < 2) {
    const w = weightedMean(t, (s) => s);
    const summary = tInterval({ ...common, mean: w.estimate, variance: w.variance, n: 1, w });
    return { ...summary, n: w.n, standardError: 0, clusters: t.clusterSums.length, designDf: 0 };
  }
  const w = clusteredWeightedMean(t, (s) => s, "options.cluster");
  const summary = tInterval({ ...common, mean: w.estimate, variance: w.variance, n: w.n, w, df: w.designDf });
  return { ...summary, clusters: w.clusters, designDf: w.designDf };
}

/** Two clustered tallies compared with Welch's t on clusters (internal); null when a side has fewer than 2 clusters. */
export function compareClusteredCes(a: ClusteredTally, b: ClusteredTally, confidence: number): MeanComparison | null {
  if (a.clusterSums.length < 2 || b.clusterSums.length < 2) return null;
  const moments = (t: ClusteredTally): Moments => {
    const m = clusteredWeightedMean(t, (s) => s, "options.cluster");
    return { mean: m.estimate, variance: m.standardError * m.standardError * m.clusters, n: m.clusters };
  };
  const ma = moments(a);
  const mb = moments(b);
  if (ma.variance === 0 && mb.variance === 0) return null;
  return welch(ma, mb, confidence, "b", b);
}

/** Raw CES responses with one cluster id each (and optionally one weight each), counted. */
function clusteredCes(
  input: unknown,
  o: { scale?: unknown; missing?: unknown; missingValues?: unknown; onInvalid?: unknown },
  argument: string,
  weights: unknown,
  cluster: { readonly value: unknown; readonly argument: string },
  weightsArgument: string,
): CountedClusters {
  const scale = o.scale === undefined ? DEFAULT_SCALES.ces : assertScale(o.scale, "options.scale");
  const rules = cellRules(o.missing, o.missingValues, "options", o.onInvalid);
  const responses = assertRawForCluster(input, argument, cluster.argument);
  return countClustered(responses, weights, cluster.value, scale, rules, argument, cluster.argument, weightsArgument);
}

/**
 * The scale to sum unweighted typed-array `responses` on in one pass ({@link meanOfWholeScores},
 * {@link sumWholeScores}), or undefined for input that is counted. The other reading options are
 * checked here too, as counting would check them.
 */
function summingScale(responses: unknown, o: CesOptions): Scale | undefined {
  if (o.weights !== undefined || !ArrayBuffer.isView(responses)) return undefined;
  cellRules(o.missing, o.missingValues, "options", o.onInvalid);
  return o.scale === undefined ? DEFAULT_SCALES.ces : assertScale(o.scale, "options.scale");
}

/** The summary of a mean with its Student-t interval, clipped to the scale; `w` when weighted. */
function tInterval(s: {
  mean: number;
  variance: number;
  n: number;
  min: number;
  max: number;
  confidence: number;
  agreeShare: number;
  missing: number;
  invalid: number;
  w?: WeightedMean;
  /** The t interval's degrees of freedom: n − 1 unless given (clusters − 1 for clustered responses). */
  df?: number;
}): CesSummary {
  const { mean, variance, n, min, max, confidence, agreeShare, missing, invalid, w } = s;
  const df = s.df ?? n - 1;
  const standardDeviation = Math.sqrt(variance);
  const standardError = w === undefined ? standardDeviation / Math.sqrt(n) : w.standardError;
  let interval: Interval;
  let marginOfError: number;
  if (n < 2) {
    interval = { lower: min, upper: max };
    marginOfError = (max - min) / 2;
  } else {
    marginOfError = -studentTQuantileUnchecked((1 - confidence) / 2, df) * standardError;
    interval = symmetricInterval(mean, marginOfError, min, max);
  }
  return {
    estimate: mean,
    n,
    standardError,
    marginOfError,
    interval,
    confidence,
    method: "t",
    standardDeviation,
    agreeShare,
    missing,
    invalid,
    effectiveN: w === undefined ? n : w.effectiveN,
    designEffect: w === undefined ? 1 : w.designEffect,
  };
}

/**
 * Compares the mean effort score of two independent samples, a − b, with Welch's t test (as
 * {@link compareMeans}): a {@link Comparison} in scale points, `statistic` t, with `df`. Each
 * sample is raw responses, a {@link Tally} or `{ counts }`, read with the same options.
 *
 * Weighted samples (`weights: { a, b }`, or two weighted tallies) are compared with their
 * linearised standard errors (see {@link cesSummary}), SE = √(SEa² + SEb²), and the
 * Welch-Satterthwaite degrees of freedom from those and each sample's n − 1.
 *
 * @param a - The first sample (at least 2 responses).
 * @param b - The second sample (at least 2 responses).
 * @param options - `scale`, `higherIsEasier`, `missing`, `missingValues`, `confidence` (default 0.95), `weights` (`{ a, b }`).
 * @throws {@link MetricsInputError} as {@link ces} for either sample, for a sample of one response,
 *   or for two constant samples with different means.
 * @throws {@link MetricsTypeError} for an unknown option, or one sample weighted and the other not.
 * @see B. L. Welch, Biometrika 34 (1947), 28-35.
 * @example
 * ```ts
 * import { compareCes } from "cxmetrics";
 * compareCes([6, 7, 5, 6, 7], [4, 5, 3, 5, 4]).difference; // 2
 * ```
 *
 * @category CES
 */
export function compareCes(a: ScaleInput, b: ScaleInput, options?: CompareCesOptions): MeanComparison {
  const o = readOptions(options, "compareCes", COMPARE_CES_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  higherIsEasierOf(o);
  const [wa, wb] = pairedWeights(o.weights);
  if (o.cluster !== undefined) {
    // Welch on the clustered SEs, with clusters as the units: variance SE²·m over m clusters.
    const [ca, cb] = pairedOption(o.cluster, "options.cluster", "cluster ids");
    const moments = (x: unknown, name: string, w: typeof wa, c: typeof ca): Moments => {
      const m = clusteredWeightedMean(clusteredCes(x, o, name, w.value, c, w.argument), (s) => s, c.argument);
      return { mean: m.estimate, variance: m.standardError * m.standardError * m.clusters, n: m.clusters };
    };
    return welch(moments(a, "a", wa, ca), moments(b, "b", wb, cb), confidence, "b", b);
  }
  const ta = readScaleInput(a, o, DEFAULT_SCALES.ces, "a", wa);
  const tb = readScaleInput(b, o, DEFAULT_SCALES.ces, "b", wb);
  assertSameWeighting(a, isWeighted(ta), b, isWeighted(tb));
  const ma = meanMoments(ta);
  const mb = meanMoments(tb);
  for (const [m, name] of [
    [ma, "a"],
    [mb, "b"],
  ] as const) {
    if (m.n < 2) throw new MetricsInputError("OUT_OF_RANGE", name, m.n, "a sample of at least 2 responses");
  }
  return welch(ma, mb, confidence, "b", b);
}
