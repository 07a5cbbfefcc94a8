// Public types shared by segmentReport and trend: accessors, metric specs, skip counts and the
// comparison entries. They are generic over the metric registry they are generated from.
import type { CesSummary, CesSummaryOptions } from "../ces/ces.ts";
import type { CsatSummary, CsatSummaryOptions } from "../csat/csat.ts";
import type { CompareNpsMethod } from "../nps/compare.ts";
import type { NpsSummary, NpsSummaryOptions } from "../nps/summary.ts";
import type { ArrowVectorLike, ClusteredTally, Comparison, DictionaryColumn, Estimate, MissingMode, Tally } from "../types.ts";

export type { ArrowVectorLike, DictionaryColumn } from "../types.ts";

import type { MeanComparison } from "../stats/compareMeans.ts";
import type { ProportionComparisonMethod } from "../stats/compareProportions.ts";

/**
 * One metric of a report, as the registry that `segmentReport` and `trend` are generated from
 * holds it: its default scale, the options a metric spec may carry beside `value`, how a tally
 * becomes its summary, and how two tallies are compared.
 *
 * @category Segments and trends
 */
export interface MetricDefinition<O extends object, S extends Estimate, C extends Comparison> {
  /** The scale used when the spec gives none. */
  readonly defaultScale: readonly [number, number];
  /** The options a spec may carry beside `value`. */
  readonly options: readonly (keyof O & string)[];
  /** The summary of a tally with at least one response. */
  summarize(t: Tally, options: O, confidence: number): S;
  /** a − b, or null when the test is undefined for these tallies (too few responses, no variance). */
  compare(a: Tally, b: Tally, options: O, confidence: number): C | null;
  /** The summary of responses clustered by account (a spec with `cluster`); a metric without it refuses `cluster`. */
  summarizeClustered?(t: ClusteredTally, options: O, confidence: number): S;
  /** a − b of two samples clustered by account, or null when the test is undefined. */
  compareClustered?(a: ClusteredTally, b: ClusteredTally, options: O, confidence: number): C | null;
}

/**
 * The options of a metric spec: the summary function's, less `confidence` and the missing-value
 * options, which belong to the report.
 *
 * @category Segments and trends
 */
export type SpecOptions<T> = Omit<T, "confidence" | "missing" | "missingValues" | "weights" | "cluster">;

/**
 * The built-in metrics of a report: NPS, CSAT and CES, each with its spec options, summary and
 * comparison types.
 *
 * @category Segments and trends
 */
export interface Metrics {
  /** Likelihood to recommend: {@link npsSummary}, compared with {@link compareNps}. */
  readonly nps: MetricDefinition<SpecOptions<NpsSummaryOptions>, NpsSummary, Comparison<CompareNpsMethod>>;
  /** Satisfaction: {@link csatSummary}, compared as two proportions (Fisher's exact test for small expected counts). */
  readonly csat: MetricDefinition<SpecOptions<CsatSummaryOptions>, CsatSummary, Comparison<ProportionComparisonMethod>>;
  /** Effort: {@link cesSummary}, compared with Welch's t test. */
  readonly ces: MetricDefinition<SpecOptions<CesSummaryOptions>, CesSummary, MeanComparison>;
}

/**
 * The spec options of a metric definition.
 *
 * @category Segments and trends
 */
export type OptionsOf<D> = D extends MetricDefinition<infer O, Estimate, Comparison> ? O : never;

/**
 * The summary type of a metric definition.
 *
 * @category Segments and trends
 */
export type SummaryOf<D> = D extends MetricDefinition<object, infer S, Comparison> ? S : never;

/**
 * The comparison type of a metric definition.
 *
 * @category Segments and trends
 */
export type ComparisonOf<D> = D extends MetricDefinition<object, Estimate, infer C> ? C : never;

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
  /**
   * The field name or accessor of each value's survey weight (finite, ≥ 0; 0 drops the value).
   * Summaries and comparisons are then weighted (see {@link npsSummary}), every summary reports
   * `effectiveN` and `designEffect`, and each segment's tallies are weighted tallies that merge.
   * A missing or invalid weight is skipped or throws as a missing or invalid value does.
   */
  weight?: Accessor<R>;
  /**
   * The field name or accessor of each value's cluster (its account: a string or a finite
   * number). Standard errors and comparisons are then clustered by account, as R survey's
   * `svydesign(ids = ~account, weights = ~w)`; a missing id is skipped or throws as a missing
   * value does.
   */
  cluster?: Accessor<R>;
}

/**
 * Which metrics to compute, each from which field: a field name or accessor, or
 * `{ value, ...options }` with the options of the metric's summary function (less `confidence`
 * and the missing-value options, which are the report's). `M` is the names of the metrics asked
 * for; unknown metrics and options throw.
 *
 * @category Segments and trends
 */
export type MetricsSpec<R, M extends PropertyKey = MetricName, Reg = Metrics> = {
  readonly [K in M]?: Accessor<R> | (MetricSource<R> & (K extends keyof Reg ? OptionsOf<Reg[K]> : never));
};

/**
 * The names of the built-in metrics: `"nps"`, `"csat"`, `"ces"`.
 *
 * @category Segments and trends
 */
