import { readOptions } from "../_lib/options.ts";
import { compareCounts, proportionEstimate } from "../_lib/proportion.ts";
import { bandStart, DEFAULT_SCALES } from "../_lib/scales.ts";
import { countFrom, readScaleInput, tallyMoments } from "../_lib/tallies.ts";
import { assertOneOf, confidenceOption } from "../_lib/validate.ts";
import type { Comparison, Estimate, MissingMode } from "../shapes.ts";
import { PROPORTION_COMPARISON_METHODS, type ProportionComparisonMethod } from "../stats/compareProportions.ts";
import { PROPORTION_INTERVAL_METHODS, type ProportionIntervalMethod } from "../stats/proportionInterval.ts";
import type { Tally } from "../tally/tally.ts";

const CSAT_SUMMARY_OPTIONS = ["scale", "satisfiedFrom", "missing", "missingValues", "confidence", "method"] as const;
const COMPARE_CSAT_OPTIONS = ["scale", "satisfiedFrom", "missing", "missingValues", "confidence", "method"] as const;

/**
 * What the scale-based metrics (CSAT, CES) accept: raw responses (an array or typed array of
 * whole numbers on the scale; numeric strings are read as numbers), a {@link Tally}, or
 * `{ counts }`, the number of responses at each scale point from the lowest up, on the scale
 * given in the options.
 *
 * @category CSAT
 */
export type ScaleInput = ArrayLike<unknown> | Tally | ScaleCounts;

/**
 * Responses per scale point, lowest point first, on the scale given in the options.
 *
 * @category CSAT
 */
export interface ScaleCounts {
  /** `counts[i]` responses scored `min + i`; one whole number ≥ 0 per scale point. */
  readonly counts: ArrayLike<number>;
}

/**
 * Options for {@link csat}.
 *
 * @category CSAT
 */
export interface CsatOptions {
  /** The response scale `[min, max]`. Default `[1, 5]`. */
  scale?: readonly [number, number];
  /** The lowest score counted as satisfied. Default: the top two boxes, `max − 1` (4 on 1-5). */
  satisfiedFrom?: number;
  /** `"throw"` (default) on a missing response, or `"skip"` it and count it in `missing`. */
  missing?: MissingMode;
  /** Strings read as missing. Default `["NA", "N/A", "n/a", "-"]`; blanks are always missing. */
  missingValues?: readonly string[];
}

/**
 * Options for {@link csatSummary}.
 *
 * @category CSAT
 */
export interface CsatSummaryOptions extends CsatOptions {
  /** Confidence level of the interval, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /** Interval method for the share satisfied (see {@link proportionInterval}). Default `"wilson"`. */
  method?: ProportionIntervalMethod;
}

/**
 * Options for {@link compareCsat}.
 *
 * @category CSAT
 */
export interface CompareCsatOptions extends CsatOptions {
  /** Confidence level of the interval, and 1 − the significance level. Default 0.95. */
  confidence?: number;
  /** As {@link compareProportions}: `"newcombe"` (default), `"wald"` or `"fisher"` (exact, for small samples). */
  method?: ProportionComparisonMethod;
}

/**
 * The result of {@link csatSummary}: an {@link Estimate} of the share satisfied (fractions).
 *
 * @category CSAT
 */
export interface CsatSummary extends Estimate<ProportionIntervalMethod> {
  /** Share of responses satisfied, a fraction in [0, 1]. */
  readonly estimate: number;
  /** Number of satisfied responses. */
  readonly satisfied: number;
  /** Mean response, on the scale. */
  readonly mean: number;
  /** Missing values skipped (`missing: "skip"`); 0 otherwise. */
  readonly missing: number;
}

const CSAT_OPTIONS = ["scale", "satisfiedFrom", "missing", "missingValues"] as const;

/** The tally, its share satisfied and count. */
function satisfiedOf(input: unknown, o: Partial<CsatOptions>, argument = "responses") {
  const t = readScaleInput(input, o, DEFAULT_SCALES.csat, argument);
  const [min, max] = t.scale;
  const satisfiedFrom = bandStart(o.satisfiedFrom, max - 1, "options.satisfiedFrom", min, max);
  return { t, satisfied: countFrom(t, satisfiedFrom), n: tallyMoments(t).n };
}

