import { readOptions } from "../_lib/core/options.ts";
import { assertOneOf } from "../_lib/core/validate.ts";
import { timeReader, timeZoneOption } from "../_lib/read/time.ts";
import { MetricsInputError } from "../errors.ts";
import { planMetrics, readRules } from "../segments/engine.ts";
import { METRICS } from "../segments/registry.ts";
import {
  assembleSegments,
  SEGMENT_OPTIONS,
  type SegmentReport,
  type SegmentReportOptions,
  segmentKeys,
} from "../segments/segmentReport.ts";
import type { MetricName } from "../segments/spec.ts";
import { assembleTrend, TREND_OPTIONS, type Trend, type TrendOptions, trendKeys, trendShape } from "../segments/trend.ts";
import { PERIOD_UNITS } from "../types.ts";
import { EVERY_COLUMN, groupRows } from "./countRows.ts";

/**
 * The segment report from counts a database returned for {@link countsQuery}'s SQL: exactly
 * what `segmentReport` gives on the same records in memory (every summary, comparison, Holm
 * adjustment and skip count), except that skipped values have no first row (`firstMissing` and
 * `firstInvalid` are null: a database has no row order).
 *
 * Pass the `by` and `metrics` the query was written with, and the report's own options
 * (`confidence`, `missing`, `onInvalid`, `minN`). Rows with the same key add up, so the rows of
 * several queries (daily partitions, shards) can simply be concatenated. Counts may be numbers,
 * BigInts or strings of digits, as the drivers return them. Keys are read as record keys are: a
 * NULL or blank key is missing, and its records throw or are skipped by `missing`; a marker such
 * as `"NA"` is a key unless named in `keyMissingValues`; keys are trimmed, so `"APAC "` and
 * `"APAC"` rows add up.
 *
 * @param rows - The rows of the query's result, as objects keyed by column name.
 * @param options - As {@link segmentReport}: `by`, `metrics`, `confidence`, `missing`,
 *   `missingValues`, `onInvalid`, `minN`.
 * @returns A {@link SegmentReport}.
 * @throws {@link MetricsInputError} / {@link MetricsTypeError} for bad options, a row that is not
 *   countsQuery's (no `n`, counts that do not add up to it, a count that is not a whole number ≥ 0),
 *   and (by default) missing or invalid keys or values, naming the row and column.
 * @example
 * ```ts
 * import { segmentReportFromCounts } from "cxmetrics";
 * // What countsQuery({ table, dialect, by: "region", metrics: { nps: "ltr" } }) returned:
 * const counts = (p, m, d) => ({
 *   nps_0: d, nps_1: 0, nps_2: 0, nps_3: 0, nps_4: 0, nps_5: 0, nps_6: 0, nps_7: 0, nps_8: m,
 *   nps_9: 0, nps_10: p, nps_missing: 0, nps_invalid: 0, n: p + m + d,
 * });
 * const rows = [{ region: "north", ...counts(50, 30, 20) }, { region: "south", ...counts(30, 30, 40) }];
 * const report = segmentReportFromCounts(rows, { by: "region", metrics: { nps: "ltr" } });
 * report.segments.map((s) => s.nps?.estimate); // [30, -10]
 * ```
 *
 * @category Warehouse
 */
export function segmentReportFromCounts<M extends MetricName>(
  rows: readonly object[],
  options: SegmentReportOptions<Record<string, unknown>, M>,
): SegmentReport<M> {
  const o = readOptions(options, "segmentReportFromCounts", SEGMENT_OPTIONS);
  const rules = readRules(o);
  const plans = planMetrics(o.metrics, METRICS);
  const keys = segmentKeys(o.by, rules.keys);
  const grouped = groupRows(rows, keys, { column: typeof o.by === "string" ? o.by : undefined, label: "segment key" }, plans, rules);
  return assembleSegments(grouped, plans, rules) as SegmentReport<M>;
}

