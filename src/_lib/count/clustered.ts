// Responses clustered by account: per scale point the weighted tally, and per cluster the sums of
// weights at each point, which is what the linearised variance of R survey's svymean on
// svydesign(ids = ~cluster, weights = ~w) needs. Internal.
//
// For the weighted mean μ = Σwᵢyᵢ / Σwᵢ over m clusters, the influence of cluster c is
// z_c = Σ_{i∈c} wᵢ(yᵢ − μ), and the variance is m/(m − 1) · Σ_c z_c² / (Σwᵢ)² (clusters sampled
// with replacement, no finite-population correction: survey's default for ids = ~cluster). With
// clusters of one response each it is the n/(n − 1) form of weighted.ts.
import { MetricsInputError, MetricsTypeError } from "../../errors.ts";
import type { ClusteredTally } from "../../types.ts";
import { assertArrayLike } from "../core/validate.ts";
import { type CellRules, isMissingCell, readId } from "../read/cells.ts";
import type { Scale } from "../read/scales.ts";
import {
  PAIR,
  type PairSkips,
  powerOfTwoNear,
  type RelativeWeightedTally,
  readPair,
  readWeightCell,
  readWeights,
  type WeightedMean,
  weightedMean,
} from "./weighted.ts";

/** Responses counted with their clusters: the clustered tally, its sums relative to `unit`. */
export interface CountedClusters extends RelativeWeightedTally, ClusteredTally {
  /** Per cluster with a counted response, Σw at each scale point. */
  readonly clusterSums: readonly Float64Array[];
}

/**
 * Raw responses, an optional weight each, and one cluster id each, counted: the weighted tally
 * (all weights 1 when `weightsOption` is undefined) and each cluster's sums. A response whose
 * score or weight is skipped drops with its cluster id; a cluster id that is missing or not a
 * string or finite number throws naming `clusterArgument[i]`.
 */
export function countClustered(
  responses: ArrayLike<unknown>,
  weightsOption: unknown,
  clusterOption: unknown,
  scale: Scale,
  rules: CellRules,
  argument: string,
  clusterArgument = "options.cluster",
  weightsArgument = "options.weights",
): CountedClusters {
  const [min, max] = scale;
  const size = max - min + 1;
  const clusters = assertArrayLike(clusterOption, clusterArgument);
  if (clusters.length !== responses.length) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      clusterArgument,
      clusterOption,
      `one cluster id per response (${responses.length} of them, not ${clusters.length})`,
    );
  }
  const weights = weightsOption === undefined ? undefined : readWeights(weightsOption, responses.length, weightsArgument);
  let largest = 0;
  if (weights !== undefined) {
    for (let i = 0; i < weights.length; i++) {
      const w = readWeightCell(weights[i], { ...rules, skipMissing: true, skipInvalid: true }, "");
      if (typeof w === "number" && w > largest) largest = w;
    }
  }
  const unit = weights === undefined ? 1 : powerOfTwoNear(largest);
  const counts = new Array<number>(size).fill(0);
  const sums = new Array<number>(size).fill(0);
  const squares = new Array<number>(size).fill(0);
  const index = new Map<string | number, number>();
  const clusterSums: Float64Array[] = [];
  const skips: PairSkips = { missing: 0, invalid: 0, dropped: 0 };
  for (let i = 0; i < responses.length; i++) {
    const cell = clusters[i];
    const id = isMissingCell(cell, rules) ? undefined : readId(cell);
    if (id === undefined) {
      throw new MetricsInputError(
        "EMPTY_INPUT",
        `${clusterArgument}[${i}]`,
        cell,
        "a cluster id (an account: a string or a finite number) for every response; a response without its account cannot be placed",
      );
    }
    if (!readPair(responses[i], weights === undefined ? 1 : weights[i], min, max, rules, argument, weightsArgument, i, skips)) continue;
    const r = PAIR.weight / unit;
    const k = PAIR.score - min;
    counts[k]!++;
    sums[k]! += r;
    squares[k]! += r * r;
    let c = index.get(id);
    if (c === undefined) {
      c = clusterSums.length;
      index.set(id, c);
      clusterSums.push(new Float64Array(size));
    }
    clusterSums[c]![k]! += r;
  }
  if (clusterSums.length === 0) {
    throw new MetricsInputError(
      "EMPTY_INPUT",
      argument,
      responses,
      skips.dropped > 0 ? "responses with weights that are not all 0" : "at least one valid response",
    );
  }
  const skippedInvalid = rules.skipInvalid ? { invalid: skips.invalid } : {};
  return {
    scale: [min, max],
    counts,
    missing: skips.missing,
    ...skippedInvalid,
    weights: sums,
    squaredWeights: squares,
    unit,
    clusterSums,
  };
}

/** The clustered estimate of a mean of `value(score)`: its standard error and the design's degrees of freedom. */
export interface ClusteredMean {
  readonly estimate: number;
  /** The linearised standard error with clusters as primary sampling units. */
  readonly standardError: number;
  /** Clusters with at least one counted response. */
  readonly clusters: number;
  /** The design's degrees of freedom, clusters − 1 (survey's degf). */
  readonly designDf: number;
}

/** The clustered mean of `value(score)`; throws for fewer than 2 clusters (no variance between clusters to estimate). */
export function clusteredMean(t: ClusteredTally, value: (score: number) => number, argument: string): ClusteredMean {
  const m = t.clusterSums.length;
  if (m < 2) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      argument,
      `${m} cluster`,
      "responses from at least 2 clusters (accounts): a clustered standard error compares clusters with one another",
    );
  }
  const min = t.scale[0];
  const ys = t.counts.map((_, k) => value(min + k));
  let total = 0;
  let sum = 0;
  for (let k = 0; k < ys.length; k++) {
    total += t.weights[k]!;
    sum += t.weights[k]! * ys[k]!;
  }
  const estimate = sum / total;
  let squares = 0;
  for (const c of t.clusterSums) {
    let z = 0;
    for (let k = 0; k < ys.length; k++) z += c[k]! * (ys[k]! - estimate);
    squares += z * z;
  }
  return { estimate, standardError: Math.sqrt(((m / (m - 1)) * squares) / total / total), clusters: m, designDf: m - 1 };
}

/**
 * The weighted mean of `value(score)` with its standard error clustered: as {@link weightedMean},
 * with `standardError` the clustered one and `effectiveN` the design's (the weighted variance of
 * one response ÷ SE², the n a simple random sample would need for that SE; `n` when SE is 0).
 */
export function clusteredWeightedMean(
  t: ClusteredTally,
  value: (score: number) => number,
  argument: string,
): WeightedMean & { readonly clusters: number; readonly designDf: number } {
  const plain = weightedMean(t, value);
  const design = clusteredMean(t, value, argument);
  const se2 = design.standardError ** 2;
  const effectiveN = se2 > 0 ? plain.variance / se2 : plain.n;
  return {
    ...plain,
    standardError: design.standardError,
    effectiveN,
    designEffect: plain.n / effectiveN,
    clusters: design.clusters,
    designDf: design.designDf,
  };
}

/** Raw responses only: counts and tallies do not say which cluster each response came from. */
export function assertRawForCluster(input: unknown, argument: string, clusterArgument: string): ArrayLike<unknown> {
  if (typeof input !== "object" || input === null || "counts" in input || "promoters" in input || "passives" in input) {
    throw new MetricsTypeError(
      "INVALID_TYPE",
      argument,
      input,
      `raw responses, one per id in ${clusterArgument}: counts and tallies do not say which account each answer came from`,
    );
  }
  return assertArrayLike(input, argument);
}
