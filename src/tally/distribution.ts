import { readOptions } from "../_lib/core/options.ts";
import { assertArrayLike, assertCountAtLeast, assertFiniteResult, assertScale } from "../_lib/core/validate.ts";
import { countResponses, tallyTotal } from "../_lib/count/tallies.ts";
import { countWeighted, isWeighted, weightedMean } from "../_lib/count/weighted.ts";
import { cellRules } from "../_lib/read/cells.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { MissingMode } from "../types.ts";

/**
 * Options of {@link distribution}.
 *
 * @category Tallies
 */
export interface DistributionOptions {
  /** The response scale `[min, max]`, whole numbers. Required: 0-10 and 1-5 differ, and no default can know which. */
  readonly scale: readonly [number, number];
  /** One weight per response, finite and ≥ 0 (a weight of 0 drops the response). Default: 1 each. */
  readonly weights?: ArrayLike<number>;
  /** How many scale points the top box holds, counted down from the top. Default 2 (4-5 on 1-5, 9-10 on 0-10). */
  readonly top?: number;
  /** How many scale points the bottom box holds, counted up from the bottom. Default 2. */
  readonly bottom?: number;
  /** `"throw"` (default) on a missing value, or `"skip"` it (and its weight) and count it in `missing`. */
  readonly missing?: MissingMode;
  /** Strings read as missing. Default `["NA", "N/A", "n/a", "-"]`; blanks are always missing. */
  readonly missingValues?: readonly string[];
  /**
   * `"throw"` (default) on an invalid response or weight (off the scale, a word, a negative
   * weight), or `"skip"` it with its pair and count it in `invalid`, as reports do.
   */
  readonly onInvalid?: "throw" | "skip";
}

/**
 * One scale point of a {@link ScoreDistribution}.
 *
 * @category Tallies
 */
export interface ScorePoint {
  /** The score. */
  readonly score: number;
  /** Responses with this score (and a weight above 0). */
  readonly count: number;
  /** Their total weight (the count when unweighted). */
  readonly weight: number;
  /** Their share of the total weight, a fraction in [0, 1]. */
  readonly share: number;
}

/**
 * A run of scale points (a top or bottom box) of a {@link ScoreDistribution}.
 *
 * @category Tallies
 */
export interface ScoreBox {
  /** The box's scores, `[from, to]`. */
  readonly scores: readonly [number, number];
  /** Their share of the total weight, a fraction in [0, 1]. */
  readonly share: number;
}

/**
 * The distribution of scores on a scale, from {@link distribution}.
 *
 * @category Tallies
 */
export interface ScoreDistribution {
  /** The scale `[min, max]`. */
  readonly scale: readonly [number, number];
  /** Responses counted: not the missing ones, nor those with a weight of 0 (which drops a response). */
  readonly n: number;
  /** Kish's effective sample size (Σw)²/Σw²: n when unweighted or all weights are equal, less otherwise. */
  readonly effectiveN: number;
  /** Missing values skipped (`missing: "skip"`). */
  readonly missing: number;
  /** Invalid values skipped (`onInvalid: "skip"`); 0 otherwise. */
  readonly invalid: number;
  /** Every scale point from min to max, with its count, weight and share. */
  readonly points: ScorePoint[];
  /** The top box: the highest `top` scale points. */
  readonly topBox: ScoreBox;
  /** The bottom box: the lowest `bottom` scale points. */
  readonly bottomBox: ScoreBox;
  /** The (weighted) mean score. */
  readonly mean: number;
  /**
   * The (weighted) median: the lowest score at which the cumulative share passes one half, or,
   * where it is exactly one half (to 10⁻¹² relative), the mean of that score and the next one with weight (the usual
   * median of an even number of responses, unweighted).
   */
  readonly median: number;
}

const DISTRIBUTION_OPTIONS = ["scale", "weights", "top", "bottom", "missing", "missingValues", "onInvalid"] as const;

