/**
 * A lower and upper bound, in the units of the estimate it brackets.
 *
 * @category Shapes
 */
export interface Interval {
  /** The lower bound. */
  readonly lower: number;
  /** The upper bound. */
  readonly upper: number;
}

/**
 * What every summary reports (`npsSummary`, `csatSummary`, `cesSummary`, `proportionInterval`,
 * and each segment and period of a report): a point estimate with its uncertainty. Summaries add
 * their own fields (counts, shares, a mean) beside these.
 *
 * Units are the metric's, the same for `estimate`, `standardError`, `marginOfError` and
 * `interval`: NPS points (−100..100); a fraction in [0, 1] for CSAT and proportions; the
 * response scale for CES.
 *
 * @category Shapes
 */
export interface Estimate<Method extends string = string> {
  /** The point estimate: NPS in points, the share satisfied, the mean effort score. */
  readonly estimate: number;
  /** Responses (or trials) the estimate is computed from; missing values not counted. */
  readonly n: number;
  /** Standard error of the estimate, as the method estimates it. */
  readonly standardError: number;
  /**
   * The ± margin: z·SE (or t·SE) for the symmetric methods; for the others (score, Wilson,
   * exact intervals) half the interval's width.
   */
  readonly marginOfError: number;
  /** Confidence interval, clipped to the metric's range. */
  readonly interval: Interval;
  /** The confidence level used, in (0, 1). */
  readonly confidence: number;
  /** The interval method used. */
  readonly method: Method;
}

/**
 * What every two-sample comparison reports (`compareNps`, `compareCsat`, `compareCes`,
 * `compareProportions`, `compareMeans`, a segment against the rest, a period against an earlier
 * one). `difference`, `standardError` and `interval` are in the metric's unit.
 *
 * @category Shapes
 */
export interface Comparison<Method extends string = string> {
  /** First sample minus second, in the metric's unit. */
  readonly difference: number;
  /** Standard error of the difference, in the metric's unit. */
  readonly standardError: number;
  /** The test statistic: z for NPS and proportions, Welch's t for means. */
  readonly statistic: number;
  /** Two-sided p-value of the test of no difference. */
  readonly pValue: number;
  /** Confidence interval for the difference, in the metric's unit. */
  readonly interval: Interval;
  /** Whether the difference is significant at 1 − confidence (see each function for the rule). */
  readonly significant: boolean;
  /** The confidence level used. */
  readonly confidence: number;
  /** The test (and interval) method used. */
  readonly method: Method;
}

/**
 * What a function does with a missing response (`null`, `undefined`, `NaN`, a blank string, or
 * one of `missingValues`): `"throw"` (the default) or `"skip"` it and count it.
 *
 * @example
 * ```ts
 * import { MISSING_MODES, nps } from "cxmetrics";
 * nps([10, "", 3], { missing: MISSING_MODES[1] }); // 0
 * ```
 *
 * @category Shapes
 */
export const MISSING_MODES: readonly ["throw", "skip"] = /* @__PURE__ */ Object.freeze(["throw", "skip"] as const);

/**
 * One of {@link MISSING_MODES}.
 *
 * @category Shapes
 */
export type MissingMode = (typeof MISSING_MODES)[number];

/**
 * The strings read as missing when `missingValues` is not given. Blank strings are always missing.
 *
 * @example
 * ```ts
 * import { DEFAULT_MISSING_VALUES, nps } from "cxmetrics";
 * nps([10, "N/A", "unknown", 3], { missing: "skip", missingValues: [...DEFAULT_MISSING_VALUES, "unknown"] }); // 0
 * ```
 *
 * @category Shapes
 */
export const DEFAULT_MISSING_VALUES: readonly string[] = /* @__PURE__ */ Object.freeze(["NA", "N/A", "n/a", "-"]);

/**
 * The `weights` option of a comparison: one array of weights per sample, finite and ≥ 0, one
 * weight per raw response of that sample. Both samples are weighted or neither.
 *
 * @category Shapes
 */
export interface PairedWeights {
  /** Weights of the first sample's responses. */
  readonly a: ArrayLike<number>;
  /** Weights of the second sample's responses. */
  readonly b: ArrayLike<number>;
}

/**
 * A weighted tally of responses clustered by account: per scale point the count, Σw and Σw², and
 * per cluster its Σw at each scale point. What a report's clustered summaries read (see
 * `MetricDefinition.summarizeClustered`); summaries are the same for weights in any unit.
 *
 * @category Shapes
 */
