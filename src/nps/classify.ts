import { resolveBands } from "../_lib/npsCounts.ts";
import { readOptions } from "../_lib/options.ts";
import { isOnScale, scoreError } from "../_lib/scales.ts";
import type { MissingMode } from "../shapes.ts";

const CLASSIFY_NPS_OPTIONS = ["scale", "promoterFrom", "passiveFrom"] as const;

/**
 * The three NPS groups.
 *
 * @category NPS
 */
export type NpsCategory = "promoter" | "passive" | "detractor";

/**
 * How likelihood-to-recommend scores are read: the scale, where its groups begin, and what to do
 * with missing values. The default is the standard 0-10 question: detractors 0-6, passives 7-8,
 * promoters 9-10.
 *
 * @category NPS
 */
export interface NpsScaleOptions {
  /** The response scale `[min, max]` of whole numbers. Default `[0, 10]`; some teams ask 1-10. */
  scale?: readonly [number, number];
  /** The lowest score counted as a promoter. Default 9. */
  promoterFrom?: number;
  /** The lowest score counted as a passive; scores below it are detractors. Default 7. */
  passiveFrom?: number;
  /**
   * `"throw"` (default) on a missing score (`null`, `undefined`, `NaN`, a blank string or one of
   * `missingValues`), or `"skip"` it and count it in the summary's `missing`.
   */
  missing?: MissingMode;
  /** Strings read as missing. Default `["NA", "N/A", "n/a", "-"]`; blank strings are always missing. */
  missingValues?: readonly string[];
}

/**
 * Classifies one likelihood-to-recommend score as promoter, passive or detractor.
 *
 * On the standard 0-10 scale: 9-10 promoter, 7-8 passive, 0-6 detractor (Reichheld 2003).
 * Other scales and breaks are options; a score off the scale is an error, never a silent
 * detractor.
 *
 * @param score - A whole number on the scale.
 * @param options - `scale` (default `[0, 10]`), `promoterFrom` (default 9), `passiveFrom` (default 7).
 * @returns `"promoter"`, `"passive"` or `"detractor"`.
 * @throws {@link MetricsInputError} if the score is not a whole number on the scale, or the bands do
 *   not fit the scale (`passiveFrom` ≤ `promoterFrom`, both above the minimum).
 * @throws {@link MetricsTypeError} for an unknown option.
 * @see F. F. Reichheld, "The One Number You Need to Grow", Harvard Business Review, Dec. 2003.
 * @example
 * ```ts
 * import { classifyNps } from "cxmetrics";
 * classifyNps(9); // "promoter"
 * classifyNps(7); // "passive"
 * classifyNps(1, { scale: [1, 10] }); // "detractor"
 * ```
 *
 * @category NPS
 */
export function classifyNps(score: number, options?: Pick<NpsScaleOptions, "scale" | "promoterFrom" | "passiveFrom">): NpsCategory {
  const bands = resolveBands(readOptions(options, "classifyNps", CLASSIFY_NPS_OPTIONS));
  if (!isOnScale(score, bands.min, bands.max)) throw scoreError(score, "score", bands.min, bands.max);
  return score >= bands.promoterFrom ? "promoter" : score >= bands.passiveFrom ? "passive" : "detractor";
}
