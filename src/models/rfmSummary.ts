import { readOptions } from "../_lib/core/options.ts";
import { assertOneOf } from "../_lib/core/validate.ts";
import { readCell, readId, STRICT_CELLS } from "../_lib/read/cells.ts";
import { timeReader, timeZoneOption } from "../_lib/read/time.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { toGetter } from "../segments/engine.ts";
import type { Accessor } from "../segments/spec.ts";

const RFM_UNITS = ["day", "week"] as const;
const RFM_OPTIONS = ["customer", "time", "value", "end", "holdoutEnd", "unit", "timeZone"] as const;

/**
 * Options for {@link rfmSummary}.
 *
 * @category Customer-base models
 */
export interface RfmSummaryOptions<R> {
  /** End of the calibration period (a date; purchases on that day count). Required. */
  end: unknown;
  /** End of a holdout period after `end`: adds `holdoutFrequency`. */
  holdoutEnd?: unknown;
  /** The customer id field or accessor. Default `"customer"`. */
  customer?: Accessor<R>;
  /** The purchase time: ISO 8601, a Date or epoch milliseconds. Default `"time"`. */
  time?: Accessor<R>;
  /**
   * The purchase value (money ≥ 0). Default `"value"`; a missing value is an error (a blank is
   * not 0). Pass `null` when the transactions have no values: `monetary` is then 0.
   */
  value?: Accessor<R> | null;
  /** The unit of recency and T: `"day"` or `"week"` (7 days, fractional). Default `"week"`. */
  unit?: (typeof RFM_UNITS)[number];
  /** The IANA time zone whose calendar days purchases fall on. Default `"UTC"`. */
  timeZone?: string;
}

/**
 * One customer of {@link rfmSummary}: the input the repeat-purchase models take.
 *
 * @category Customer-base models
 */
export interface CustomerSummary {
  /** The customer id. */
  readonly id: string | number;
  /** Repeat purchases: purchase days in the calibration period after the first. */
  readonly frequency: number;
  /** Time from the first purchase to the last in the calibration period, in `unit`s. */
  readonly recency: number;
  /** Time from the first purchase to `end`, in `unit`s. */
  readonly T: number;
  /** Mean value of the repeat purchase days (0 when there are none). */
  readonly monetary: number;
  /** Purchase days in the holdout period (only with `holdoutEnd`). */
  readonly holdoutFrequency?: number;
}

/**
 * From transactions to one summary per customer, as the repeat-purchase models (BG/NBD,
 * Pareto/NBD, Gamma-Gamma) take them (Fader, Hardie & Lee 2005): `frequency` the repeat purchase
 * days in the calibration period (purchases on the same day combine into one), `recency` the time
 * from the first purchase to the last, `T` the time from the first purchase to `end`, in `unit`s
 * (`"week"` by default, fractional), and `monetary` the mean value of the repeat purchase days.
 * Customers whose first purchase is after `end` are not in the calibration cohort and are left
 * out. With `holdoutEnd`, `holdoutFrequency` counts each customer's purchase days after `end` up
 * to `holdoutEnd`.
 *
 * Days follow the calendar of `timeZone` (UTC by default). Rows come back in the order their
 * customers first appear.
 *
 * @param transactions - Rows with a customer id, a time and optionally a value (accessors settable).
 * @param options - `end` (required), `holdoutEnd`, `customer` (default `"customer"`), `time`
 *   (default `"time"`), `value` (default `"value"`; `null` for none), `unit` (default `"week"`), `timeZone`.
 * @returns One `{ id, frequency, recency, T, monetary }` per customer (plus `holdoutFrequency`).
 * @throws {@link MetricsInputError} for no transactions, an invalid time or a negative value
 *   (naming the row), a missing or invalid `end`, or a `holdoutEnd` not after `end`.
 * @throws {@link MetricsTypeError} for a null or blank customer id, or an unknown option.
 * @see P. S. Fader, B. G. S. Hardie & K. L. Lee, "Counting Your Customers the Easy Way",
 *   Marketing Science 24(2), 2005 (the CDNOW summary reproduced in the tests).
 * @example
 * ```ts
 * import { rfmSummary } from "cxmetrics";
 * const orders = [
 *   { customer: "a", time: "1997-01-01", value: 29.33 },
 *   { customer: "a", time: "1997-01-18", value: 29.73 },
 *   { customer: "a", time: "1997-08-02", value: 14.96 },
 * ];
 * const [a] = rfmSummary(orders, { end: "1997-09-30" });
 * a?.frequency; // 2
 * a?.recency; // 30.428… weeks
 * a?.monetary; // 22.345
 * ```
 *
 * @category Customer-base models
 */