export interface ClusteredTally extends Tally {
  /** Per scale point, the sum of the weights. */
  readonly weights: readonly number[];
  /** Per scale point, the sum of the squared weights. */
  readonly squaredWeights: readonly number[];
  /** Per cluster with a response, the sum of its weights at each scale point. */
  readonly clusterSums: readonly ArrayLike<number>[];
}

/**
 * The `cluster` option of a comparison: one array of cluster ids (accounts) per sample, one id
 * per raw response of that sample, for standard errors clustered by account.
 *
 * @category Shapes
 */
export interface PairedClusters {
  /** Cluster ids of the first sample's responses. */
  readonly a: ArrayLike<string | number>;
  /** Cluster ids of the second sample's responses. */
  readonly b: ArrayLike<string | number>;
}

/**
 * The period lengths of a trend, shortest first.
 *
 * @example
 * ```ts
 * import { PERIOD_UNITS } from "cxmetrics";
 * PERIOD_UNITS.length; // 5
 * ```
 *
 * @category Segments and trends
 */
export const PERIOD_UNITS: readonly ["day", "week", "month", "quarter", "year"] = /* @__PURE__ */ Object.freeze([
  "day",
  "week",
  "month",
  "quarter",
  "year",
] as const);

/**
 * One of {@link PERIOD_UNITS}.
 *
 * @category Segments and trends
 */
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/**
 * How numeric times are read: epoch milliseconds (default) or seconds.
 *
 * @example
 * ```ts
 * import { TIME_UNITS, trend } from "cxmetrics";
 * const rows = [{ created_at: 1735689600, score: 9 }]; // Delighted exports Unix seconds
 * trend(rows, { time: "created_at", timeUnit: TIME_UNITS[1], every: "month", metrics: { nps: "score" } }).periods[0]?.period; // "2025-01"
 * ```
 *
 * @category Segments and trends
 */
export const TIME_UNITS: readonly ["ms", "s"] = /* @__PURE__ */ Object.freeze(["ms", "s"] as const);

/**
 * One of {@link TIME_UNITS}.
 *
 * @category Segments and trends
 */
export type TimeUnit = (typeof TIME_UNITS)[number];

/**
 * Counts of responses per point of a discrete scale: an exact, complete and mergeable summary
 * of survey scores. `counts[i]` is the number of responses with score `scale[0] + i`.
 *
 * A tally is plain JSON (`JSON.parse(JSON.stringify(t))` is the same tally), so it can be built
 * in a worker, a stream or a warehouse query (`GROUP BY score`) and merged with
 * {@link mergeTallies}. Every metric that takes raw scores also takes a tally.
 *
 * @category Tallies
 */
export interface Tally {
  /** The scale `[min, max]` of whole numbers the counts cover. */
  readonly scale: readonly [number, number];
  /** `counts[i]` responses scored `scale[0] + i`; length `max - min + 1`. */
  readonly counts: readonly number[];
  /** Missing values skipped while counting (`missing: "skip"`); 0 or absent otherwise. */
  readonly missing?: number;
  /** Invalid values skipped while counting (`onInvalid: "skip"`); present only when they were skipped. */
  readonly invalid?: number;
  /**
   * A weighted tally only: `weights[i]` is the total weight Σw of the responses counted in
   * `counts[i]`. Present together with `squaredWeights`, or not at all.
   */
  readonly weights?: readonly number[];
  /** A weighted tally only: `squaredWeights[i]` is Σw² of the responses counted in `counts[i]`. */
  readonly squaredWeights?: readonly number[];
}

/**
 * What the library reads of an Apache Arrow Vector (`table.getChild("ltr")`): duck-typed, so
 * `apache-arrow` is not a dependency.
 *
 * @category Segments and trends
 */
export interface ArrowVectorLike {
  /** Its number of rows. */
  readonly length: number;
  /** Its number of nulls (missing values). */
  readonly nullCount: number;
  /** Its Arrow type: `typeId` tells integers, floats and dictionaries apart. */
  readonly type: {
    /** Arrow's type id. */
    readonly typeId: number;
  };
  /** Its chunks (one per record batch), each with its values, offset and dictionary. */
  readonly data: readonly unknown[];
  /** The value of one row, as Arrow reads it (null when missing). */
  get(index: number): unknown;
}

/**
 * A dictionary-encoded column: each row's value is `dictionary[codes[i]]`; a negative (or null)
 * code is a missing value. Read by code, so a repeated string is never decoded per row.
 *
 * @category Segments and trends
 */
export interface DictionaryColumn<T = unknown> {
  /** One code per row: an index into `dictionary`, or −1 (or null) for a missing value. */
  readonly codes: ArrayLike<number | null>;
  /** The distinct values. */
  readonly dictionary: ArrayLike<T>;
}
