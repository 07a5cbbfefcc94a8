export { segmentReport } from "./segmentReport.ts";
export type { Segment, SegmentKey, SegmentTallies, SegmentReport, SegmentReportOptions, VsRest, WithVsRest } from "./segmentReport.ts";
export { trend } from "./trend.ts";
export type { PeriodChange, Trend, TrendInterval, TrendOptions, TrendPeriod, WithChange } from "./trend.ts";
export { holmAdjust } from "./holm.ts";
export type { Accessor } from "./accessor.ts";
export type { OnInvalid, SkippedCounts } from "./group.ts";
export type { GroupComparison, MetricName, MetricSource, MetricSpec, MetricsSpec, MetricSummaries } from "./plan.ts";