export function rfmSummary<R>(transactions: ArrayLike<R> | Iterable<R>, options: RfmSummaryOptions<R>): CustomerSummary[] {
  if (options === undefined) throw new MetricsTypeError("INVALID_TYPE", "options", options, "an object with the calibration end: { end }");
  const o = readOptions(options, "rfmSummary", RFM_OPTIONS);
  const unit = assertOneOf(o.unit, "options.unit", RFM_UNITS, "week") === "week" ? 7 : 1;
  const reader = timeReader(timeZoneOption(o.timeZone), undefined);
  const dayOf = (value: unknown, argument: string): number => {
    const day = reader.dayOf(value);
    if (typeof day === "string") throw new MetricsInputError("OUT_OF_RANGE", argument, value, day);
    return day;
  };
  if (o.end === undefined)
    throw new MetricsInputError("INVALID_OPTION", "options.end", undefined, "given: the last day of the calibration period");
  const end = dayOf(o.end, "options.end");
  const holdoutEnd = o.holdoutEnd === undefined ? undefined : dayOf(o.holdoutEnd, "options.holdoutEnd");
  if (holdoutEnd !== undefined && holdoutEnd <= end)
    throw new MetricsInputError("OUT_OF_RANGE", "options.holdoutEnd", o.holdoutEnd, "a day after options.end");
  const getCustomer = toGetter(o.customer ?? "customer", "options.customer");
  const getTime = toGetter(o.time ?? "time", "options.time");
  const getValue = o.value === null ? undefined : toGetter(o.value ?? "value", "options.value");
  if (typeof transactions !== "object" || transactions === null || !(Symbol.iterator in transactions)) {
    throw new MetricsTypeError("INVALID_TYPE", "transactions", transactions, "an array (or iterable) of { customer, time, value } rows");
  }
  // Per customer, the value of each purchase day (days combined), in the calibration period and after.
  const days = new Map<string | number, { calibration: Map<number, number>; holdout: Set<number> }>();
  let i = 0;
  for (const row of transactions as Iterable<R>) {
    const rawId = getCustomer(row, i);
    const id = readId(rawId);
    if (id === undefined) {
      throw new MetricsTypeError(
        "INVALID_TYPE",
        `transactions[${i}] customer`,
        rawId,
        "a customer id: a non-blank string or a finite number",
      );
    }
    const day = dayOf(getTime(row, i), `transactions[${i}] time`);
    const raw = getValue === undefined ? 0 : readCell(getValue(row, i), STRICT_CELLS.markers);
    if (typeof raw !== "number" || !Number.isFinite(raw) || raw < 0) {
      const expected =
        raw === undefined
          ? "a finite amount >= 0, not missing (pass value: null if the transactions have no values)"
          : "a finite amount >= 0";
      throw new MetricsInputError(
        raw === undefined ? "MISSING_VALUE" : "OUT_OF_RANGE",
        `transactions[${i}] value`,
        getValue?.(row, i),
        expected,
      );
    }
    let d = days.get(id);
    if (d === undefined) {
      d = { calibration: new Map(), holdout: new Set() };
      days.set(id, d);
    }
    if (day <= end) d.calibration.set(day, (d.calibration.get(day) ?? 0) + raw);
    else if (holdoutEnd !== undefined && day <= holdoutEnd) d.holdout.add(day);
    i++;
  }
  if (i === 0) throw new MetricsInputError("EMPTY_INPUT", "transactions", transactions, "at least one transaction");
  const summaries: CustomerSummary[] = [];
  for (const [id, d] of days) {
    if (d.calibration.size === 0) continue; // first purchase after end: not in the cohort
    const sorted = [...d.calibration.keys()].sort((a, b) => a - b);
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    let repeatValue = 0;
    for (const day of sorted.slice(1)) repeatValue += d.calibration.get(day)!;
    const frequency = sorted.length - 1;
    const summary: CustomerSummary = {
      id,
      frequency,
      recency: (last - first) / unit,
      T: (end - first) / unit,
      monetary: frequency === 0 ? 0 : repeatValue / frequency,
    };
    summaries.push(holdoutEnd === undefined ? summary : { ...summary, holdoutFrequency: d.holdout.size });
  }
  return summaries;
}
