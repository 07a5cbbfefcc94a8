import { readOptions } from "../_lib/core/options.ts";
import { assertOneOf } from "../_lib/core/validate.ts";
import { isMissingCell } from "../_lib/read/cells.ts";
import { assertSpan, periodAt, periodIndex, type TimeReader, timeReader, timeUnitOption, timeZoneOption } from "../_lib/read/time.ts";
import { PERIOD_UNITS, type PeriodUnit, type TimeUnit } from "../types.ts";
import {
  addCounts,
  type Grouped,
  type GroupState,
  groupRecords,
  guardedComparison,
  type KeyReader,
  NO_KEY,
  type Plan,
  planMetrics,
  type ReadRules,
  readRules,
  rowSource,
  summarizeCounts,
  toGetter,
} from "./engine.ts";
import { type AnyMetric, METRICS, type Registry } from "./registry.ts";
import type { Accessor, MetricName, Metrics, PeriodEntries, RecordsInput, ReportOptions, Skipped } from "./spec.ts";

/**
 * Options for {@link trend}.
 *
 * @category Segments and trends
 */
export interface TrendOptions<R, M extends PropertyKey, Reg = Metrics> extends ReportOptions<R, M, Reg> {
  /**
   * When each response was given: a field or accessor giving a `Date`, epoch milliseconds (or
   * seconds with `timeUnit: "s"`), or an ISO 8601 string (`"2025-12-17"`,
   * `"2025-12-17T09:30:00Z"`, `"2025-12-17T09:30:00+09:00"`; a space may stand for the `T`).
   */
  time: Accessor<R>;
  /** Period length: `"day"`, `"week"` (ISO weeks from Monday), `"month"`, `"quarter"` or `"year"`. */
  every: PeriodUnit;
  /**
   * The IANA time zone whose calendar the periods follow (`"Asia/Tokyo"`). Default `"UTC"`, so
   * results never depend on the machine. Instants (`Z`, offsets, numbers, Dates) are converted to
   * it; a date or a time without an offset is taken as written, in that zone.
   */
  timeZone?: string;
  /** How numeric times are read: `"ms"` (default, epoch milliseconds) or `"s"` (epoch seconds). */
  timeUnit?: TimeUnit;
}

/**
 * One period of a {@link Trend}: its label, first day, record count, and per requested metric
 * the summary with its `change` from the previous period that has data.
 *
 * @category Segments and trends
 */
export type TrendPeriod<M extends keyof Reg, Reg = Metrics> = {
  /** Label: `2026-03-14`, `2026-W11`, `2026-03`, `2026-Q1` or `2026`. */
  readonly period: string;
  /** First day of the period, `YYYY-MM-DD`, in the report's time zone. */
  readonly start: string;
  /** Records in the period (0 for a period without records between the first and the last). */
  readonly n: number;
} & PeriodEntries<M, Reg>;

/**
 * The result of {@link trend}.
 *
 * @category Segments and trends
 */
export interface Trend<M extends keyof Reg, Reg = Metrics> {
  /** Every period from the first record's to the last's, in order, empty ones included (n: 0). */
  readonly periods: readonly TrendPeriod<M, Reg>[];
  /** What was skipped, split into missing and invalid, with the first row of each. */
  readonly skipped: Skipped<M>;
  /** The period length used. */
  readonly every: PeriodUnit;
  /** The time zone the periods follow. */
  readonly timeZone: string;
  /** The confidence level used. */
  readonly confidence: number;
  /** The fewest responses per side a change needed to be flagged. */
  readonly minN: number;
}

export const TREND_OPTIONS = [
  "time",
  "every",
  "timeZone",
  "timeUnit",
  "metrics",
  "confidence",
  "missing",
  "missingValues",
  "onInvalid",
  "minN",
] as const;

/**
 * The trend engine for any metric registry: {@link trend} is this with the built-in metrics.
 * Internal; exported for tests that add a metric.
 */
export function reportTrend<Reg extends { readonly [K in keyof Reg]: AnyMetric }, R, M extends keyof Reg & string>(
  registry: Reg,
  records: RecordsInput<R>,
  options: TrendOptions<R, M, Reg>,
): Trend<M, Reg>;
// As reportSegments: the loop builds entries by metric name; the overload states their shape.
export function reportTrend(
  registry: Registry,
  records: unknown,
  options: { readonly [K in (typeof TREND_OPTIONS)[number]]?: unknown },
): object {
  const o = readOptions(options, "trend", TREND_OPTIONS);
  const rules = readRules(o);
  const every = assertOneOf(o.every, "options.every", PERIOD_UNITS);
  const timeZone = timeZoneOption(o.timeZone);
  const reader = timeReader(timeZone, timeUnitOption(o.timeUnit));
  const plans = planMetrics(o.metrics, registry);
  const keys = timeKeys(o.time, reader, every, rules);
  const grouped = groupRecords(
    rowSource(records),
    keys,
    { field: typeof o.time === "string" ? o.time : undefined, option: "options.time", label: "time" },
    plans,
    rules,
  );
  return assembleTrend(grouped, plans, rules, every, timeZone);
}

