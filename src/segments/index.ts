export { segmentReport } from "./segmentReport.ts";
export type { Segment, SegmentKey, SegmentReport, SegmentReportOptions } from "./segmentReport.ts";
export { trend } from "./trend.ts";
export type { PeriodUnit, TimeUnit, Trend, TrendOptions, TrendPeriod } from "./trend.ts";
export { holmAdjust } from "./holm.ts";
export type {
  Accessor,
  MetricDefinition,
  MetricName,
  Metrics,
  MetricSource,
  MetricsSpec,
  MetricTallies,
  PeriodComparison,
  PeriodEntries,
  ReportComparison,
  ReportOptions,
  RequestedMetric,
  SegmentComparison,
  SegmentEntries,
  SkipCount,
  Skipped,
  SummaryEntries,
} from "./spec.ts";
