import { readOptions } from "../_lib/core/options.ts";
import { assertOneOf, confidenceOption } from "../_lib/core/validate.ts";
import { assertRawForCluster, clusteredWeightedMean, countClustered } from "../_lib/count/clustered.ts";
import {
  assertSameWeighting,
  countFrom,
  NO_WEIGHTS,
  pairedOption,
  pairedWeights,
  readScaleInput,
  tallyMoments,
  weightsOf,
} from "../_lib/count/tallies.ts";
import { isWeighted, type WeightedMean, type WeightedTally, weightedMean } from "../_lib/count/weighted.ts";
import { cellRules } from "../_lib/read/cells.ts";
import { bandStart, DEFAULT_SCALES, scaleOption } from "../_lib/read/scales.ts";
import { PROPORTION_COMPARISON_METHODS, type ProportionComparisonMethod } from "../stats/compareProportions.ts";
import { PROPORTION_INTERVAL_METHODS, type ProportionIntervalMethod } from "../stats/proportionInterval.ts";
import { compareCounts, compareWeightedShares, proportionEstimate, weightedProportionEstimate } from "../stats/proportionMath.ts";
import type { ArrowVectorLike, ClusteredTally, Comparison, Estimate, MissingMode, PairedClusters, PairedWeights, Tally } from "../types.ts";

const CSAT_SUMMARY_OPTIONS = [
  "scale",
  "satisfiedFrom",
  "missing",
  "missingValues",
  "onInvalid",
  "confidence",
  "method",
  "weights",
  "cluster",
] as const;
const COMPARE_CSAT_OPTIONS = ["scale", "satisfiedFrom", "missing", "missingValues", "confidence", "method", "weights", "cluster"] as const;

/**
 * What the scale-based metrics (CSAT, CES) accept: raw responses (an array or typed array of
 * whole numbers on the scale; numeric strings are read as numbers), a {@link Tally}, or
 * `{ counts }`, the number of responses at each scale point from the lowest up, on the scale
 * given in the options.
 *
 * @category CSAT
 */
export type ScaleInput = ArrayLike<unknown> | ArrowVectorLike | Tally | ScaleCounts;

/**
 * Responses per scale point, lowest point first, on the scale given in the options.
 *
 * @category CSAT
 */
export interface ScaleCounts {
  /** `counts[i]` responses scored `min + i`; one whole number ≥ 0 per scale point. */
  readonly counts: ArrayLike<number>;
}

/**
 * Options for {@link csat}.
 *
 * @category CSAT
 */
export interface CsatOptions {
  /** The response scale `[min, max]`. Default `[1, 5]`. */
  scale?: readonly [number, number];
  /** The lowest score counted as satisfied. Default: the top two boxes, `max − 1` (4 on 1-5). */
  satisfiedFrom?: number;
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
   * One weight per raw response, finite and ≥ 0: the share satisfied is then Σw(satisfied) / Σw.
   * A weight of 0 drops its response; the weights must not all be 0. Only with raw responses: a
   * weighted tally carries its own.
   */
  weights?: ArrayLike<number>;
}

/**
 * Options for {@link csatSummary}.
 *
 * @category CSAT
 */
export interface CsatSummaryOptions extends CsatOptions {
  /** Confidence level of the interval, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /** Interval method for the share satisfied (see {@link proportionInterval}). Default `"wilson"`. */
  method?: ProportionIntervalMethod;
  /**
   * One cluster id (account) per raw response: the standard error is clustered by account, as R
   * survey's `svymean` on `svydesign(ids = ~cluster, weights = ~w)`; see {@link npsSummary}.
   */
  cluster?: ArrayLike<string | number>;
}

/**
 * Options for {@link compareCsat}.
 *
 * @category CSAT
 */
export interface CompareCsatOptions extends Omit<CsatOptions, "weights" | "onInvalid"> {
  /** One array of weights per sample, `{ a, b }` (both or neither), as for {@link csat}. */
  weights?: PairedWeights;
  /** Confidence level of the interval, and 1 − the significance level. Default 0.95. */
  confidence?: number;
  /** As {@link compareProportions}: `"newcombe"` (default), `"wald"` or `"fisher"` (exact, for small samples). */
  method?: ProportionComparisonMethod;
  /** One array of cluster ids (accounts) per sample, `{ a, b }`: clustered standard errors, as {@link compareNps}. */
  cluster?: PairedClusters;
}

