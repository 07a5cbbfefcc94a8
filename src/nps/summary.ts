import { symmetricInterval } from "../_lib/core/math.ts";
import { readOptions } from "../_lib/core/options.ts";
import { assertOneOf, confidenceOption } from "../_lib/core/validate.ts";
import { weightsOf } from "../_lib/count/tallies.ts";
import { zForConfidence } from "../stats/normal.ts";
import type { ClusteredTally, Estimate, Interval } from "../types.ts";
import type { NpsScaleOptions } from "./classify.ts";
import { clusteredNps, clusteredNpsOf } from "./clustered.ts";
import { effectiveCounts, npsCounts, resolveBands, type ValidNpsCounts, type WeightedNps, weightedNps } from "./counts.ts";
import { adjustedNpsMoments, npsVariance, tangoInterval } from "./interval.ts";
import type { NpsCounts, NpsInput } from "./nps.ts";

/**
 * The interval methods of {@link npsSummary}, the default first.
 *
 * @example
 * ```ts
 * import { NPS_INTERVAL_METHODS, npsSummary } from "cxmetrics";
 * for (const method of NPS_INTERVAL_METHODS) console.log(method, npsSummary([10, 9, 3], { method }).interval);
 * ```
 *
 * @category NPS
 */
export const NPS_INTERVAL_METHODS: readonly ["adjusted-wald", "wald", "score"] = /* @__PURE__ */ Object.freeze([
  "adjusted-wald",
  "wald",
  "score",
] as const);

/**
 * How an NPS interval is computed: `"adjusted-wald"` (default), `"wald"` or `"score"` (Tango).
 *
 * @category NPS
 */
export type NpsIntervalMethod = (typeof NPS_INTERVAL_METHODS)[number];

/**
 * Options for {@link npsSummary}.
 *
 * @category NPS
 */
export interface NpsSummaryOptions extends NpsScaleOptions {
  /**
   * `"throw"` (default) on an invalid score or weight (off the scale, a word, a negative weight),
   * or `"skip"` it with its pair and count it in the summary's `invalid`, as reports do.
   */
  onInvalid?: "throw" | "skip";
  /** Confidence level of the interval, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /** Interval method. Default `"adjusted-wald"`. */
  method?: NpsIntervalMethod;
  /** One weight per raw score, finite and ≥ 0, as for {@link nps}. */
  weights?: ArrayLike<number>;
  /**
   * One cluster id per raw score (its account: a string or a finite number): the standard error
   * is then clustered by account, as R survey's `svymean` on `svydesign(ids = ~cluster, weights =
   * ~w)`, and the summary reports `clusters` and `designDf`. Several answers from one account are
   * not independent: without it, B2B intervals are too narrow.
   */
  cluster?: ArrayLike<string | number>;
}

const SUMMARY_OPTIONS = [
  "scale",
  "promoterFrom",
  "passiveFrom",
  "missing",
  "missingValues",
  "onInvalid",
  "confidence",
  "method",
  "weights",
  "cluster",
] as const;

/**
 * The result of {@link npsSummary}: an {@link Estimate} in NPS points, with the group counts.
 *
 * @category NPS
 */
export interface NpsSummary extends Estimate<NpsIntervalMethod>, NpsCounts {
  /** The observed NPS, in points (−100..100). */
  readonly estimate: number;
  /** Each group's share of responses, fractions summing to 1. */
  readonly shares: NpsShares;
  /** Variance of one response's −100/0/+100 score, in points², as the method estimates it. */
  readonly variance: number;
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
  /** With `cluster`: the design's degrees of freedom, clusters − 1 (R survey's `degf`). */
  readonly designDf?: number;
}

/**
 * Shares of responses per NPS group, fractions in [0, 1] summing to 1.
 *
 * @category NPS
 */
export interface NpsShares {
  /** Share of promoters. */
  readonly promoters: number;
  /** Share of passives. */
  readonly passives: number;
  /** Share of detractors. */
  readonly detractors: number;
}