/**
 * The trend from counts a database returned for {@link countsQuery}'s SQL with `time` and
 * `every`: exactly what `trend` gives on the same records in memory (skipped values aside, which
 * have no first row, as in {@link segmentReportFromCounts}).
 *
 * Pass the `time`, `every`, `timeZone` and `metrics` the query was written with. The time column
 * of each row holds a day `YYYY-MM-DD` of the zone's calendar (the period's first day, as the
 * query writes it), and its `every` column the period the rows are by: the report's `every`, or
 * `"day"` (the `"ansi"` dialect's rows), which rolls up into any period exactly. Rows by another
 * period throw: weeks cannot be split between months. Rows from several queries add up.
 *
 * @param rows - The rows of the query's result.
 * @param options - As {@link trend}: `time`, `every`, `metrics`, `timeZone`, `confidence`,
 *   `missing`, `missingValues`, `onInvalid`, `minN`.
 * @returns A {@link Trend}.
 * @throws {@link MetricsInputError} / {@link MetricsTypeError} as {@link segmentReportFromCounts},
 *   for a period that is not a real date, and for rows by another period than `every` (or days).
 * @example
 * ```ts
 * import { trendFromCounts } from "cxmetrics";
 * const counts = (p, d) => ({
 *   nps_0: d, nps_1: 0, nps_2: 0, nps_3: 0, nps_4: 0, nps_5: 0, nps_6: 0, nps_7: 0, nps_8: 0,
 *   nps_9: 0, nps_10: p, nps_missing: 0, nps_invalid: 0, n: p + d,
 * });
 * const rows = [
 *   { at: "2026-01-01", every: "month", ...counts(40, 10) },
 *   { at: "2026-03-01", every: "month", ...counts(30, 20) },
 * ];
 * const t = trendFromCounts(rows, { time: "at", every: "month", metrics: { nps: "ltr" } });
 * t.periods.map((p) => [p.period, p.nps?.estimate ?? null]); // [["2026-01", 60], ["2026-02", null], ["2026-03", 20]]
 * ```
 *
 * @category Warehouse
 */
export function trendFromCounts<M extends MetricName>(
  rows: readonly object[],
  options: TrendOptions<Record<string, unknown>, M>,
): Trend<M> {
  const o = readOptions(options, "trendFromCounts", TREND_OPTIONS);
  if (o.dedupe !== undefined) {
    throw new MetricsInputError(
      "INVALID_OPTION",
      "options.dedupe",
      o.dedupe,
      "left out: counts carry no respondent ids (keep one response per respondent in the query's table, or use trend on the records)",
    );
  }
  const rules = readRules(o);
  const every = assertOneOf(o.every, "options.every", PERIOD_UNITS);
  const timeZone = timeZoneOption(o.timeZone);
  const shape = trendShape(o.window, o.smoothing);
  const plans = planMetrics(o.metrics, METRICS);
  const unit = shape.kind === "days" ? "day" : every;
  const { keys, segments, origin } = trendKeys(o.time, timeReader(timeZone, undefined), unit, rules, o.by);
  // Rows by day roll up into any period exactly; rows by another period would be counted whole in
  // one. A window in days needs rows by day.
  const checkEvery = (row: Record<string, unknown>, i: number) => {
    const rowUnit = row[EVERY_COLUMN];
    if (shape.kind === "days" && rowUnit !== "day") {
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        `rows[${i}].${EVERY_COLUMN}`,
        rowUnit,
        '"day": a window in days needs rows by day (countsQuery with every: "day", or the "ansi" dialect)',
      );
    }
    if (rowUnit !== every && rowUnit !== "day") {
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        `rows[${i}].${EVERY_COLUMN}`,
        rowUnit,
        `"${every}" (the report's every) or "day": the query and the report must be by the same period (pass both the same options)`,
      );
    }
  };
  const time = typeof o.time === "string" ? o.time : undefined;
  const grouped = groupRows(rows, keys, { column: time, label: "time" }, plans, rules, checkEvery);
  return assembleTrend(grouped, plans, rules, every, timeZone, {
    origin: origin(),
    shape,
    segments: o.by === undefined ? undefined : segments,
  }) as Trend<M>;
}
