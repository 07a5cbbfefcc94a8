import { readOptions } from "../_lib/core/options.ts";
import { assertOneOf } from "../_lib/core/validate.ts";
import { assertSpan, periodAt, periodIndex, timeReader, timeUnitOption, timeZoneOption } from "../_lib/read/time.ts";
import { MetricsInputError } from "../errors.ts";
import type { Accessor } from "../segments/spec.ts";
import { PERIOD_UNITS, type PeriodUnit, type TimeUnit } from "../types.ts";
import { changeAccessors, type MovementSkips, readChanges, transitionKind } from "./billingChanges.ts";
import type { CustomerMovements } from "./churn.ts";

export type { MovementSkips } from "./billingChanges.ts";

const MRR_MOVEMENTS_OPTIONS = [
  "customer",
  "time",
  "mrr",
  "every",
  "timeZone",
  "timeUnit",
  "start",
  "end",
  "onInvalid",
  "duplicates",
] as const;

/**
 * Options for {@link mrrMovements} and `cohortRetention`.
 *
 * @category Subscriptions
 */
export interface MrrMovementsOptions<R> {
  /** The customer id field or accessor (a non-blank string or a finite number). Default `"customer"`. */
  customer?: Accessor<R>;
  /** When the change takes effect: an ISO 8601 string, a Date or epoch milliseconds. Default `"time"`. */
  time?: Accessor<R>;
  /** The customer's MRR from that time on, ≥ 0 (0 = cancelled). Default `"mrr"`. */
  mrr?: Accessor<R>;
  /** Period length. Default `"month"`. */
  every?: PeriodUnit;
  /** The IANA time zone whose calendar the periods follow. Default `"UTC"`. */
  timeZone?: string;
  /** How numeric times are read: `"ms"` (default) or `"s"`. */
  timeUnit?: TimeUnit;
  /** First period to report (a time within it); earlier changes still set the starting MRR. Default: the first change's period. */
  start?: unknown;
  /** Last period to report (a time within it). Default: the last change's period. */
  end?: unknown;
  /** `"throw"` (default) on a row with an invalid customer, time or MRR, or `"skip"` it and count it. */
  onInvalid?: "throw" | "skip";
  /** Two rows for the same customer and instant: `"throw"` (default), or `"last"` to keep the later row. */
  duplicates?: "throw" | "last";
}

/**
 * Customer counts of a period, all given: the `customers` of a movement row, which
 * {@link churnRate} and {@link retentionRate} take as they are.
 *
 * @category Subscriptions
 */
export type CustomerCounts = Required<CustomerMovements>;

/**
 * One period of {@link mrrMovements}: its MRR movements (the shape {@link mrrChurn},
 * {@link netRevenueRetention}, {@link grossRevenueRetention} and {@link quickRatio} take as it
 * is) and its customer counts (the shape {@link churnRate} takes).
 *
 * @category Subscriptions
 */
export interface MrrMovementRow {
  /** Label: `2026-03`, `2026-W11`, `2026-Q1`, `2026` or `2026-03-14`. */
  readonly period: string;
  /** First day of the period, `YYYY-MM-DD`, in the report's time zone. */
  readonly start: string;
  /** MRR of the customers above 0 at the end of the previous period. */
  readonly startingMrr: number;
  /** MRR of customers above 0 for the first time. */
  readonly newMrr: number;
  /** Increases of customers above 0 at both period ends. */
  readonly expansionMrr: number;
  /** Decreases of customers above 0 at both period ends. */
  readonly contractionMrr: number;
  /** MRR of customers who went to 0 (their MRR at the previous period's end). */
  readonly churnedMrr: number;
  /** MRR of customers above 0 again after a period end at 0. */
  readonly reactivationMrr: number;
  /** startingMrr + newMrr + expansionMrr + reactivationMrr − contractionMrr − churnedMrr. */
  readonly endingMrr: number;
  /** The same movements in customers. */
  readonly customers: CustomerCounts;
}

/**
 * The result of {@link mrrMovements}.
 *
 * @category Subscriptions
 */
