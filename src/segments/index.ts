export type { DedupeOptions, DedupeSummary, SegmentDedupeOptions } from "./dedupe.ts";
export { holmAdjust } from "./holm.ts";
export type { Segment, SegmentKey, SegmentReport, SegmentReportOptions } from "./segmentReport.ts";
export { segmentReport } from "./segmentReport.ts";
export type {
  Accessor,
  ArrowTableLike,
  ArrowVectorLike,
  Columns,
  ComparisonOf,
  DictionaryColumn,
  MetricDefinition,
  MetricName,
  MetricSource,
  Metrics,
  MetricsSpec,
  MetricTallies,
  OptionsOf,
  PeriodComparison,
  PeriodEntries,
  RecordsInput,
  ReportComparison,
  ReportOptions,
  SegmentComparison,
  SegmentEntries,
  SegmentPeriodComparison,
  SegmentPeriodEntries,
  SkipCount,
  Skipped,
  SpecOptions,
  SummaryEntries,
  SummaryOf,
  TrendWindowSpan,
} from "./spec.ts";
export type { ParseTimeOptions, PeriodOfOptions } from "./time.ts";
export { parseTime, periodOf } from "./time.ts";
export type {
  Trend,
  TrendEntryFields,
  TrendOptions,
  TrendPeriod,
  TrendSegment,
  TrendSegmentPeriod,
  TrendSmoothing,
  TrendWindow,
} from "./trend.ts";
export { trend } from "./trend.ts";
