export { segmentReport } from "./segmentReport.js";
export type { Segment, SegmentKey, SegmentTallies, SegmentReport, SegmentReportOptions, VsRest, WithVsRest } from "./segmentReport.js";
export { trend } from "./trend.js";
export type { PeriodChange, Trend, TrendInterval, TrendOptions, TrendPeriod, WithChange } from "./trend.js";
export { holmAdjust } from "./holm.js";
export type { Accessor } from "./accessor.js";
export type { OnInvalid, SkippedCounts } from "./group.js";
export type { GroupComparison, MetricName, MetricSource, MetricSpec, MetricsSpec, MetricSummaries } from "./plan.js";
