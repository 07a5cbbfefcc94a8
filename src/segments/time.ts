import { readOptions } from "../_lib/core/options.ts";
import { assertOneOf } from "../_lib/core/validate.ts";
import { periodAt, periodIndex, timeReader, timeUnitOption, timeZoneOption } from "../_lib/read/time.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { PERIOD_UNITS, type PeriodUnit, type TimeUnit } from "../types.ts";

/**
 * Options of {@link parseTime}.
 *
 * @category Segments and trends
 */
export interface ParseTimeOptions {
  /** The IANA zone a date or a wall-clock time without an offset is read in. Default `"UTC"`. */
  readonly timeZone?: string;
  /**
   * The unit of numeric times, and of epoch times written as digit strings: `"ms"` or `"s"`.
   * Numbers are milliseconds when it is not given; digit strings are then refused, since
   * "1741944600" does not say its unit.
   */
  readonly timeUnit?: TimeUnit;
}

/**
 * Options of {@link periodOf}.
 *
 * @category Segments and trends
 */
export interface PeriodOfOptions extends ParseTimeOptions {
  /** The period length: one of {@link PERIOD_UNITS}. */
  readonly every: PeriodUnit;
}

const PARSE_TIME_OPTIONS = ["timeZone", "timeUnit"] as const;
const PERIOD_OF_OPTIONS = ["every", "timeZone", "timeUnit"] as const;

/** The reason a reader gave, as the error for `argument`. */
function timeError(argument: string, value: unknown, reason: string): Error {
  const readable = value instanceof Date || typeof value === "number" || typeof value === "bigint" || typeof value === "string";
  return readable
    ? new MetricsInputError("OUT_OF_RANGE", argument, value, reason)
    : new MetricsTypeError("INVALID_TYPE", argument, value, reason);
}

/**
 * A time as the readers under {@link trend}, {@link mrrMovements} and {@link rfmSummary} read it,
 * in epoch milliseconds: for an accessor of your own, or to check a column before a report.
 *
 * Reads a `Date`; epoch milliseconds (or seconds with `timeUnit: "s"`) as a number or a BigInt
 * (DuckDB's `epoch_ms()` is a BIGINT); epoch time as a string of digits when `timeUnit` names its
 * unit; and ISO 8601 text as exports write it: `"2025-03-14"`, `"2025-03-14T09:30:00Z"`,
 * `"2025-03-14 09:30:00+01:00"`, PostgreSQL's `"2025-03-14 09:30:00+00"` and `"+05:30"`, and
 * BigQuery's `"2025-03-14 09:30:00 UTC"`. A date or a wall-clock time without an offset is read
 * in `timeZone`; where the zone skips that wall-clock time (spring forward) it is moved forward by
 * the gap, and where the zone repeats it (fall back) the earlier instant is taken, as Temporal's
 * `"compatible"` disambiguation does. Nothing depends on the machine's time zone.
 *
 * @param value - The time: a Date, a number, a BigInt or a string.
 * @param options - `timeZone` (default `"UTC"`), `timeUnit` (numbers default to milliseconds).
 * @returns Epoch milliseconds (UTC).
 * @throws {@link MetricsInputError} for text that is not a real date or time (`"2025-02-30"`,
 *   `"Dec 17, 2025"`, an offset past ±23:59), a time outside the years 0000-9999, a millisecond
 *   time before 1973 (most likely seconds), or a digit string without `timeUnit`;
 *   {@link MetricsTypeError} for another type, an offset given as `timeZone`, or an unknown option.
 * @example
 * ```ts
 * import { parseTime } from "cxmetrics";
 * parseTime("2025-03-14 09:30:00+00"); // 1741944600000
 * parseTime("2025-03-14 09:30:00 UTC"); // 1741944600000
 * parseTime("1741944600", { timeUnit: "s" }); // 1741944600000
 * parseTime("2025-03-14T09:30", { timeZone: "Europe/Berlin" }); // 1741941000000
 * ```
 *
 * @category Segments and trends
 */
export function parseTime(value: Date | number | bigint | string, options?: ParseTimeOptions): number {
  const o = readOptions(options, "parseTime", PARSE_TIME_OPTIONS);
  const reader = timeReader(timeZoneOption(o.timeZone), timeUnitOption(o.timeUnit));
  const ms = reader.instantOf(value);
  if (typeof ms === "string") throw timeError("value", value, ms);
  return ms;
}

/**
 * The label of the calendar period a time falls in, exactly as {@link trend} labels it: `"2025-03-14"`
 * (day), `"2025-W11"` (ISO week from Monday), `"2025-03"` (month), `"2025-Q1"` (quarter) or
 * `"2025"` (year), in the calendar of `timeZone`. Times are read as {@link parseTime} reads them.
 *
 * @param time - The time: a Date, a number, a BigInt or a string.
 * @param options - `every` (required), `timeZone` (default `"UTC"`), `timeUnit`.
 * @returns The period's label.
 * @throws {@link MetricsInputError} / {@link MetricsTypeError} as {@link parseTime}, and for a
 *   missing or unknown `every`.
 * @example
 * ```ts
 * import { periodOf } from "cxmetrics";
 * periodOf("2025-01-31T20:00:00Z", { every: "month" }); // "2025-01"
 * periodOf("2025-01-31T20:00:00Z", { every: "month", timeZone: "Asia/Tokyo" }); // "2025-02"
 * periodOf("2024-12-30", { every: "week" }); // "2025-W01"
 * ```
 *
 * @category Segments and trends
 */
export function periodOf(time: Date | number | bigint | string, options: PeriodOfOptions): string {
  if (options === undefined) throw new MetricsTypeError("INVALID_TYPE", "options", options, "an object with the period length: { every }");
  const o = readOptions(options, "periodOf", PERIOD_OF_OPTIONS);
  const every = assertOneOf(o.every, "options.every", PERIOD_UNITS);
  const reader = timeReader(timeZoneOption(o.timeZone), timeUnitOption(o.timeUnit));
  const day = reader.dayOf(time);
  if (typeof day === "string") throw timeError("time", time, day);
  return periodAt(periodIndex(day, every), every).label;
}