/**
 * Customer Satisfaction Score: the share of responses at or above `satisfiedFrom` (the "top-2
 * box" on a 1-5 scale: 4 and 5), a fraction in [0, 1].
 *
 * CSAT = #(response ≥ satisfiedFrom) / n. Some vendors report the mean rating instead; that is
 * the `mean` of {@link csatSummary}.
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale` (default `[1, 5]`), `satisfiedFrom` (default `max − 1`), `missing`, `missingValues`.
 * @returns The share satisfied, a fraction.
 * @throws {@link MetricsInputError} for no responses, a response off the scale, a missing response
 *   (unless `missing: "skip"`), counts that are not whole numbers ≥ 0, or `satisfiedFrom` outside (min, max].
 * @throws {@link MetricsTypeError} for input of the wrong type or an unknown option (`threshold` is not one).
 * @see ACSI methodology; Qualtrics, "What is CSAT" (top-2-box definition).
 * @example
 * ```ts
 * import { csat } from "cxmetrics";
 * csat([5, 4, 3, 5, 2]); // 0.6
 * csat({ counts: [2, 3, 10, 40, 45] }); // 0.85 (counts for 1..5)
 * ```
 *
 * @category CSAT
 */
export function csat(responses: ScaleInput, options?: CsatOptions): number {
  const { satisfied, n } = satisfiedOf(responses, readOptions(options, "csat", CSAT_OPTIONS));
  return satisfied / n;
}

/**
 * CSAT with its confidence interval: an {@link Estimate} of the share satisfied, with the count
 * satisfied and the mean rating. The interval is Wilson's (or another {@link proportionInterval}
 * method); `standardError` is √(p(1 − p)/n) and `marginOfError` half the interval's width
 * (z·SE for `"wald"`).
 *
 * @param responses - Raw responses, a {@link Tally}, or `{ counts }` per scale point.
 * @param options - `scale`, `satisfiedFrom`, `missing`, `missingValues`, `confidence` (default 0.95),
 *   `method` (default `"wilson"`).
 * @returns `{ estimate, n, standardError, marginOfError, interval, confidence, method, satisfied, mean, missing }`;
 *   estimate and interval are fractions, mean is on the scale.
 * @throws {@link MetricsInputError} as {@link csat}, and for a confidence outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown method or option.
 * @see E. B. Wilson, "Probable inference, the law of succession, and statistical inference",
 *   JASA 22 (1927), 209-212.
 * @example
 * ```ts
 * import { csatSummary } from "cxmetrics";
 * csatSummary({ counts: [2, 3, 10, 40, 45] }).interval; // { lower: 0.7671..., upper: 0.9069... }
 * ```
 *
 * @category CSAT
 */
export function csatSummary(responses: ScaleInput, options?: CsatSummaryOptions): CsatSummary {
  const o = readOptions(options, "csatSummary", CSAT_SUMMARY_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const method = assertOneOf(o.method, "options.method", PROPORTION_INTERVAL_METHODS, "wilson");
  const { t, satisfied, n } = satisfiedOf(responses, o);
  const { successes, ...estimate } = proportionEstimate(satisfied, n, confidence, method);
  return { ...estimate, satisfied: successes, mean: tallyMoments(t).mean, missing: t.missing ?? 0 };
}

/**
 * Compares the CSAT (share satisfied) of two independent samples, a − b, as
 * {@link compareProportions} does on their satisfied counts: a {@link Comparison} in fractions.
 * Each sample is raw responses, a {@link Tally} or `{ counts }`, read with the same options.
 *
 * @param a - The first sample.
 * @param b - The second sample.
 * @param options - `scale`, `satisfiedFrom`, `missing`, `missingValues`, `confidence` (default 0.95),
 *   `method` (default `"newcombe"`; `"fisher"` for Fisher's exact test).
 * @throws {@link MetricsInputError} as {@link csat} for either sample, and for a confidence outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown method or option.
 * @see R. G. Newcombe, Statistics in Medicine 17 (1998), 873-890.
 * @example
 * ```ts
 * import { compareCsat } from "cxmetrics";
 * const r = compareCsat({ counts: [5, 5, 20, 80, 90] }, { counts: [10, 15, 30, 70, 75] });
 * r.difference; // 0.125 (0.85 − 0.725)
 * ```
 *
 * @category CSAT
 */
export function compareCsat(a: ScaleInput, b: ScaleInput, options?: CompareCsatOptions): Comparison<ProportionComparisonMethod> {
  const o = readOptions(options, "compareCsat", COMPARE_CSAT_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const method = assertOneOf(o.method, "options.method", PROPORTION_COMPARISON_METHODS, "newcombe");
  const sa = satisfiedOf(a, o, "a");
  const sb = satisfiedOf(b, o, "b");
  return compareCounts(sa.satisfied, sa.n, sb.satisfied, sb.n, confidence, method);
}
