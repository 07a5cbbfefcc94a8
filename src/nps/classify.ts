import { readOptions } from "../_lib/core/options.ts";
import { isOnScale, scoreError } from "../_lib/read/scales.ts";
import { type NpsScaleOptions, resolveBands } from "./counts.ts";

export type { NpsScaleOptions } from "./counts.ts";

const CLASSIFY_NPS_OPTIONS = ["scale", "promoterFrom", "passiveFrom"] as const;

/**
 * The three NPS groups.
 *
 * @category NPS
 */
export type NpsCategory = "promoter" | "passive" | "detractor";

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
