import { symmetricInterval } from "../_lib/core/math.ts";
import { readOptions } from "../_lib/core/options.ts";
import { assertOneOf, confidenceOption } from "../_lib/core/validate.ts";
import { assertSameWeighting, pairedOption, pairedWeights } from "../_lib/count/tallies.ts";
import { zForConfidence } from "../stats/normal.ts";
import { zComparison } from "../stats/zTest.ts";
import type { ClusteredTally, Comparison, PairedClusters, PairedWeights } from "../types.ts";
import type { NpsScaleOptions } from "./classify.ts";
import { clusteredNps, clusteredNpsOf } from "./clustered.ts";
import { effectiveCounts, npsCounts, resolveBands, type WeightedNps, weightedNps } from "./counts.ts";
import { adjustedNpsMoments, waldNpsMoments } from "./interval.ts";
import type { NpsInput } from "./nps.ts";

/**
 * The variance methods of {@link compareNps}, the default first.
 *
 * @example
 * ```ts
 * import { COMPARE_NPS_METHODS } from "cxmetrics";
 * COMPARE_NPS_METHODS.includes("wald"); // true
 * ```
 *
 * @category NPS
 */
export const COMPARE_NPS_METHODS: readonly ["adjusted-wald", "wald"] = /* @__PURE__ */ Object.freeze(["adjusted-wald", "wald"] as const);

/**
 * How {@link compareNps} estimates each group's variance.
 *
 * @category NPS
 */
export type CompareNpsMethod = (typeof COMPARE_NPS_METHODS)[number];

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
  /** One array of weights per sample, `{ a, b }` (both or neither), as for {@link nps}. */
  weights?: PairedWeights;
  /**
   * One array of cluster ids (accounts) per sample, `{ a, b }`, as for {@link npsSummary}: each
   * sample's standard error is then clustered by account, SE = √(SEa² + SEb²) (two independent
   * samples of accounts).
   */
  cluster?: PairedClusters;
}

const COMPARE_OPTIONS = [
  "scale",
  "promoterFrom",
  "passiveFrom",
  "missing",
  "missingValues",
  "confidence",
  "method",
  "weights",
  "cluster",
] as const;

