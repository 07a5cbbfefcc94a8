import { readOptions } from "../_lib/core/options.ts";
import { weightsOf } from "../_lib/count/tallies.ts";
import type { ArrowVectorLike, Tally } from "../types.ts";
import type { NpsScaleOptions } from "./classify.ts";
import { NPS_READ_OPTIONS, type NpsCounts, npsCounts, weightedNpsEstimate } from "./counts.ts";

export type { NpsCounts } from "./counts.ts";

/**
 * What every NPS function accepts: raw likelihood-to-recommend scores (an array, a typed array or
 * an Arrow Vector; numeric strings are read as numbers), the three group counts, or a {@link Tally} of scores per
 * scale point.
 *
 * @category NPS
 */
export type NpsInput = ArrayLike<unknown> | ArrowVectorLike | NpsCounts | Tally;

/**
 * Options for {@link nps}: the scale and missing-value options, and survey weights.
 *
 * @category NPS
 */
export interface NpsOptions extends NpsScaleOptions {
  /**
   * `"throw"` (default) on an invalid score or weight (off the scale, a word, a negative weight),
   * or `"skip"` it with its pair and count it in the summary's `invalid`, as reports do.
   */
  onInvalid?: "throw" | "skip";
  /**
   * One weight per raw score, finite and ≥ 0 (a design weight, a raked weight, an account's
   * revenue): the NPS is then the weighted mean of the +100/0/−100 scores. A weight of 0 drops
   * its score; the weights must not all be 0. Only with raw scores: a weighted tally carries its own.
   */
  weights?: ArrayLike<number>;
}

const NPS_OPTIONS = [...NPS_READ_OPTIONS, "weights"] as const;

/**
 * The Net Promoter Score: the percentage of promoters minus the percentage of detractors.
 *
 * NPS = 100 × (promoters − detractors) / n, in points from −100 to 100. With `weights`, each
 * group counts with its total weight: 100 × (Σw promoters − Σw detractors) / Σw.
 *
 * @param input - Raw scores (array or typed array), `{ promoters, passives, detractors }`, or a
 *   {@link Tally}.
 * @param options - `scale` (default `[0, 10]`), `promoterFrom` (default 9), `passiveFrom` (default 7),
 *   `missing` (default `"throw"`), `missingValues`, `weights`.
 * @returns The score in points, −100..100.
 * @throws {@link MetricsInputError} for no responses, a score off the scale or not whole, a missing
 *   score (unless `missing: "skip"`), a count that is negative or fractional, or a weight that is
 *   negative or not finite, weights of another length than the scores, or weights all 0.
 * @throws {@link MetricsTypeError} for input of the wrong type or an unknown option.
 * @see F. F. Reichheld, "The One Number You Need to Grow", Harvard Business Review, Dec. 2003.
 * @example
 * ```ts
 * import { nps } from "cxmetrics";
 * nps([10, 9, 8, 7, 6, 3]); // 0: two promoters, two detractors
 * nps({ promoters: 50, passives: 30, detractors: 20 }); // 30
 * nps(["10", "9", "", "5"], { missing: "skip" }); // 33.33…: the blank is skipped
 * nps([10, 9, 3], { weights: [1, 1, 2] }); // 0: the detractor's weight equals the promoters'
 * ```
 *
 * @category NPS
 */
export function nps(input: NpsInput, options?: NpsOptions): number {
  const o = readOptions(options, "nps", NPS_OPTIONS);
  const { promoters, passives, detractors, weighted } = npsCounts(input, o, "input", weightsOf(o));
  if (weighted !== undefined) return weightedNpsEstimate(weighted);
  return (100 * (promoters - detractors)) / (promoters + passives + detractors);
}