/**
 * The result of {@link csatSummary}: an {@link Estimate} of the share satisfied (fractions).
 *
 * @category CSAT
 */
export interface CsatSummary extends Estimate<ProportionIntervalMethod> {
  /** Share of responses satisfied, a fraction in [0, 1]. */
  readonly estimate: number;
  /** Number of satisfied responses. */
  readonly satisfied: number;
  /** Mean response, on the scale. */
  readonly mean: number;
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
  /** With `cluster`: the design's degrees of freedom, clusters − 1. */
  readonly designDf?: number;
}

const CSAT_OPTIONS = ["scale", "satisfiedFrom", "missing", "missingValues", "onInvalid", "weights"] as const;

/** The tally, its count satisfied and n, and for weighted input the weighted share satisfied. */
function satisfiedOf(
  input: unknown,
  o: Partial<Omit<CsatOptions, "weights">>,
  argument: string,
  weights = NO_WEIGHTS,
  cluster = NO_WEIGHTS,
): { t: Tally; satisfied: number; n: number; weighted: (WeightedMean & { clusters?: number; designDf?: number }) | undefined } {
  if (cluster.value !== undefined) {
    const [min, max] = scaleOption(o.scale, DEFAULT_SCALES.csat);
    const satisfiedFrom = bandStart(o.satisfiedFrom, max - 1, "options.satisfiedFrom", min, max);
    const rules = cellRules(o.missing, o.missingValues, "options", o.onInvalid);
    const responses = assertRawForCluster(input, argument, cluster.argument);
    const t = countClustered(responses, weights.value, cluster.value, [min, max], rules, argument, cluster.argument, weights.argument);
    const weighted = clusteredWeightedMean(t, (s) => (s >= satisfiedFrom ? 1 : 0), cluster.argument);
    return { t, satisfied: countFrom(t, satisfiedFrom), n: tallyMoments(t).n, weighted };
  }
  const t = readScaleInput(input, o, DEFAULT_SCALES.csat, argument, weights);
  const [min, max] = t.scale;
  const satisfiedFrom = bandStart(o.satisfiedFrom, max - 1, "options.satisfiedFrom", min, max);
  const weighted = isWeighted(t) ? weightedMean(t, (s) => (s >= satisfiedFrom ? 1 : 0)) : undefined;
  return { t, satisfied: countFrom(t, satisfiedFrom), n: tallyMoments(t).n, weighted };
}

/**
 * Customer Satisfaction Score: the share of responses at or above `satisfiedFrom` (the "top-2
 * box" on a 1-5 scale: 4 and 5), a fraction in [0, 1].
 *
 * CSAT = #(response ≥ satisfiedFrom) / n, or Σw(response ≥ satisfiedFrom) / Σw with `weights`.
 * Some vendors report the mean rating instead; that is the `mean` of {@link csatSummary}.
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale` (default `[1, 5]`), `satisfiedFrom` (default `max − 1`), `missing`, `missingValues`, `weights`.
 * @returns The share satisfied, a fraction.
 * @throws {@link MetricsInputError} for no responses, a response off the scale, a missing response
 *   (unless `missing: "skip"`), counts that are not whole numbers ≥ 0, `satisfiedFrom` outside
 *   (min, max], or a weight that is negative or not finite, weights of another length than the
 *   responses, or weights all 0.
 * @throws {@link MetricsTypeError} for input of the wrong type, an unknown option (`threshold` is
 *   not one), or weights with input that is not raw responses.
 * @see ACSI methodology; Qualtrics, "What is CSAT" (top-2-box definition).
 * @example
 * ```ts
 * import { csat } from "cxmetrics";
 * csat([5, 4, 3, 5, 2]); // 0.6
 * csat({ counts: [2, 3, 10, 40, 45] }); // 0.85 (counts for 1..5)
 * csat([5, 4, 2], { weights: [1, 1, 2] }); // 0.5
 * ```
 *
 * @category CSAT
 */
export function csat(responses: ScaleInput, options?: CsatOptions): number {
  const o = readOptions(options, "csat", CSAT_OPTIONS);
  const { satisfied, n, weighted } = satisfiedOf(responses, o, "responses", weightsOf(o));
  return weighted === undefined ? satisfied / n : weighted.estimate;
}

