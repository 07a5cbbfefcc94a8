import { ceilCount } from "../_lib/core/math.ts";
import { readFields, readOptions } from "../_lib/core/options.ts";
import { assertFinite, assertFraction, confidenceOption } from "../_lib/core/validate.ts";
import { MetricsInputError } from "../errors.ts";
import { zForConfidence } from "../stats/normal.ts";

const NPS_SAMPLE_SIZE_FIELDS = ["marginOfError"] as const;
const NPS_SAMPLE_SIZE_OPTIONS = ["confidence", "promoters", "detractors"] as const;

/**
 * What {@link npsSampleSize} sizes a survey for.
 *
 * @category NPS
 */
export interface NpsPrecision {
  /** The ± margin of error wanted, in NPS points, from 1 to 100 (5 for ±5 points). */
  marginOfError: number;
}

/**
 * Options for {@link npsSampleSize}.
 *
 * @category NPS
 */
export interface NpsSampleSizeOptions {
  /** Confidence level, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /** Expected share of promoters, a fraction. Give with `detractors`; omit both for the worst case. */
  promoters?: number;
  /** Expected share of detractors, a fraction. */
  detractors?: number;
}

/**
 * How many responses a survey needs for its NPS to have a given ± margin of error, by inverting
 * the adjusted-Wald interval (the default of {@link npsSummary}):
 *
 * n = z² · var / MoE² − 3, rounded up, with var = 10⁴ · (p + d − (p − d)²) points² from the
 * expected shares p and d. Without expected shares it uses the worst case, var = 10⁴ (half
 * promoters, half detractors), which guarantees the margin whatever the shares turn out to be.
 * The result is at least 1.
 *
 * The margin is in points: 5 means ±5 points. A margin below 1 point is taken for a fraction
 * (0.05 for 5 points) and rejected with that hint, since it would ask for millions of responses.
 *
 * @param precision - `{ marginOfError }` in points, from 1 to 100.
 * @param options - `confidence` (default 0.95), and the expected `promoters` and `detractors`
 *   shares (fractions; both or neither).
 * @returns The number of completed responses needed (a whole number).
 * @throws {@link MetricsInputError} for a margin outside [1, 100], a confidence outside (0, 1),
 *   shares outside [0, 1] or summing above 1, or only one of the two shares.
 * @throws {@link MetricsTypeError} for an unknown field or option.
 * @see B. Rocks, The American Statistician 70(4), 2016 (the adjusted-Wald interval inverted here).
 * @example
 * ```ts
 * import { npsSampleSize } from "cxmetrics";
 * npsSampleSize({ marginOfError: 5 }); // 1534 (worst case, 95%)
 * npsSampleSize({ marginOfError: 5 }, { promoters: 0.5, detractors: 0.2 }); // 935
 * ```
 *
 * @category NPS
 */
export function npsSampleSize(precision: NpsPrecision, options?: NpsSampleSizeOptions): number {
  const moe = assertFinite(
    readFields(precision, "npsSampleSize", NPS_SAMPLE_SIZE_FIELDS, "precision").marginOfError,
    "precision.marginOfError",
  );
  if (!(moe >= 1 && moe <= 100)) {
    const hint = moe > 0 && moe < 1 ? ` (points, not a fraction: did you mean ${+(moe * 100).toPrecision(12)}?)` : "";
    throw new MetricsInputError("OUT_OF_RANGE", "precision.marginOfError", moe, `a margin in NPS points from 1 to 100${hint}`);
  }
  const o = readOptions(options, "npsSampleSize", NPS_SAMPLE_SIZE_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  let variance = 1; // worst case, as a fraction²: p = d = 1/2
  if (o.promoters !== undefined || o.detractors !== undefined) {
    if (o.promoters === undefined || o.detractors === undefined) {
      const missing = o.promoters === undefined ? "promoters" : "detractors";
      throw new MetricsInputError(
        "INVALID_OPTION",
        `options.${missing}`,
        undefined,
        "given together with the other expected share (or leave both out for the worst case)",
      );
    }
    const p = assertFraction(o.promoters, "options.promoters");
    const d = assertFraction(o.detractors, "options.detractors");
    if (p + d > 1) {
      throw new MetricsInputError("OUT_OF_RANGE", "options.detractors", d, `at most 1 − options.promoters (${1 - p})`);
    }
    variance = p + d - (p - d) ** 2;
  }
  const z = zForConfidence(confidence);
  // Finite and safe: z < 8.3 for any confidence below 1 in doubles, the variance is at most 1
  // (a fraction²) and the margin at least 1 point, so n < 7·10⁵.
  return ceilCount((z * z * variance * 10000) / (moe * moe) - 3);
}