/**
 * The Net Promoter Score with everything needed to judge it: counts, shares, variance, standard
 * error, margin of error and a confidence interval, all in points.
 *
 * Each response scores +100 (promoter), 0 (passive) or −100 (detractor); NPS is their mean.
 * With shares p (promoters) and d (detractors), the variance of one response is
 * 10⁴ · (p + d − (p − d)²) points². Methods:
 *
 * - `"adjusted-wald"` (default): add ¾ promoter, 1½ passives and ¾ detractor (n + 3), then
 *   centre ± z·√(var/(n + 3)) on the adjusted score. Rocks (2016) found it the most accurate
 *   across sample sizes, and Lewis & Sauro (2021) confirmed it on real survey data. Because the
 *   interval is centred on the adjusted score, pulled towards 0, at n = 1 or 2 it can exclude the
 *   observed score (one promoter: 100, interval −48.5 to 98.5): a single answer is weak evidence,
 *   and the interval says so.
 * - `"wald"`: score ± z·√(var/n). Poor for small n or extreme shares; included for comparison.
 * - `"score"`: Tango's (1998) score interval, which treats NPS as a difference of two
 *   proportions from one sample; solved numerically to 1e-12 points. `variance` and
 *   `standardError` are then the plain (Wald) ones and `marginOfError` half the interval width.
 *
 * With `weights` (see {@link nps}), `estimate` and `shares` are weighted, and the methods are
 * those of a survey statistician:
 *
 * - `"wald"`: estimate ± z·SE with the Taylor-linearised standard error
 *   SE² = n/(n − 1) · Σwᵢ²(yᵢ − NPS)² / (Σw)², yᵢ the +100/0/−100 scores: R survey's
 *   `svymean` on `svydesign(ids = ~1, weights = ~w)` and its `confint`.
 * - `"adjusted-wald"` and `"score"`: the unweighted method on the effective counts, each group's
 *   weighted share of Kish's effective n = (Σw)²/Σw². With equal weights these are exactly the
 *   unweighted intervals. `"score"` reports the linearised standard error.
 *
 * `variance` is then the method's per-response variance (R's `svyvar` for `"wald"` and
 * `"score"`). With all weights equal the linearised SE is √(n/(n − 1)) times the unweighted
 * Wald SE: R's `svymean` divides the spread by n − 1 where the textbook Wald interval divides by n.
 *
 * All bounds are clipped to [−100, 100]. `variance`, `standardError` and `marginOfError` are
 * those of the method (adjusted ones for `"adjusted-wald"`); `estimate` is always the observed NPS.
 *
 * @param input - Raw scores, `{ promoters, passives, detractors }` or a {@link Tally}.
 * @param options - `confidence` (default 0.95), `method` (default `"adjusted-wald"`), and the
 *   scale and missing-value options of {@link nps}.
 * @throws {@link MetricsInputError} for no responses, an invalid score or count, a missing score
 *   (unless `missing: "skip"`), a confidence outside (0, 1), or a weight that is negative or not
 *   finite, weights of another length than the scores, or weights all 0.
 * @throws {@link MetricsTypeError} for an unknown method or option, input of the wrong type, or
 *   weights with input that is not raw scores.
 * @see B. Rocks, "Interval Estimation for the Net Promoter Score", The American Statistician
 *   70(4), 2016, 365-372, doi:10.1080/00031305.2016.1158732.
 * @see T. Lumley, "Analysis of complex survey samples", Journal of Statistical Software 9(8),
 *   2004 (the linearised standard error); L. Kish, Survey Sampling, Wiley, 1965 (effective n).
 * @see T. Tango, "Equivalence test and confidence interval for the difference in proportions for
 *   the paired-sample design", Statistics in Medicine 17, 1998, 891-908.
 * @example
 * ```ts
 * import { npsSummary } from "cxmetrics";
 * const s = npsSummary({ promoters: 60, passives: 25, detractors: 15 });
 * s.estimate; // 45
 * s.interval; // { lower: 29.34..., upper: 58.03... } (adjusted-Wald, 95%)
 * npsSummary([10, 9, 7, 3], { method: "wald", confidence: 0.9 }).marginOfError;
 * // Weighted by account revenue: the estimate, and effectiveN below n as the weights vary
 * const w = npsSummary([10, 9, 8, 6, 3, 10], { weights: [120, 80, 40, 300, 20, 60] });
 * w.estimate; // -9.677...: (260 − 320) / 620 of the revenue
 * w.effectiveN; // 3.30...
 * ```
 *
 * @category NPS
 */