export interface MrrMovementReport {
  /** Every period from the first to the last, in order, empty ones included. */
  readonly periods: readonly MrrMovementRow[];
  /** Rows skipped with `onInvalid: "skip"`, by the field at fault. */
  readonly skipped: MovementSkips;
  /** The period length used. */
  readonly every: PeriodUnit;
  /** The time zone the periods follow. */
  readonly timeZone: string;
}

/** Movements of one period, added up while reading. */
interface Flows {
  newMrr: number;
  expansionMrr: number;
  contractionMrr: number;
  churnedMrr: number;
  reactivationMrr: number;
  new: number;
  churned: number;
  reactivated: number;
}

function noFlows(): Flows {
  return { newMrr: 0, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0, reactivationMrr: 0, new: 0, churned: 0, reactivated: 0 };
}

/** The validated options shared with cohortRetention. */
export function billingOptions(options: unknown, fn: string) {
  const o = readOptions(options as MrrMovementsOptions<unknown> | undefined, fn, MRR_MOVEMENTS_OPTIONS);
  const every = assertOneOf(o.every, "options.every", PERIOD_UNITS, "month");
  const timeZone = timeZoneOption(o.timeZone);
  const reader = timeReader(timeZone, timeUnitOption(o.timeUnit));
  const boundary = (value: unknown, name: string): number | undefined => {
    if (value === undefined) return undefined;
    const day = reader.dayOf(value);
    if (typeof day === "string") throw new MetricsInputError("OUT_OF_RANGE", `options.${name}`, value, day);
    return periodIndex(day, every);
  };
  return {
    every,
    timeZone,
    start: boundary(o.start, "start"),
    end: boundary(o.end, "end"),
    read: {
      ...changeAccessors(o),
      every,
      reader,
      lastWins: assertOneOf(o.duplicates, "options.duplicates", ["throw", "last"] as const, "throw") === "last",
      skipInvalid: assertOneOf(o.onInvalid, "options.onInvalid", ["throw", "skip"] as const, "throw") === "skip",
    },
  };
}

/**
 * MRR movements per period from raw billing changes, as ChartMogul and Baremetrics define them:
 * each row `{ customer, time, mrr }` says that from `time` on the customer's MRR is `mrr` (0 =
 * cancelled). A customer's MRR in a period is the value in effect at the period's end; from one
 * period end to the next:
 *
 * - **new**: above 0 for the first time (at a period end);
 * - **reactivation**: above 0 again after a period end at 0;
 * - **expansion** / **contraction**: the change while above 0 at both ends;
 * - **churn**: to 0 (a downgrade to 0 is churn, not contraction), counted at the MRR it left.
 *
 * A customer who joins and leaves within one period is above 0 at no period end and moves
 * nothing. Every period from the first change's to the last is a row, empty ones included, and
 * starting + new + expansion + reactivation − contraction − churned = ending, in MRR and in
 * customers. Each row passes as it is to {@link mrrChurn}, {@link netRevenueRetention},
 * {@link grossRevenueRetention} and {@link quickRatio}, and its `customers` to {@link churnRate}.
 *
 * Changes in time order per customer (a billing export sorted by time) are read in one pass
 * with memory per customer, not per row; otherwise they are sorted first. Times follow the UTC
 * calendar unless `timeZone` names another, and must be ISO 8601 strings, Dates or epoch
 * milliseconds (`timeUnit: "s"` for seconds).
 *
 * @param changes - Rows `{ customer, time, mrr }` (field names settable as accessors).
 * @param options - `customer`, `time`, `mrr`, `every` (default `"month"`), `timeZone`, `timeUnit`,
 *   `start`, `end`, `onInvalid`, `duplicates`.
 * @returns `{ periods, skipped, every, timeZone }`.
 * @throws {@link MetricsInputError} for no changes, a negative or non-finite MRR, an invalid
 *   time, two changes for one customer at one instant (unless `duplicates: "last"`), or a span of
 *   over 100,000 periods.
 * @throws {@link MetricsTypeError} for a null or blank customer id, a non-numeric MRR, or an
 *   unknown option.
 * @see ChartMogul, "MRR movements" (new, expansion, contraction, churn, reactivation).
 * @example
 * ```ts
 * import { mrrChurn, mrrMovements } from "cxmetrics";
 * const changes = [
 *   { customer: "a", time: "2026-01-05", mrr: 100 },
 *   { customer: "b", time: "2026-01-20", mrr: 50 },
 *   { customer: "a", time: "2026-02-10", mrr: 150 },
 *   { customer: "b", time: "2026-02-15", mrr: 0 },
 * ];
 * const [january, february] = mrrMovements(changes).periods;
 * january?.newMrr; // 150
 * february?.expansionMrr; // 50
 * february?.churnedMrr; // 50
 * if (february) console.log(mrrChurn(february)); // { gross: 0.333…, net: 0 }
 * ```
 *
 * @category Subscriptions
 */
