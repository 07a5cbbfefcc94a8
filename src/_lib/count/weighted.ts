// Weighted responses: per scale point the count, the sum of weights Σw and the sum of squared
// weights Σw², and what survey statisticians compute from them. Internal.
//
// For a weighted mean μ = Σwᵢyᵢ / Σwᵢ of n responses, the Taylor-linearised variance of R
// survey's svymean on svydesign(ids = ~1, weights = ~w) is
//   n/(n − 1) · Σ wᵢ²(yᵢ − μ)² / (Σwᵢ)²
// (the influence values wᵢ(yᵢ − μ)/Σw have mean 0). Every response at scale point k has the same
// yₖ, so the sum is Σₖ Qₖ(yₖ − μ)² with Qₖ the point's Σw²: the per-point sums are enough for the
// estimate and its standard error, and they add up exactly across parts.
import { MetricsInputError, MetricsTypeError } from "../../errors.ts";
import type { Tally } from "../../types.ts";
import { clip } from "../core/math.ts";
import { assertArrayLike, assertFinite, assertFiniteResult } from "../core/validate.ts";
import { type CellRules, missingError, readCell } from "../read/cells.ts";
import type { Scale } from "../read/scales.ts";
import { readScore } from "./count.ts";

/** A tally that also holds, per scale point, the sum of weights and of squared weights. */
export interface WeightedTally extends Tally {
  readonly weights: readonly number[];
  readonly squaredWeights: readonly number[];
}

/** Whether a validated tally carries weights. */
export function isWeighted(t: Tally): t is WeightedTally {
  return t.weights !== undefined;
}

/** The `weights` option: array-like, one weight per response. */
export function readWeights(value: unknown, length: number, argument: string): ArrayLike<unknown> {
  const weights = assertArrayLike(value, argument);
  if (weights.length !== length) {
    throw new MetricsInputError("OUT_OF_RANGE", argument, value, `one weight per response (${length} of them, not ${weights.length})`);
  }
  return weights;
}

/**
 * A power of two near `x` (1 for 0 or a non-finite x): dividing by it is exact, so sums relative
 * to it round exactly as the sums themselves would, only without overflowing or underflowing.
 */
export function powerOfTwoNear(x: number): number {
  return x > 0 && x < Number.POSITIVE_INFINITY ? 2 ** Math.floor(Math.log2(x)) : 1;
}

/** One weight: a finite number ≥ 0. */
export function readWeight(value: unknown, argument: string): number {
  const w = assertFinite(value, argument);
  if (w < 0) throw new MetricsInputError("OUT_OF_RANGE", argument, w, "a weight >= 0");
  return w;
}

/**
 * One response's weight read as reports read a weight field: a finite number ≥ 0, a numeric
 * string or a BigInt; `undefined` when missing (a blank, a marker) and the rules skip missing
 * values, `null` when invalid and the rules skip invalid ones. Otherwise throws naming `argument`.
 */
export function readWeightCell(cell: unknown, rules: CellRules, argument: string): number | undefined | null {
  const w = readCell(cell, rules.markers);
  if (w === undefined) {
    if (rules.skipMissing) return undefined;
    throw missingError(cell, argument, "a weight, a finite number >= 0");
  }
  if (typeof w === "number" && w >= 0 && w < Number.POSITIVE_INFINITY) return w;
  if (rules.skipInvalid) return null;
  if (typeof w !== "number") throw new MetricsTypeError("INVALID_TYPE", argument, cell, "a weight, a finite number >= 0");
  throw new MetricsInputError(Number.isFinite(w) ? "OUT_OF_RANGE" : "NOT_FINITE", argument, cell, "a weight, a finite number >= 0");
}

/** The pairs {@link readPair} skipped, by why: a missing half, an invalid half, or a weight of 0. */
export interface PairSkips {
  missing: number;
  invalid: number;
  /** Weight 0: the response is dropped (it must still be a valid score). */
  dropped: number;
}

/** The score and weight {@link readPair} last read. */
export const PAIR = { score: 0, weight: 0 };

