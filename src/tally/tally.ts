import { readOptions } from "../_lib/core/options.ts";
import { assertArrayLike, assertExactTotal, assertScale } from "../_lib/core/validate.ts";
import { assertTally, countResponses } from "../_lib/count/tallies.ts";
import { absoluteTally, countWeighted } from "../_lib/count/weighted.ts";
import { cellRules } from "../_lib/read/cells.ts";
import { isArrowVector, vectorValues } from "../_lib/read/columns.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import type { ArrowVectorLike, MissingMode, Tally } from "../types.ts";

export type { Tally } from "../types.ts";

/**
 * Options for {@link tally}.
 *
 * @category Tallies
 */
export interface TallyOptions {
  /** The response scale `[min, max]`, whole numbers. Required: 0-10 and 1-10 differ, and no default can know which. */
  scale: readonly [number, number];
  /** `"throw"` (default) on a missing value (`null`, `NaN`, a blank, a marker), or `"skip"` and count it in `missing`. */
  missing?: MissingMode;
  /** Strings read as missing. Default `["NA", "N/A", "n/a", "-"]`; blanks are always missing. */
  missingValues?: readonly string[];
  /**
   * `"throw"` (default) on an invalid score or weight (off the scale, a word, a negative weight),
   * or `"skip"` it with its pair and count it in `invalid`, as reports do.
   */
  onInvalid?: "throw" | "skip";
  /**
   * One weight per score, finite and ≥ 0: the result is a weighted tally, which adds the sums
   * `weights` (Σw) and `squaredWeights` (Σw²) per scale point. A weight of 0 drops its score.
   */
  weights?: ArrayLike<number>;
}

const TALLY_OPTIONS = ["scale", "missing", "missingValues", "onInvalid", "weights"] as const satisfies readonly (keyof TallyOptions)[];

/**
 * Counts survey scores per scale point.
 *
 * One pass over the scores; a typed array (`Uint8Array`, `Float64Array`, …), any array, or an
 * Apache Arrow Vector (its typed array read without a copy when it has no nulls; a null is a
 * missing value) is accepted, and numeric strings (`"7"`, `" 9 "`, as a CSV read as text gives them) are read as
 * numbers. The result is a {@link Tally}: every metric computed from it is exactly the one
 * computed from the scores.
 *
 * With `weights`, the tally also holds per scale point the total weight and the total squared
 * weight: enough for the weighted estimate and its linearised standard error, and still exact
 * to merge. Every metric given a weighted tally gives the weighted result.
 *
 * @param scores - Whole-number scores on `options.scale`.
 * @param options - `scale` (required), `missing` (default `"throw"`), `missingValues`, `weights`.
 * @returns `{ scale, counts, missing }` with one count per scale point; with `weights`, also
 *   `weights` and `squaredWeights`.
 * @throws {@link MetricsInputError} if a score is not a whole number on the scale (the message names
 *   its index), a value is missing (unless `missing: "skip"`), or the scale is not `[min, max]`
 *   with whole min < max; a weight that is negative or not finite, weights of another length than
 *   the scores, or weights that are all 0.
 * @throws {@link MetricsTypeError} if `scores` is not array-like, a score is a word, or an option is unknown.
 * @example
 * ```ts
 * import { tally } from "cxmetrics";
 * tally([10, 9, 7, 3, 10], { scale: [0, 10] });
 * // { scale: [0, 10], counts: [0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 2], missing: 0 }
 * tally(["10", "", "N/A", "7"], { scale: [0, 10], missing: "skip" }).missing; // 2
 * tally([9, 9, 3], { scale: [0, 10], weights: [2, 0.5, 1] }).weights;
 * // [0, 0, 0, 1, 0, 0, 0, 0, 0, 2.5, 0]
 * ```
 *
 * @category Tallies
 */
