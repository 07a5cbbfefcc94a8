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
  SkipCount,
  Skipped,
  SpecOptions,
  SummaryEntries,
  SummaryOf,
} from "./spec.ts";
export type { ParseTimeOptions, PeriodOfOptions } from "./time.ts";
export { parseTime, periodOf } from "./time.ts";
export type { Trend, TrendOptions, TrendPeriod } from "./trend.ts";
export { trend } from "./trend.ts";
