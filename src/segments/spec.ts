// Public types shared by segmentReport and trend: accessors, metric specs, skip counts and the
// comparison entries. They are generic over the metric registry they are generated from.
import type { AnyMetric, ComparisonOf, MetricDefinition, Metrics, OptionsOf, SummaryOf } from "../_lib/metrics.ts";
import type { MissingMode } from "../_lib/cells.ts";
import type { Tally } from "../tally/tally.ts";

export type { MetricDefinition, Metrics };

/**
 * A field name of the record, or a function that reads a value from it (d3 style). With typed
 * records the field name must be one of the record's keys.
 *
 * @category Segments and trends
 */
export type Accessor<R> = (keyof R & string) | ((record: R, index: number) => unknown);

/**
 * Where a metric's values come from, with the options of its summary beside it.
 *
 * @category Segments and trends
 */
export interface MetricSource<R> {
  /** The field name or accessor of the metric's value. */
  value: Accessor<R>;
}

/**
 * Which metrics to compute, each from which field: a field name or accessor, or
 * `{ value, ...options }` with the options of the metric's summary function (less `confidence`
 * and the missing-value options, which are the report's). Unknown metrics and options throw.
 *
 * @category Segments and trends
 */
export type MetricsSpec<R, Reg = Metrics> = {
  readonly [K in keyof Reg]?: Accessor<R> | (MetricSource<R> & OptionsOf<Reg[K]>);
};

/**
 * The names of the built-in metrics: `"nps"`, `"csat"`, `"ces"`.
 *
 * @category Segments and trends
 */
export type MetricName = keyof Metrics & string;

/**
 * The metrics a spec requests, and those it may request.
 *
 * @category Segments and trends
 */
export type RequestedMetric<S> = { [K in keyof S]-?: {} extends Pick<S, K> ? never : K }[keyof S];

/**
 * What a report skipped, of one kind (record keys or times, or one metric's values).
 *
 * @category Segments and trends
 */
export interface SkipCount {
  /** Values that were missing (`null`, blank, a marker), skipped with `missing: "skip"`. */
  readonly missing: number;
  /** Values that were invalid (off the scale, a word), skipped with `onInvalid: "skip"`. */
  readonly invalid: number;
  /** Index of the first record with a missing value, or null. */
  readonly firstMissing: number | null;
  /** Index of the first record with an invalid value, or null. */
  readonly firstInvalid: number | null;
}

/**
 * What a report skipped: whole records (a missing or invalid segment key or time, or a record
 * that is not an object) and, per metric, single values.
 *
 * @category Segments and trends
 */
export type Skipped<M extends PropertyKey> = { readonly records: SkipCount } & { readonly [K in M]: SkipCount };

/**
 * The options every report shares.
 *
 * @category Segments and trends
 */
export interface ReportOptions<R, S> {
  /** Which metrics from which fields. */
  metrics: S & MetricsSpec<R>;
  /** Confidence level of intervals and tests, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /**
   * `"throw"` (default) on a missing key, time or value (`null`, `undefined`, `NaN`, a blank, a
   * marker in `missingValues`), or `"skip"` it and count it in `skipped`.
   */
  missing?: MissingMode;
  /** Strings read as missing. Default `["NA", "N/A", "n/a", "-"]`; blanks are always missing. */
  missingValues?: readonly string[];
  /** `"throw"` (default) on an invalid key, time or value (off the scale, a word), or `"skip"` it and count it. */
  onInvalid?: "throw" | "skip";
  /**
   * The fewest responses each side of a comparison needs before it can be flagged significant.
   * Default 30: below it the test still runs, but `significant` is false and `tooFew` true.
   */
  minN?: number;
}

/**
 * A comparison inside a report, with the small-sample guard: `significant` is false whenever
 * `tooFew` is true.
 *
 * @category Segments and trends
 */
export type ReportComparison<C> = C & {
  /** Whether a side has fewer than `minN` responses (then never significant). */
  readonly tooFew: boolean;
};

/**
 * A segment's comparison with the rest of the sample; `significant` uses `adjustedPValue`.
 *
 * @category Segments and trends
 */
export type SegmentComparison<C> = ReportComparison<C> & {
  /** Holm-adjusted p-value across the segments of this metric. */
  readonly adjustedPValue: number;
};

/**
 * A period's comparison with the period it names (the previous one with data for the metric).
 *
 * @category Segments and trends
 */
export type PeriodComparison<C> = ReportComparison<C> & {
  /** The label of the period compared with. */
  readonly period: string;
};

/** Internal helper: a metric's definition in a registry. */
type Def<Reg, K> = K extends keyof Reg ? (Reg[K] extends AnyMetric ? Reg[K] : never) : never;

/**
 * Per requested metric, its summary with `vsRest` (null when the segment has no valid response
 * for it).
 *
 * @category Segments and trends
 */
export type SegmentEntries<S, Reg = Metrics> = {
  readonly [K in RequestedMetric<S> & keyof Reg]: (SummaryOf<Def<Reg, K>> & { readonly vsRest: SegmentComparison<ComparisonOf<Def<Reg, K>>> | null }) | null;
} & {
  readonly [K in Exclude<keyof S, RequestedMetric<S>> & keyof Reg]?: (SummaryOf<Def<Reg, K>> & { readonly vsRest: SegmentComparison<ComparisonOf<Def<Reg, K>>> | null }) | null;
};

/**
 * Per requested metric, its summary with `change` (null when the period has no valid response for it).
 *
 * @category Segments and trends
 */
export type PeriodEntries<S, Reg = Metrics> = {
  readonly [K in RequestedMetric<S> & keyof Reg]: (SummaryOf<Def<Reg, K>> & { readonly change: PeriodComparison<ComparisonOf<Def<Reg, K>>> | null }) | null;
} & {
  readonly [K in Exclude<keyof S, RequestedMetric<S>> & keyof Reg]?: (SummaryOf<Def<Reg, K>> & { readonly change: PeriodComparison<ComparisonOf<Def<Reg, K>>> | null }) | null;
};

/**
 * Per requested metric, its summary alone (null when there is no valid response for it).
 *
 * @category Segments and trends
 */
export type SummaryEntries<S, Reg = Metrics> = {
  readonly [K in RequestedMetric<S> & keyof Reg]: SummaryOf<Def<Reg, K>> | null;
} & {
  readonly [K in Exclude<keyof S, RequestedMetric<S>> & keyof Reg]?: SummaryOf<Def<Reg, K>> | null;
};

/**
 * The tallies of a group, one per requested metric.
 *
 * @category Segments and trends
 */
export type MetricTallies<S> = { readonly [K in keyof S]: Tally };