export function tally(scores: ArrayLike<unknown> | ArrowVectorLike, options: TallyOptions): Tally {
  if (options === undefined) throw new MetricsTypeError("INVALID_TYPE", "options", options, "an object with a scale [min, max]");
  const o = readOptions(options, "tally", TALLY_OPTIONS);
  const scale = assertScale(o.scale, "options.scale");
  const list = isArrowVector(scores) ? vectorValues(scores) : assertArrayLike(scores, "scores");
  const rules = cellRules(o.missing, o.missingValues, "options", o.onInvalid);
  if (o.weights !== undefined) return absoluteTally(countWeighted(list, o.weights, scale, rules, "scores"), "options.weights", o.weights);
  return countResponses(list, scale, rules, "scores");
}

/**
 * Adds tallies of the same scale: the tally of all their responses together.
 *
 * Merging is exact, associative and commutative, so data can be counted in parts (per worker,
 * per file, per day) and combined: `mergeTallies(tally(a), tally(b))` equals `tally([...a, ...b])`.
 * Missing counts add up too, and so do the weight sums of weighted tallies (which merge only
 * with weighted tallies).
 *
 * @param tallies - One or more tallies, all on the same scale.
 * @returns A new tally; the inputs are not changed.
 * @throws {@link MetricsInputError} if no tally is given, the scales differ, or a count is not a
 *   whole number ≥ 0.
 * @throws {@link MetricsTypeError} if a weighted tally is merged with an unweighted one.
 * @example
 * ```ts
 * import { mergeTallies, tally } from "cxmetrics";
 * const monday = tally([9, 10, 6], { scale: [0, 10] });
 * const tuesday = tally([8, 10], { scale: [0, 10] });
 * mergeTallies(monday, tuesday).counts; // [0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 2]
 * ```
 *
 * @category Tallies
 */
export function mergeTallies(...tallies: readonly Tally[]): Tally {
  if (tallies.length === 0) throw new MetricsInputError("EMPTY_INPUT", "tallies", tallies, "at least one tally");
  const first = assertTally(assertObjectArg(tallies[0], "tallies[0]"), "tallies[0]");
  const [min, max] = first.scale;
  const counts = first.counts.slice();
  const weights = first.weights?.slice();
  const squaredWeights = first.squaredWeights?.slice();
  let missing = first.missing ?? 0;
  // Invalid counts add up where any tally kept them (onInvalid: "skip").
  let invalid = first.invalid;
  for (let t = 1; t < tallies.length; t++) {
    const next = assertTally(assertObjectArg(tallies[t], `tallies[${t}]`), `tallies[${t}]`);
    if (next.scale[0] !== min || next.scale[1] !== max) {
      throw new MetricsInputError("OUT_OF_RANGE", `tallies[${t}].scale`, next.scale, `the same scale as tallies[0], [${min}, ${max}]`);
    }
    if ((next.weights === undefined) !== (weights === undefined)) {
      const kind = weights === undefined ? "an unweighted" : "a weighted";
      throw new MetricsTypeError("INVALID_TYPE", `tallies[${t}]`, next, `${kind} tally, as tallies[0] is`);
    }
    for (let i = 0; i < counts.length; i++) counts[i]! += next.counts[i]!;
    if (weights !== undefined && squaredWeights !== undefined) {
      for (let i = 0; i < counts.length; i++) {
        weights[i]! += next.weights![i]!;
        squaredWeights[i]! += next.squaredWeights![i]!;
      }
    }
    missing += next.missing ?? 0;
    if (next.invalid !== undefined) invalid = (invalid ?? 0) + next.invalid;
  }
  // Each tally is exact on its own; their sum must be too.
  assertExactTotal(
    counts.reduce((a, b) => a + b, missing + (invalid ?? 0)),
    "tallies",
    `${tallies.length} tallies`,
  );
  const skipped = invalid === undefined ? { missing } : { missing, invalid };
  return weights === undefined
    ? { scale: [min, max], counts, ...skipped }
    : { scale: [min, max], counts, ...skipped, weights, squaredWeights };
}

function assertObjectArg(value: unknown, argument: string): object {
  if (typeof value !== "object" || value === null) throw new MetricsTypeError("INVALID_TYPE", argument, value, "a tally { scale, counts }");
  return value;
}
