import { MetricsInputError } from "../errors.ts";
import { assertFinite, assertScale, optionsObject } from "../validate.ts";

/**
 * The three NPS groups.
 *
 * @category NPS
 */
export type NpsCategory = "promoter" | "passive" | "detractor";

/**
 * The scale of the likelihood-to-recommend question and where its groups begin.
 * The default is the standard 0-10 question: detractors 0-6, passives 7-8, promoters 9-10.
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
}

/**
 * Resolved, validated bands.
 *
 * @category NPS
 */
export interface NpsBands {
  readonly min: number;
  readonly max: number;
  readonly promoterFrom: number;
  readonly passiveFrom: number;
}

export const DEFAULT_NPS_SCALE: readonly [number, number] = [0, 10];

/**
 * Validate scale and band options once, at the boundary.
 *
 * @category NPS
 */
export function resolveBands(options: NpsScaleOptions | undefined, defaultScale = DEFAULT_NPS_SCALE): NpsBands {
  const o = optionsObject(options);
  const [min, max] = o.scale === undefined ? defaultScale : assertScale(o.scale, "options.scale");
  const promoterFrom = o.promoterFrom === undefined ? 9 : assertFinite(o.promoterFrom, "options.promoterFrom");
  const passiveFrom = o.passiveFrom === undefined ? 7 : assertFinite(o.passiveFrom, "options.passiveFrom");
  if (!(promoterFrom > min && promoterFrom <= max)) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "options.promoterFrom",
      promoterFrom,
      `a score on the scale above its minimum, in (${min}, ${max}]`,
    );
  }
  if (!(passiveFrom > min && passiveFrom <= promoterFrom)) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "options.passiveFrom",
      passiveFrom,
      `in (${min}, ${promoterFrom}]: above the scale minimum and at most options.promoterFrom`,
    );
  }
  return { min, max, promoterFrom, passiveFrom };
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
export function classifyNps(score: number, options?: NpsScaleOptions): NpsCategory {
  const bands = resolveBands(options);
  const s = assertFinite(score, "score");
  if (!Number.isInteger(s)) {
    throw new MetricsInputError("NOT_INTEGER", "score", s, `a whole number from ${bands.min} to ${bands.max}`);
  }
  if (s < bands.min || s > bands.max) {
    throw new MetricsInputError("OUT_OF_RANGE", "score", s, `a whole number from ${bands.min} to ${bands.max}`);
  }
  return s >= bands.promoterFrom ? "promoter" : s >= bands.passiveFrom ? "passive" : "detractor";
}