/**
 * One response and its weight (the number 1 for unweighted clustered responses) read by the
 * rules: true with the pair in PAIR, or false with the reason counted in `skips`. A missing score
 * or weight drops the pair as missing; an invalid other half makes it invalid. Throws, naming
 * `argument[i]` or `weightsArgument[i]`, where the rules do not skip.
 */
export function readPair(
  cell: unknown,
  weight: unknown,
  min: number,
  max: number,
  rules: CellRules,
  argument: string,
  weightsArgument: string,
  i: number,
  skips: PairSkips,
): boolean {
  const v = readScore(cell, min, max, rules, `${argument}[${i}]`);
  const w =
    typeof weight === "number" && weight >= 0 && weight < Number.POSITIVE_INFINITY
      ? weight
      : readWeightCell(weight, rules, `${weightsArgument}[${i}]`);
  if (v === undefined || w === undefined) {
    if (v === null || w === null) skips.invalid++;
    else skips.missing++;
    return false;
  }
  if (v === null || w === null) {
    skips.invalid++;
    return false;
  }
  if (w === 0) {
    skips.dropped++;
    return false;
  }
  PAIR.score = v;
  PAIR.weight = w;
  return true;
}

/**
 * Raw responses and one weight each counted into a weighted tally. A response or weight that is
 * missing is skipped with the other and counted in `missing` (or throws, by the rules); one that
 * is invalid throws, or with `onInvalid: "skip"` is skipped with the other and counted in
 * `invalid`. A weight of 0 drops its response, which must still be a valid score. Throws when
 * every weight is 0 or the sums overflow.
 */
export function countWeighted(
  responses: ArrayLike<unknown>,
  weightsOption: unknown,
  scale: Scale,
  rules: CellRules,
  argument: string,
  weightsArgument = "options.weights",
): RelativeWeightedTally {
  const [min, max] = scale;
  const weights = readWeights(weightsOption, responses.length, weightsArgument);
  // Sums relative to a power of two near the largest weight: weights of 1e154 would overflow Σw²,
  // weights of 1e-200 underflow it to 0, and every estimate is the same for weights scaled by any
  // constant. (Weights that are not plain numbers are read below; here only their size matters.)
  let largest = 0;
  for (let i = 0; i < weights.length; i++) {
    const raw = weights[i];
    const w = typeof raw === "number" ? raw : readCell(raw, rules.markers);
    if (typeof w === "number" && w > largest && w < Number.POSITIVE_INFINITY) largest = w;
  }
  const unit = powerOfTwoNear(largest);
  const counts = new Array<number>(max - min + 1).fill(0);
  const sums = new Array<number>(max - min + 1).fill(0);
  const squares = new Array<number>(max - min + 1).fill(0);
  const skips: PairSkips = { missing: 0, invalid: 0, dropped: 0 };
  for (let i = 0; i < responses.length; i++) {
    if (!readPair(responses[i], weights[i], min, max, rules, argument, weightsArgument, i, skips)) continue;
    const r = PAIR.weight / unit;
    const k = PAIR.score - min;
    counts[k]!++;
    sums[k]! += r;
    squares[k]! += r * r;
  }
  const { missing, invalid, dropped } = skips;
  if (dropped > 0 && dropped + missing + invalid === responses.length) {
    throw new MetricsInputError("OUT_OF_RANGE", weightsArgument, weightsOption, "weights that are not all 0");
  }
  const skippedInvalid = rules.skipInvalid ? { invalid } : {};
  return { scale: [min, max], counts, missing, ...skippedInvalid, weights: sums, squaredWeights: squares, unit };
}

/**
 * A weighted tally counted by {@link countWeighted}: its sums are relative to `unit`, a power of
 * two near the largest weight, which summaries never need (they are the same for any scale of the
 * weights).
 */
export interface RelativeWeightedTally extends WeightedTally {
  readonly unit: number;
}

/** The tally a user sees: the sums in the weights' own unit, or an error where Σw² overflows a double. */
export function absoluteTally(t: RelativeWeightedTally, argument: string, value: unknown): WeightedTally {
  const u = t.unit;
  const weights = t.weights.map((w) => assertFiniteResult(w * u, argument, value));
  const squaredWeights = t.squaredWeights.map((q) => assertFiniteResult(q * u * u, argument, value));
  const skipped = t.invalid === undefined ? { missing: t.missing } : { missing: t.missing, invalid: t.invalid };
  return { scale: t.scale, counts: t.counts, ...skipped, weights, squaredWeights };
}