/**
 * CSAT with its confidence interval: an {@link Estimate} of the share satisfied, with the count
 * satisfied and the mean rating. The interval is Wilson's (or another {@link proportionInterval}
 * method); `standardError` is √(p(1 − p)/n) and `marginOfError` half the interval's width
 * (z·SE for `"wald"`).
 *
 * With `weights`, the estimate is the weighted share and `standardError` its Taylor-linearised
 * standard error, √(n/(n − 1) · Σwᵢ²(yᵢ − p)²) / Σw with yᵢ 1 when satisfied: R survey's
 * `svymean` on `svydesign(ids = ~1, weights = ~w)`. `"wald"` is p ± z·SE (R's `confint`); the
 * other methods are the unweighted ones on the effective counts, p·n_eff satisfied of Kish's
 * n_eff = (Σw)²/Σw², so that equal weights give exactly the unweighted interval. `mean` is the
 * weighted mean rating.
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale`, `satisfiedFrom`, `missing`, `missingValues`, `confidence` (default 0.95),
 *   `method` (default `"wilson"`).
 * @returns `{ estimate, n, standardError, marginOfError, interval, confidence, method, satisfied, mean, missing }`;
 *   estimate and interval are fractions, mean is on the scale.
 * @throws {@link MetricsInputError} as {@link csat}, and for a confidence outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown method or option.
 * @see T. Lumley, "Analysis of complex survey samples", Journal of Statistical Software 9(8), 2004.
 * @see E. B. Wilson, "Probable inference, the law of succession, and statistical inference",
 *   JASA 22 (1927), 209-212.
 * @example
 * ```ts
 * import { csatSummary } from "cxmetrics";
 * csatSummary({ counts: [2, 3, 10, 40, 45] }).interval; // { lower: 0.7671..., upper: 0.9069... }
 * csatSummary([5, 4, 4, 2, 1, 5], { weights: [3, 1, 1, 2, 2, 1] }).effectiveN; // 5
 * ```
 *
 * @category CSAT
 */