/** The key reader of a trend: a record's time as the index of its period, or NO_KEY and why not. */
export function timeKeys(time: unknown, reader: TimeReader, every: PeriodUnit, rules: ReadRules): KeyReader {
  const getTime = toGetter(time, "options.time");
  const problem = { kind: "missing" as "missing" | "invalid", value: undefined as unknown, expected: "a time" };
  return {
    problem,
    read(record, i) {
      const v = getTime(record, i);
      const day = isMissingCell(v, rules.cells) ? "a time" : reader.dayOf(v);
      if (typeof day === "number") return periodIndex(day, every);
      problem.kind = day === "a time" ? "missing" : "invalid";
      problem.value = v;
      problem.expected = day;
      return NO_KEY;
    },
    shown: (index) => index,
  };
}

/** The trend from records grouped by period index: every period from the first to the last, in order. */
export function assembleTrend(grouped: Grouped, plans: readonly Plan[], rules: ReadRules, every: PeriodUnit, timeZone: string): object {
  const byIndex = new Map<number, GroupState>();
  for (const s of grouped.groups.values()) byIndex.set(s.key as number, s);
  const indexes = [...byIndex.keys()];
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  assertSpan(first, last, every);
  const empty = addCounts(plans, []);
  // The latest earlier period with data, per metric: its label and counts.
  const previous = plans.map((): { label: string; counts: number[] } | null => null);
  const periods: Record<string, unknown>[] = [];
  for (let index = first; index <= last; index++) {
    const { label, start } = periodAt(index, every);
    const state = byIndex.get(index);
    const period: Record<string, unknown> = { period: label, start, n: state?.n ?? 0 };
    plans.forEach((plan, j) => {
      const counts = state?.counts[j] ?? empty[j]!;
      const summary = summarizeCounts(plan, counts, rules.confidence);
      if (summary === null) {
        period[plan.name] = null;
        return;
      }
      const prev = previous[j];
      const vs = prev == null ? null : guardedComparison(plan, counts, prev.counts, rules);
      period[plan.name] = { ...summary, change: vs === null ? null : { ...vs, period: prev!.label } };
      previous[j] = { label, counts };
    });
    periods.push(period);
  }
  return { periods, skipped: grouped.skipped, every, timeZone, confidence: rules.confidence, minN: rules.minN };
}

/**
 * Metrics over time: one summary per calendar period, in order, each with its interval and the
 * change from the previous period that has data, with its significance.
 *
 * Records are grouped in one pass into tallies per period (days, ISO weeks from Monday, months,
 * quarters or years) of the calendar of `timeZone` (UTC by default: the result never depends on
 * the machine's zone). Every period from the first to the last is listed; one without records
 * has `n: 0` and null metrics. Each period's summary is exactly the metric's `*Summary` on its
 * responses; `change` tests it against the period it names (`compareNps`; for CSAT the
 * two-proportion z test, or Fisher's exact test where an expected count is below 5; Welch's t
 * for CES). Each change is tested on its own (no multiplicity correction), and is never
 * significant when either side has fewer than `minN` responses (`tooFew`).
 *
 * Times must be real: ISO 8601 strings (`"2025-02-30"` and `"Dec 17, 2025"` are errors), Dates,
 * or epoch milliseconds (`timeUnit: "s"` for seconds; a millisecond time before 1973 is taken
 * for seconds and rejected with that hint). Missing and invalid values are treated as in
 * {@link segmentReport}.
 *
 * @param records - An array (or any iterable) of records.
 * @param options - `time`, `every`, `metrics`, `timeZone` (default `"UTC"`), `timeUnit` (default `"ms"`),
 *   `confidence` (default 0.95), `missing`, `missingValues`, `onInvalid`, `minN` (default 30).
 * @returns `{ periods, skipped, every, timeZone, confidence, minN }`.
 * @throws {@link MetricsInputError} / {@link MetricsTypeError} for bad or unknown options, an
 *   unknown time zone, no records, everything skipped, a span of over 100,000 periods, and (by
 *   default) a record with a missing or invalid time or value.
 * @example
 * ```ts
 * import { trend } from "cxmetrics";
 * const records = [
 *   { at: "2026-01-05", ltr: 9 }, { at: "2026-01-20", ltr: 6 },
 *   { at: "2026-03-03", ltr: 10 }, { at: "2026-03-17", ltr: 9 },
 * ];
 * trend(records, { time: "at", every: "month", metrics: { nps: "ltr" } }).periods.map((p) => [p.period, p.n, p.nps?.estimate]);
 * // [["2026-01", 2, 0], ["2026-02", 0, undefined], ["2026-03", 2, 100]]
 * ```
 *
 * @category Segments and trends
 */
export function trend<R, M extends MetricName>(records: RecordsInput<R>, options: TrendOptions<R, M>): Trend<M> {
  return reportTrend(METRICS, records, options);
}
