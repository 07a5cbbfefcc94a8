// What a result is, read from its shape: each result kind has fields no other has. Internal.
import { MetricsTypeError } from "../errors.ts";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number";

/** The kinds of result the charts and rows know. */
export type ResultKind = "nps" | "csat" | "ces" | "distribution" | "segments" | "trend" | "cohorts" | "projection";

/** The result kinds, for the error that lists them. */
const KINDS_TEXT =
  "a result of npsSummary, csatSummary, cesSummary, distribution, segmentReport, trend, segmentReportFromCounts, trendFromCounts, cohortRetention or projectRetention";

/** The kind of a result, or an error naming `argument`. */
export function kindOf(result: unknown, argument = "result"): ResultKind {
  if (Array.isArray(result)) {
    if (result.length > 0 && result.every((r) => isObject(r) && isNumber(r.period) && isNumber(r.survival) && isNumber(r.retention))) {
      return "projection";
    }
  } else if (isObject(result)) {
    if (Array.isArray(result.segments) && isObject(result.total) && isObject(result.skipped)) return "segments";
    if (Array.isArray(result.periods) && typeof result.every === "string" && isObject(result.skipped)) return "trend";
    if (Array.isArray(result.rows) && Array.isArray(result.matrix) && typeof result.every === "string") return "cohorts";
    if (Array.isArray(result.points) && isObject(result.topBox) && isObject(result.bottomBox)) return "distribution";
    if (isNumber(result.estimate) && isObject(result.interval)) {
      if (isNumber(result.promoters) && isNumber(result.passives) && isNumber(result.detractors) && isObject(result.shares)) return "nps";
      if (isNumber(result.satisfied) && isNumber(result.mean)) return "csat";
      if (isNumber(result.standardDeviation) && isNumber(result.agreeShare)) return "ces";
    }
  }
  throw new MetricsTypeError("INVALID_TYPE", argument, result, KINDS_TEXT);
}

/** What the charts and rows read of an estimate. */
export interface EstimateFields {
  readonly estimate: number;
  readonly interval: { readonly lower: number; readonly upper: number };
  readonly n: number;
  readonly standardError: number;
  readonly confidence: number;
  readonly method: string;
}

/** Whether a value has the fields of an estimate that the charts read, each of its type. */
export function isEstimate(v: unknown): v is EstimateFields {
  return (
    isObject(v) &&
    isNumber(v.estimate) &&
    isObject(v.interval) &&
    isNumber(v.interval.lower) &&
    isNumber(v.interval.upper) &&
    isNumber(v.n) &&
    isNumber(v.standardError) &&
    isNumber(v.confidence) &&
    typeof v.method === "string"
  );
}

/** An estimate's fields, read by shape, or an error naming `argument`. */
export function estimateOf(v: unknown, argument = "result"): EstimateFields {
  if (isEstimate(v)) return v;
  throw new MetricsTypeError("INVALID_TYPE", argument, v, "an estimate { estimate, interval, n, standardError, confidence, method }");
}

/** A metric's axis: its title with the unit, and the number format. */
export const METRIC_AXES: Record<string, { readonly name: string; readonly title: string; readonly format: string }> = {
  nps: { name: "NPS", title: "NPS (points)", format: ".0f" },
  csat: { name: "CSAT", title: "CSAT (share satisfied)", format: ".0%" },
  ces: { name: "CES", title: "CES (scale points)", format: ".1f" },
};

/** A value in the metric's unit, for a title: 45.2, 85.1%, 5.63. */
export function shown(metric: string, x: number): string {
  if (metric === "csat") return `${(100 * x).toFixed(1)}%`;
  return metric === "ces" ? x.toFixed(2) : x.toFixed(1);
}

/** A report's metrics, in the order the library lists them. */
export function metricsOf(entries: Record<string, unknown>): string[] {
  return Object.keys(entries).filter((k) => !NOT_METRICS.has(k) && (entries[k] === null || isObject(entries[k])));
}

/** The fields of a report entry that are not metrics: counts, tallies, a trend's window. */
const NOT_METRICS = new Set(["n", "tallies", "window", "dropped"]);

/** The metric to draw: the option, if the report has it, or the first the report has. */
export function chooseMetric(available: readonly string[], metric: string | undefined): string {
  if (metric === undefined) {
    if (available.length === 0) throw new MetricsTypeError("INVALID_TYPE", "result", available, "a report with at least one metric");
    return available[0]!;
  }
  if (!available.includes(metric)) {
    throw new MetricsTypeError(
      "INVALID_OPTION",
      "options.metric",
      metric,
      `one of the report's metrics: ${available.map((m) => JSON.stringify(m)).join(", ")}`,
    );
  }
  return metric;
}

/** A segment key as a label: nested keys joined with " · ". */
export function keyLabel(key: unknown): string {
  return Array.isArray(key) ? key.map(String).join(" · ") : String(key);
}