export function mrrMovements<R>(changes: ArrayLike<R> | Iterable<R>, options?: MrrMovementsOptions<R>): MrrMovementReport {
  const o = billingOptions(options, "mrrMovements");
  let flows = new Map<number, Flows>();
  const summary = readChanges(changes, o.read, () => {
    flows = new Map();
    return (customer, period, from, to) => {
      let f = flows.get(period);
      if (f === undefined) {
        f = noFlows();
        flows.set(period, f);
      }
      switch (transitionKind(from, to, !Number.isNaN(customer.cohort))) {
        case "new":
          f.newMrr += to;
          f.new++;
          break;
        case "reactivation":
          f.reactivationMrr += to;
          f.reactivated++;
          break;
        case "churned":
          f.churnedMrr += from;
          f.churned++;
          break;
        case "expansion":
          f.expansionMrr += to - from;
          break;
        case "contraction":
          f.contractionMrr += from - to;
          break;
      }
    };
  });
  if (summary.customers.size === 0)
    throw new MetricsInputError("EMPTY_INPUT", "changes", changes, "at least one valid change (every row was skipped)");
  const from = Math.min(summary.first, o.start ?? summary.first);
  const first = o.start ?? summary.first;
  const last = o.end ?? summary.last;
  if (last < first) {
    // Named by the option the caller gave, with the value as given (not the period's index).
    const given = options as { start?: unknown; end?: unknown } | undefined;
    throw o.end === undefined
      ? new MetricsInputError("OUT_OF_RANGE", "options.start", given?.start, "a period at or before the last change")
      : new MetricsInputError("OUT_OF_RANGE", "options.end", given?.end, "a period at or after options.start and the first change");
  }
  assertSpan(from, last, o.every);
  const periods: MrrMovementRow[] = [];
  let mrr = 0;
  let customers = 0;
  for (let index = from; index <= last; index++) {
    const f = flows.get(index) ?? noFlows();
    const startingMrr = mrr;
    const starting = customers;
    mrr = startingMrr + f.newMrr + f.expansionMrr + f.reactivationMrr - f.contractionMrr - f.churnedMrr;
    if (!Number.isFinite(mrr)) {
      const expected = `MRR whose sums fit in a double (the total overflows in ${periodAt(index, o.every).label})`;
      throw new MetricsInputError("UNDEFINED_RESULT", "changes", mrr, expected);
    }
    customers = starting + f.new + f.reactivated - f.churned;
    if (index < first) continue;
    const { label, start } = periodAt(index, o.every);
    periods.push({
      period: label,
      start,
      startingMrr,
      newMrr: f.newMrr,
      expansionMrr: f.expansionMrr,
      contractionMrr: f.contractionMrr,
      churnedMrr: f.churnedMrr,
      reactivationMrr: f.reactivationMrr,
      endingMrr: mrr,
      customers: { starting, new: f.new, churned: f.churned, reactivated: f.reactivated, ending: customers },
    });
  }
  return { periods, skipped: summary.skipped, every: o.every, timeZone: o.timeZone };
}