/**
 * The distribution of responses over a scale, as a stacked bar shows it: count, weight and share
 * per scale point, the top-box and bottom-box shares, and the mean and median, all weighted when
 * `weights` are given (shares of the total weight, Σwᵢxᵢ/Σwᵢ for the mean).
 *
 * @param responses - Scores on the scale (numbers, numeric strings; missing values per `missing`).
 * @param options - `{ scale, weights?, top?, bottom?, missing?, missingValues? }`; `scale` is required.
 * @returns `{ scale, n, effectiveN, missing, points, topBox, bottomBox, mean, median }`.
 * @throws {@link MetricsInputError} for a score off the scale, a missing value (unless skipped),
 *   a negative or non-finite weight, weights of another length, no responses, all weights 0, or
 *   boxes larger than the scale.
 * @throws {@link MetricsTypeError} for responses that are not an array, or an unknown option.
 * @see L. Kish, Survey Sampling, Wiley, 1965 (the effective sample size).
 * @example
 * ```ts
 * import { distribution } from "cxmetrics";
 * const d = distribution([5, 4, 4, 3, 5, 1], { scale: [1, 5] });
 * d.topBox.share; // 0.6666…: four of six responses are 4 or 5
 * d.median; // 4
 * ```
 *
 * @category Tallies
 */
export function distribution(responses: ArrayLike<unknown>, options: DistributionOptions): ScoreDistribution {
  if (options === undefined) throw new MetricsTypeError("INVALID_TYPE", "options", options, "an object with a scale [min, max]");
  const o = readOptions(options, "distribution", DISTRIBUTION_OPTIONS);
  const [min, max] = assertScale(o.scale, "options.scale");
  const size = max - min + 1;
  const top = o.top === undefined ? Math.min(2, size) : assertCountAtLeast(o.top, "options.top", 1);
  const bottom = o.bottom === undefined ? Math.min(2, size) : assertCountAtLeast(o.bottom, "options.bottom", 1);
  if (top > size) throw new MetricsInputError("OUT_OF_RANGE", "options.top", top, `at most the ${size} points of the scale`);
  if (bottom > size) throw new MetricsInputError("OUT_OF_RANGE", "options.bottom", bottom, `at most the ${size} points of the scale`);
  const list = assertArrayLike(responses, "responses");
  const rules = cellRules(o.missing, o.missingValues, "options", o.onInvalid);
  const weighted = o.weights === undefined ? undefined : countWeighted(list, o.weights, [min, max], rules, "responses");
  const t = weighted ?? countResponses(list, [min, max], rules);
  const { counts, missing } = t;
  const sums = t.weights ?? counts;
  const n = tallyTotal(t);
  if (n === 0) throw new MetricsInputError("EMPTY_INPUT", "responses", responses, "at least one response that is not missing");
  // Weighted sums are relative to a power of two near the largest weight (at most 2³² of them, so
  // finite); each point's weight is shown in the weights' own unit.
  const unit = weighted?.unit ?? 1;
  const total = sums.reduce((s, w) => s + w, 0);
  const points = counts.map((count, k) => ({ score: min + k, count, weight: sums[k]!, share: sums[k]! / total }));
  const boxShare = (from: number, to: number) => points.slice(from - min, to - min + 1).reduce((s, p) => s + p.weight, 0) / total;
  return {
    scale: [min, max],
    n,
    effectiveN: isWeighted(t) ? weightedMean(t, (x) => x).effectiveN : n,
    missing: missing ?? 0,
    invalid: t.invalid ?? 0,
    points: unit === 1 ? points : points.map((p) => ({ ...p, weight: assertFiniteResult(p.weight * unit, "options.weights", o.weights) })),
    topBox: { scores: [max - top + 1, max], share: boxShare(max - top + 1, max) },
    bottomBox: { scores: [min, min + bottom - 1], share: boxShare(min, min + bottom - 1) },
    mean: points.reduce((s, p) => s + p.score * p.share, 0),
    median: weightedMedian(points, total),
  };
}

/** The lowest score whose cumulative weight reaches half; at exactly half, the mean with the next weighted score. */
function weightedMedian(points: readonly ScorePoint[], total: number): number {
  let cumulative = 0;
  for (let k = 0; k < points.length; k++) {
    cumulative += points[k]!.weight;
    // "Exactly half" up to rounding: weights of 0.1 sum to 0.30000000000000004.
    const excess = cumulative * 2 - total;
    if (excess > 1e-12 * total) return points[k]!.score;
    if (excess >= -1e-12 * total) {
      const next = points.slice(k + 1).find((p) => p.weight > 0);
      return next === undefined ? points[k]!.score : (points[k]!.score + next.score) / 2;
    }
  }
  return points[points.length - 1]!.score;
}