/**
 * Tests whether two independent samples (two segments, two periods) have different Net Promoter
 * Scores, and gives an interval for the difference a − b in points: a {@link Comparison} whose
 * `statistic` is z, `difference` and `interval` in points (the interval clipped to [−200, 200]).
 *
 * SE = √(var_a/n_a + var_b/n_b), z = (centre_a − centre_b)/SE, p = 2Φ(−|z|), interval
 * (centre_a − centre_b) ± z_(1−α/2)·SE. With `"adjusted-wald"` (default) each sample first gets
 * ¾ promoter, 1½ passives and ¾ detractor added, as in the method Lewis & Sauro (2021) evaluated
 * for comparing NPS; centres and variances are the adjusted ones. `difference` is always the
 * observed difference.
 *
 * Weighted samples (`weights: { a, b }`, or two weighted tallies) are compared as survey
 * statisticians do: `standardError`, z and the p-value use the linearised standard errors of
 * {@link npsSummary}, SE = √(SEa² + SEb²) (each R survey's `svymean`). The interval is
 * difference ± z·SE for `"wald"`, and for `"adjusted-wald"` the adjusted Wald interval on each
 * sample's effective counts.
 *
 * @param a - The first sample: raw scores, counts or a tally.
 * @param b - The second sample, same forms.
 * @param options - `confidence` (default 0.95), `method` (default `"adjusted-wald"`), scale and
 *   missing-value options, `weights` (`{ a, b }`).
 * @throws {@link MetricsInputError} for an empty sample, invalid scores or counts, a confidence
 *   outside (0, 1), or `"wald"` when both samples have zero variance but different scores (the
 *   test is undefined; use `"adjusted-wald"`).
 * @throws {@link MetricsTypeError} for an unknown method or option, or one sample weighted and the other not.
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
export function compareNps(a: NpsInput, b: NpsInput, options?: CompareNpsOptions): Comparison<CompareNpsMethod> {
  const o = readOptions(options, "compareNps", COMPARE_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const method = assertOneOf(o.method, "options.method", COMPARE_NPS_METHODS, "adjusted-wald");
  const [wa, wb] = pairedWeights(o.weights);
  if (o.cluster !== undefined) {
    const [ca, cb] = pairedOption(o.cluster, "options.cluster", "cluster ids");
    const na = clusteredNps(a, o, "a", wa.value, ca.value, ca.argument, wa.argument).nps;
    const nb = clusteredNps(b, o, "b", wb.value, cb.value, cb.argument, wb.argument).nps;
    return weightedComparison(na, nb, method, confidence);
  }
  const countsA = npsCounts(a, o, "a", wa);
  const countsB = npsCounts(b, o, "b", wb);
  assertSameWeighting(a, countsA.weighted !== undefined, b, countsB.weighted !== undefined);
  if (countsA.weighted !== undefined && countsB.weighted !== undefined) {
    return weightedComparison(weightedNps(countsA.weighted), weightedNps(countsB.weighted), method, confidence);
  }
  const observedA = waldNpsMoments(countsA);
  const observedB = waldNpsMoments(countsB);
  const ma = method === "wald" ? observedA : adjustedNpsMoments(countsA);
  const mb = method === "wald" ? observedB : adjustedNpsMoments(countsB);
  const standardError = Math.sqrt(ma.variance / ma.n + mb.variance / mb.n);
  return zComparison({
    difference: observedA.centre - observedB.centre,
    centre: ma.centre - mb.centre,
    standardError,
    range: 200,
    confidence,
    method,
    undefinedHint: '"adjusted-wald" here: both samples have zero variance and different scores, so the Wald test is undefined',
  });
}

/**
 * Two clustered tallies compared, as compareNps with `cluster` (internal, for reports): null when
 * a side has fewer than 2 clusters (no variance between clusters to test with).
 */
export function compareClusteredNps(
  a: ClusteredTally,
  b: ClusteredTally,
  o: Pick<CompareNpsOptions, "scale" | "promoterFrom" | "passiveFrom" | "method">,
  confidence: number,
): Comparison<CompareNpsMethod> | null {
  if (a.clusterSums.length < 2 || b.clusterSums.length < 2) return null;
  const method = assertOneOf(o.method, "options.method", COMPARE_NPS_METHODS, "adjusted-wald");
  const bands = resolveBands(o, a.scale);
  return weightedComparison(clusteredNpsOf(a, bands, "a").nps, clusteredNpsOf(b, bands, "b").nps, method, confidence);
}

/**
 * Weighted samples: z and p from the linearised SEs; the interval Wald's on them, or, for
 * `"adjusted-wald"`, the adjusted Wald interval on each sample's effective counts.
 */
function weightedComparison(a: WeightedNps, b: WeightedNps, method: CompareNpsMethod, confidence: number): Comparison<CompareNpsMethod> {
  const difference = a.estimate - b.estimate;
  const linearized = zComparison({
    difference,
    centre: difference,
    standardError: Math.hypot(a.standardError, b.standardError),
    range: 200,
    confidence,
    method,
    undefinedHint:
      "samples with some spread: each weighted sample is all promoters, all passives or all detractors, and they differ, so the z test is undefined",
    undefinedArgument: "a and b",
  });
  if (method === "wald") return linearized;
  const ma = adjustedNpsMoments(effectiveCounts(a));
  const mb = adjustedNpsMoments(effectiveCounts(b));
  const margin = zForConfidence(confidence) * Math.sqrt(ma.variance / ma.n + mb.variance / mb.n);
  return { ...linearized, interval: symmetricInterval(ma.centre - mb.centre, margin, -200, 200) };
}