export type MetricName = keyof Metrics & string;

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
export type Skipped<M extends PropertyKey> = {
  /** Records dropped whole: a missing or invalid key or time, or a record that is not an object. */
  readonly records: SkipCount;
} & { readonly [K in M]: SkipCount };

/**
 * The options every report shares.
 *
 * @category Segments and trends
 */
export interface ReportOptions<R, M extends PropertyKey, Reg = Metrics> {
  /** Which metrics from which fields. */
  metrics: MetricsSpec<R, M, Reg>;
  /** Confidence level of intervals and tests, a fraction in (0, 1). Default 0.95. */
  confidence?: number;
  /**
   * `"throw"` (default) on a missing key, time or value (`null`, `undefined`, `NaN`, a blank; for
   * values and times, a marker in `missingValues`), or `"skip"` it and count it in `skipped`.
   */
  missing?: MissingMode;
  /**
   * Strings read as missing in values and times. Default `["NA", "N/A", "n/a", "-"]`; blanks are
   * always missing. Never applied to segment keys: `"NA"` is North America (see
   * `keyMissingValues` of `segmentReport`).
   */
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
  /** The label of the period compared with (in a windowed trend, the last period of the window compared with). */
  readonly period: string;
  /** In a windowed trend, the window compared with: the previous one that does not overlap. */
  readonly window?: TrendWindowSpan;
};

/**
 * The window a windowed trend's entry covers: the responses pooled into its metrics.
 *
 * @category Segments and trends
 */
export interface TrendWindowSpan {
  /** Its first day, `YYYY-MM-DD`. */
  readonly start: string;
  /** Its last day, `YYYY-MM-DD`. */
  readonly end: string;
  /** The label of its first period (the period holding `start`). */
  readonly first: string;
  /** The label of its last period (the period holding `end`). */
  readonly last: string;
  /** False when it starts before the first period with records: it pools fewer periods than asked. */
  readonly complete: boolean;
}

/**
 * A segment's change in a trend by segment: `significant` uses `adjustedPValue`.
 *
 * @category Segments and trends
 */
export type SegmentPeriodComparison<C> = PeriodComparison<C> & {
  /** Holm-adjusted p-value across the segments' changes in this period, for this metric. */
  readonly adjustedPValue: number;
};

/**
 * Per requested metric, its summary with `vsRest` (null when the segment has no valid response
 * for it).
 *
 * @category Segments and trends
 */
export type SegmentEntries<M extends keyof Reg, Reg = Metrics> = {
  readonly [K in M]:
    | (SummaryOf<Reg[K]> & {
        /** The segment against all other responses; null when untestable (no other responses, too few for the test). */
        readonly vsRest: SegmentComparison<ComparisonOf<Reg[K]>> | null;
      })
    | null;
};

/**
 * Per requested metric, its summary with `change` (null when the period has no valid response for it).
 *
 * @category Segments and trends
 */
export type PeriodEntries<M extends keyof Reg, Reg = Metrics> = {
  readonly [K in M]:
    | (SummaryOf<Reg[K]> & {
        /** Against the previous period with data for the metric (named in `period`); null for the first, or when untestable. */
        readonly change: PeriodComparison<ComparisonOf<Reg[K]>> | null;
      })
    | null;
};

/**
 * Per requested metric, a segment's summary in a period with its `change` (null when the segment
 * has no valid response for it in the period).
 *
 * @category Segments and trends
 */
export type SegmentPeriodEntries<M extends keyof Reg, Reg = Metrics> = {
  readonly [K in M]:
    | (SummaryOf<Reg[K]> & {
        /** Against the segment's previous period (or window) with data; Holm-adjusted across segments. */
        readonly change: SegmentPeriodComparison<ComparisonOf<Reg[K]>> | null;
      })
    | null;
};

/**
 * Per requested metric, its summary alone (null when there is no valid response for it).
 *
 * @category Segments and trends
 */
export type SummaryEntries<M extends keyof Reg, Reg = Metrics> = { readonly [K in M]: SummaryOf<Reg[K]> | null };

/**
 * The tallies of a group, one per requested metric.
 *
 * @category Segments and trends
 */
export type MetricTallies<M extends PropertyKey> = { readonly [K in M]: Tally };

/**
 * What the library reads of an Apache Arrow Table (what DuckDB, Polars and arquero hand over):
 * its rows, its fields' names, and each column by name.
 *
 * @category Segments and trends
 */
export interface ArrowTableLike {
  /** Its number of rows. */
  readonly numRows: number;
  /** Its schema: the names of its columns. */
  readonly schema: {
    /** One field per column. */
    readonly fields: readonly {
      /** The column's name. */
      readonly name: string;
    }[];
  };
  /** The column with this name, an {@link ArrowVectorLike}. */
  getChild(name: string): unknown;
}

/**
 * A table held as columns, one per field, all of the same length: arrays, typed arrays
 * (`Uint8Array` scores), dictionary codes, or Arrow Vectors.
 *
 * @category Segments and trends
 */
export type Columns<R> = { readonly [K in keyof R]: ArrayLike<R[K]> | DictionaryColumn<R[K]> | ArrowVectorLike };

/**
 * What a report reads: an array (or iterable) of records, a table of {@link Columns}, or an
 * Arrow Table.
 *
 * @category Segments and trends
 */
export type RecordsInput<R> = ArrayLike<R> | Iterable<R> | Columns<R> | ArrowTableLike;
