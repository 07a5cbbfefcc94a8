import { symmetricInterval } from "../_lib/math.ts";
import { npsCounts } from "../_lib/npsCounts.ts";
import { adjustedNpsMoments, tangoInterval, waldNpsMoments } from "../_lib/npsInterval.ts";
import { readOptions } from "../_lib/options.ts";
import { assertOneOf, confidenceOption } from "../_lib/validate.ts";
import type { Estimate, Interval } from "../shapes.ts";
import { zForConfidence } from "../stats/normal.ts";
import type { NpsScaleOptions } from "./classify.ts";
import type { NpsCounts, NpsInput } from "./nps.ts";

/**
 * The interval methods of {@link npsSummary}, the default first.
 *
 * @example
 * ```ts
 * import { NPS_INTERVAL_METHODS, npsSummary } from "cxmetrics";
 * for (const method of NPS_INTERVAL_METHODS) console.log(method, npsSummary([10, 9, 3], { method }).interval);
 * ```
 *
 * @category NPS
 */
export const NPS_INTERVAL_METHODS = ["adjusted-wald", "wald", "score"] as const;

/**
 * How an NPS interval is computed: `"adjusted-wald"` (default), `"wald"` or `"score"` (Tango).
 *
 * @category NPS
 */
export type NpsIntervalMethod = (typeof NPS_INTERVAL_METHODS)[number];

/**
 * Options for {@link npsSummary}.
 *
 * @category NPS
 */
export interface NpsSummaryOptions extends NpsScaleOptions {
  /** Confidence level of the interval, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /** Interval method. Default `"adjusted-wald"`. */
  method?: NpsIntervalMethod;
}

const SUMMARY_OPTIONS = ["scale", "promoterFrom", "passiveFrom", "missing", "missingValues", "confidence", "method"] as const;

/**
 * The result of {@link npsSummary}: an {@link Estimate} in NPS points, with the group counts.
 *
 * @category NPS
 */
export interface NpsSummary extends Estimate<NpsIntervalMethod>, NpsCounts {
  /** The observed NPS, in points (−100..100). */
  readonly estimate: number;
  /** Each group's share of responses, fractions summing to 1. */
  readonly shares: NpsShares;
  /** Variance of one response's −100/0/+100 score, in points², as the method estimates it. */
  readonly variance: number;
  /** Missing values skipped (`missing: "skip"`); 0 otherwise. */
  readonly missing: number;
}

/**
 * Shares of responses per NPS group, fractions in [0, 1] summing to 1.
 *
 * @category NPS
 */
export interface NpsShares {
  /** Share of promoters. */
  readonly promoters: number;
  /** Share of passives. */
  readonly passives: number;
  /** Share of detractors. */
  readonly detractors: number;
}

/**
 * The Net Promoter Score with everything needed to judge it: counts, shares, variance, standard
 * error, margin of error and a confidence interval, all in points.
 *
 * Each response scores +100 (promoter), 0 (passive) or −100 (detractor); NPS is their mean.
 * With shares p (promoters) and d (detractors), the variance of one response is
 * 10⁴ · (p + d − (p − d)²) points². Methods:
 *
 * - `"adjusted-wald"` (default): add ¾ promoter, 1½ passives and ¾ detractor (n + 3), then
 *   centre ± z·√(var/(n + 3)) on the adjusted score. Rocks (2016) found it the most accurate
 *   across sample sizes, and Lewis & Sauro (2021) confirmed it on real survey data. Because the
 *   interval is centred on the adjusted score, pulled towards 0, at n = 1 or 2 it can exclude the
 *   observed score (one promoter: 100, interval −48.5 to 98.5): a single answer is weak evidence,
 *   and the interval says so.
 * - `"wald"`: score ± z·√(var/n). Poor for small n or extreme shares; included for comparison.
 * - `"score"`: Tango's (1998) score interval, which treats NPS as a difference of two
 *   proportions from one sample; solved numerically to 1e-12 points. `variance` and
 *   `standardError` are then the plain (Wald) ones and `marginOfError` half the interval width.
 *
 * All bounds are clipped to [−100, 100]. `variance`, `standardError` and `marginOfError` are
 * those of the method (adjusted ones for `"adjusted-wald"`); `estimate` is always the observed NPS.
 *
 * @param input - Raw scores, `{ promoters, passives, detractors }` or a {@link Tally}.
 * @param options - `confidence` (default 0.95), `method` (default `"adjusted-wald"`), and the
 *   scale and missing-value options of {@link nps}.
 * @throws {@link MetricsInputError} for no responses, an invalid score or count, a missing score
 *   (unless `missing: "skip"`), or a confidence outside (0, 1).
 * @throws {@link MetricsTypeError} for an unknown method or option, or input of the wrong type.
 * @see B. Rocks, "Interval Estimation for the Net Promoter Score", The American Statistician
 *   70(4), 2016, 365-372, doi:10.1080/00031305.2016.1158732.
 * @see T. Tango, "Equivalence test and confidence interval for the difference in proportions for
 *   the paired-sample design", Statistics in Medicine 17, 1998, 891-908.
 * @example
 * ```ts
 * import { npsSummary } from "cxmetrics";
 * const s = npsSummary({ promoters: 60, passives: 25, detractors: 15 });
 * s.estimate; // 45
 * s.interval; // { lower: 29.34..., upper: 58.03... } (adjusted-Wald, 95%)
 * npsSummary([10, 9, 7, 3], { method: "wald", confidence: 0.9 }).marginOfError;
 * ```
 *
 * @category NPS
 */
export function npsSummary(input: NpsInput, options?: NpsSummaryOptions): NpsSummary {
  const o = readOptions(options, "npsSummary", SUMMARY_OPTIONS);
  const confidence = confidenceOption(o.confidence);
  const method = assertOneOf(o.method, "options.method", NPS_INTERVAL_METHODS, "adjusted-wald");
  const counts = npsCounts(input, o);
  const { promoters, passives, detractors, missing } = counts;
  const n = promoters + passives + detractors;
  const z = zForConfidence(confidence);
  const observed = waldNpsMoments(counts);

  let variance: number;
  let standardError: number;
  let marginOfError: number;
  let interval: Interval;
  if (method === "score") {
    variance = observed.variance;
    standardError = Math.sqrt(variance / n);
    const t = tangoInterval(counts, z);
    interval = { lower: 100 * t.lower, upper: 100 * t.upper };
    marginOfError = (interval.upper - interval.lower) / 2;
  } else {
    const m = method === "wald" ? observed : adjustedNpsMoments(counts);
    variance = m.variance;
    standardError = Math.sqrt(m.variance / m.n);
    marginOfError = z * standardError;
    interval = symmetricInterval(m.centre, marginOfError, -100, 100);
  }
  return {
    estimate: observed.centre,
    n,
    standardError,
    marginOfError,
    interval,
    confidence,
    method,
    promoters,
    passives,
    detractors,
    shares: { promoters: promoters / n, passives: passives / n, detractors: detractors / n },
    variance,
    missing,
  };
}
