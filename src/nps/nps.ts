import type { NpsScaleOptions } from "./classify.ts";
import { npsCounts, type NpsInput } from "./counts.ts";

/**
 * The Net Promoter Score: the percentage of promoters minus the percentage of detractors.
 *
 * NPS = 100 × (promoters − detractors) / n, in points from −100 to 100.
 *
 * @param input - Raw scores (array or typed array), `{ promoters, passives, detractors }`, or a
 *   {@link Tally}.
 * @param options - `scale` (default `[0, 10]`), `promoterFrom` (default 9), `passiveFrom` (default 7).
 * @returns The score in points, −100..100.
 * @throws {@link MetricsInputError} for no responses, a score off the scale or not whole, or a
 *   count that is negative or fractional.
 * @throws {@link MetricsTypeError} for input of the wrong type.
 * @see F. F. Reichheld, "The One Number You Need to Grow", Harvard Business Review, Dec. 2003.
 * @example
 * ```ts
 * import { nps } from "cxmetrics";
 * nps([10, 9, 8, 7, 6, 3]); // 0: two promoters, two detractors
 * nps({ promoters: 50, passives: 30, detractors: 20 }); // 30
 * nps(new Uint8Array([10, 10, 9, 5])); // 50
 * ```
 *
 * @category NPS
 */
export function nps(input: NpsInput, options?: NpsScaleOptions): number {
  const { promoters, passives, detractors } = npsCounts(input, options);
  return (100 * (promoters - detractors)) / (promoters + passives + detractors);
}