/** Validate the weight sums of a tally from outside: both or neither, finite, ≥ 0, 0 exactly where the count is 0. */
export function assertTallyWeights(
  t: Tally,
  counts: readonly number[],
  argument: string,
): Pick<WeightedTally, "weights" | "squaredWeights"> | undefined {
  const { weights, squaredWeights } = t;
  if (weights === undefined && squaredWeights === undefined) return undefined;
  const read = (value: unknown, field: string): number[] => {
    if (typeof value !== "object" || value === null || (value as ArrayLike<unknown>).length !== counts.length) {
      throw new MetricsTypeError(
        "INVALID_TYPE",
        `${argument}.${field}`,
        value,
        `${counts.length} sums, one per scale point (weights and squaredWeights go together)`,
      );
    }
    const out: number[] = [];
    for (let k = 0; k < counts.length; k++) {
      const s = readWeight((value as ArrayLike<unknown>)[k], `${argument}.${field}[${k}]`);
      if ((s === 0) !== (counts[k] === 0)) {
        throw new MetricsInputError(
          "OUT_OF_RANGE",
          `${argument}.${field}[${k}]`,
          s,
          counts[k] === 0 ? "0, as no response has this score" : "above 0, as its count is",
        );
      }
      out.push(s);
    }
    return out;
  };
  return { weights: read(weights, "weights"), squaredWeights: read(squaredWeights, "squaredWeights") };
}

/** A weighted mean and what a survey statistician reports with it. */
export interface WeightedMean {
  /** Σwy / Σw. */
  readonly estimate: number;
  /** Responses counted (weight above 0). */
  readonly n: number;
  /** Kish's (Σw)²/Σw², at most n. */
  readonly effectiveN: number;
  /** Kish's design effect of weighting, n / effectiveN ≥ 1. */
  readonly designEffect: number;
  /** The Taylor-linearised standard error (R survey's svymean); 0 for one response. */
  readonly standardError: number;
  /** Σw(y − μ)² / Σw · n/(n − 1): R survey's svyvar; 0 for one response. */
  readonly variance: number;
}

/** The weighted mean of `value(score)` over a weighted tally with at least one response. */
export function weightedMean(t: WeightedTally, value: (score: number) => number): WeightedMean {
  const min = t.scale[0];
  // Sums relative to a power of two near the largest Σw of a point, so that a tally of huge or tiny
  // weights from outside gives what the same weights scaled to about 1 give (the estimates are
  // scale-free).
  let largest = 0;
  for (let k = 0; k < t.counts.length; k++) if (t.counts[k] !== 0 && t.weights[k]! > largest) largest = t.weights[k]!;
  const unit = powerOfTwoNear(largest);
  const w = (k: number) => t.weights[k]! / unit;
  const q = (k: number) => t.squaredWeights[k]! / unit / unit;
  let n = 0;
  let total = 0;
  let squares = 0;
  let sum = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (let k = 0; k < t.counts.length; k++) {
    if (t.counts[k] === 0) continue;
    const y = value(min + k);
    n += t.counts[k]!;
    total += w(k);
    squares += q(k);
    sum += w(k) * y;
    lowest = Math.min(lowest, y);
    highest = Math.max(highest, y);
  }
  // A mean of values lies between them; rounding can put Σwy/Σw an ulp outside.
  const estimate = clip(sum / total, lowest, highest);
  let spread = 0;
  let influence = 0;
  for (let k = 0; k < t.counts.length; k++) {
    const d = value(min + k) - estimate;
    if (t.counts[k] === 0) continue;
    spread += w(k) * d * d;
    influence += q(k) * d * d;
  }
  const correction = n > 1 ? n / (n - 1) : 0;
  const effectiveN = Math.min(n, (total / squares) * total);
  return {
    estimate,
    n,
    effectiveN,
    designEffect: n / effectiveN,
    standardError: Math.sqrt((correction * influence) / total / total),
    variance: (correction * spread) / total,
  };
}