export function npsSummary(input: NpsInput, options?: NpsSummaryOptions): NpsSummary {
  const o = readOptions(options, "npsSummary", SUMMARY_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const method = assertOneOf(o.method, "options.method", NPS_INTERVAL_METHODS, "adjusted-wald");
  if (o.cluster !== undefined) {
    const c = clusteredNps(input, o, "input", o.weights, o.cluster, "options.cluster", "options.weights");
    return {
      ...weightedSummary(c.counts, c.nps, method, confidence, zForConfidence(confidence)),
      clusters: c.nps.clusters,
      designDf: c.nps.designDf,
    };
  }
  const counts = npsCounts(input, o, "input", weightsOf(o));
  const { promoters, passives, detractors, missing, invalid, weighted } = counts;
  const n = promoters + passives + detractors;
  const z = zForConfidence(confidence);
  if (weighted !== undefined) return weightedSummary(counts, weightedNps(weighted), method, confidence, z);
  // Scalars, not moment objects: this is the path of a million small summaries a second.
  const estimate = (100 * (promoters - detractors)) / n;
  let variance: number;
  let standardError: number;
  let marginOfError: number;
  let interval: Interval;
  if (method === "score") {
    variance = npsVariance(promoters, detractors, n);
    standardError = Math.sqrt(variance / n);
    const t = tangoInterval(counts, z);
    interval = { lower: 100 * t.lower, upper: 100 * t.upper };
    marginOfError = (interval.upper - interval.lower) / 2;
  } else {
    // Rocks' adjusted Wald adds ¾ promoter, 1½ passives and ¾ detractor (n + 3).
    const adjust = method === "wald" ? 0 : 0.75;
    const m = n + 4 * adjust;
    const p = promoters + adjust;
    const d = detractors + adjust;
    variance = npsVariance(p, d, m);
    standardError = Math.sqrt(variance / m);
    marginOfError = z * standardError;
    interval = symmetricInterval((100 * (p - d)) / m, marginOfError, -100, 100);
  }
  return {
    estimate,
    n,
    standardError,
    marginOfError,
    interval,
    confidence,
    method,
    promoters,
    passives,
    detractors,
    shares: { promoters: promoters / n, passives: passives / n, detractors: detractors / n },
    variance,
    missing,
    invalid,
    effectiveN: n,
    designEffect: 1,
  };
}

/**
 * The summary of a clustered tally, as a report's `cluster` spec gives it (internal): as
 * npsSummary with `cluster`. With a single cluster there is no variance between clusters to
 * estimate: the interval is then the whole scale and `standardError` 0.
 */
export function clusteredNpsSummary(
  t: ClusteredTally,
  o: Pick<NpsSummaryOptions, "scale" | "promoterFrom" | "passiveFrom" | "method">,
  confidence: number,
): NpsSummary {
  const method = assertOneOf(o.method, "options.method", NPS_INTERVAL_METHODS, "adjusted-wald");
  const bands = resolveBands(o, t.scale);
  if (t.clusterSums.length < 2) {
    const { clusterSums: _sums, ...tally } = t;
    const plain = npsSummary(tally, { ...o, method: "wald", confidence });
    return {
      ...plain,
      method,
      standardError: 0,
      marginOfError: 100,
      interval: { lower: -100, upper: 100 },
      clusters: t.clusterSums.length,
      designDf: 0,
    };
  }
  const c = clusteredNpsOf(t, bands, "options.cluster");
  return {
    ...weightedSummary(c.counts, c.nps, method, confidence, zForConfidence(confidence)),
    clusters: c.nps.clusters,
    designDf: c.nps.designDf,
  };
}

/** The weighted summary: see npsSummary. */
function weightedSummary(counts: ValidNpsCounts, w: WeightedNps, method: NpsIntervalMethod, confidence: number, z: number): NpsSummary {
  const effective = effectiveCounts(w);
  let variance = w.variance;
  let standardError = w.standardError;
  let marginOfError: number;
  let interval: Interval;
  if (method === "wald") {
    marginOfError = z * standardError;
    interval = symmetricInterval(w.estimate, marginOfError, -100, 100);
  } else if (method === "score") {
    const t = tangoInterval(effective, z);
    interval = { lower: 100 * t.lower, upper: 100 * t.upper };
    marginOfError = (interval.upper - interval.lower) / 2;
  } else {
    const m = adjustedNpsMoments(effective);
    variance = m.variance;
    standardError = Math.sqrt(m.variance / m.n);
    marginOfError = z * standardError;
    interval = symmetricInterval(m.centre, marginOfError, -100, 100);
  }
  const { promoters, passives, detractors, missing, invalid } = counts;
  return {
    estimate: w.estimate,
    n: w.n,
    standardError,
    marginOfError,
    interval,
    confidence,
    method,
    promoters,
    passives,
    detractors,
    shares: w.shares,
    variance,
    missing,
    invalid,
    effectiveN: w.effectiveN,
    designEffect: w.designEffect,
  };
}