export function csatSummary(responses: ScaleInput, options?: CsatSummaryOptions): CsatSummary {
  const o = readOptions(options, "csatSummary", CSAT_SUMMARY_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const method = assertOneOf(o.method, "options.method", PROPORTION_INTERVAL_METHODS, "wilson");
  const cluster = o.cluster === undefined ? NO_WEIGHTS : { value: o.cluster, argument: "options.cluster" };
  const { t, satisfied, n, weighted } = satisfiedOf(responses, o, "responses", weightsOf(o), cluster);
  const missing = t.missing ?? 0;
  const invalid = t.invalid ?? 0;
  if (weighted !== undefined) {
    const mean = weightedMean(t as WeightedTally, (s) => s).estimate;
    const { effectiveN, designEffect } = weighted;
    const design = weighted.clusters === undefined ? {} : { clusters: weighted.clusters, designDf: weighted.designDf };
    return {
      ...weightedProportionEstimate(weighted, confidence, method),
      satisfied,
      mean,
      missing,
      invalid,
      effectiveN,
      designEffect,
      ...design,
    };
  }
  const { successes, ...estimate } = proportionEstimate(satisfied, n, confidence, method);
  return { ...estimate, satisfied: successes, mean: tallyMoments(t).mean, missing, invalid, effectiveN: n, designEffect: 1 };
}

/** A clustered tally's share satisfied with its clustered SE (internal, for reports' `cluster` specs). */
function clusteredShare(t: ClusteredTally, satisfiedFrom: number): WeightedMean & { clusters: number; designDf: number } {
  return clusteredWeightedMean(t, (s) => (s >= satisfiedFrom ? 1 : 0), "options.cluster");
}

/**
 * The summary of a clustered tally, as a report's `cluster` spec gives it (internal): as
 * csatSummary with `cluster`. With a single cluster the interval is the whole of [0, 1] and
 * `standardError` 0 (no variance between clusters to estimate).
 */
export function clusteredCsatSummary(
  t: ClusteredTally,
  o: Pick<CsatSummaryOptions, "scale" | "satisfiedFrom" | "method">,
  confidence: number,
): CsatSummary {
  const method = assertOneOf(o.method, "options.method", PROPORTION_INTERVAL_METHODS, "wilson");
  const [min, max] = t.scale;
  const satisfiedFrom = bandStart(o.satisfiedFrom, max - 1, "options.satisfiedFrom", min, max);
  const satisfied = countFrom(t, satisfiedFrom);
  const mean = weightedMean(t, (s) => s).estimate;
  const skipped = { missing: t.missing ?? 0, invalid: t.invalid ?? 0 };
  if (t.clusterSums.length < 2) {
    const w = weightedMean(t, (s) => (s >= satisfiedFrom ? 1 : 0));
    const { effectiveN, designEffect } = w;
    return {
      ...weightedProportionEstimate(w, confidence, method),
      standardError: 0,
      marginOfError: 0.5,
      interval: { lower: 0, upper: 1 },
      satisfied,
      mean,
      ...skipped,
      effectiveN,
      designEffect,
      clusters: t.clusterSums.length,
      designDf: 0,
    };
  }
  const w = clusteredShare(t, satisfiedFrom);
  return {
    ...weightedProportionEstimate(w, confidence, method),
    satisfied,
    mean,
    ...skipped,
    effectiveN: w.effectiveN,
    designEffect: w.designEffect,
    clusters: w.clusters,
    designDf: w.designDf,
  };
}

/** Two clustered tallies compared, as compareCsat with `cluster` (internal); null when a side has fewer than 2 clusters. */
export function compareClusteredCsat(
  a: ClusteredTally,
  b: ClusteredTally,
  o: Pick<CompareCsatOptions, "satisfiedFrom" | "method">,
  confidence: number,
): Comparison<ProportionComparisonMethod> | null {
  if (a.clusterSums.length < 2 || b.clusterSums.length < 2) return null;
  const method = assertOneOf(o.method, "options.method", PROPORTION_COMPARISON_METHODS, "newcombe");
  const [min, max] = a.scale;
  const satisfiedFrom = bandStart(o.satisfiedFrom, max - 1, "options.satisfiedFrom", min, max);
  return compareWeightedShares(clusteredShare(a, satisfiedFrom), clusteredShare(b, satisfiedFrom), confidence, method);
}

/**
 * Compares the CSAT (share satisfied) of two independent samples, a − b, as
 * {@link compareProportions} does on their satisfied counts: a {@link Comparison} in fractions.
 * Each sample is raw responses, a {@link Tally} or `{ counts }`, read with the same options.
 *
 * Weighted samples (`weights: { a, b }`, or two weighted tallies) are compared with the
 * linearised standard errors of {@link csatSummary}: z = (pa − pb)/√(SEa² + SEb²), the interval
 * Wald's on that SE or Newcombe's from Wilson intervals on each sample's effective counts.
 *
 * @param a - The first sample.
 * @param b - The second sample.
 * @param options - `scale`, `satisfiedFrom`, `missing`, `missingValues`, `confidence` (default 0.95),
 *   `method` (default `"newcombe"`; `"fisher"` for Fisher's exact test), `weights` (`{ a, b }`).
 * @throws {@link MetricsInputError} as {@link csat} for either sample, for a confidence outside
 *   (0, 1), and for `"fisher"` with weights.
 * @throws {@link MetricsTypeError} for an unknown method or option, or one sample weighted and the other not.
 * @see R. G. Newcombe, Statistics in Medicine 17 (1998), 873-890.
 * @example
 * ```ts
 * import { compareCsat } from "cxmetrics";
 * const r = compareCsat({ counts: [5, 5, 20, 80, 90] }, { counts: [10, 15, 30, 70, 75] });
 * r.difference; // 0.125 (0.85 − 0.725)
 * ```
 *
 * @category CSAT
 */
export function compareCsat(a: ScaleInput, b: ScaleInput, options?: CompareCsatOptions): Comparison<ProportionComparisonMethod> {
  const o = readOptions(options, "compareCsat", COMPARE_CSAT_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const method = assertOneOf(o.method, "options.method", PROPORTION_COMPARISON_METHODS, "newcombe");
  const [wa, wb] = pairedWeights(o.weights);
  const [ca, cb] = pairedOption(o.cluster, "options.cluster", "cluster ids");
  const sa = satisfiedOf(a, o, "a", wa, ca);
  const sb = satisfiedOf(b, o, "b", wb, cb);
  assertSameWeighting(a, sa.weighted !== undefined, b, sb.weighted !== undefined);
  if (sa.weighted !== undefined && sb.weighted !== undefined) return compareWeightedShares(sa.weighted, sb.weighted, confidence, method);
  return compareCounts(sa.satisfied, sa.n, sb.satisfied, sb.n, confidence, method);
}
