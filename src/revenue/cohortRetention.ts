import { assertSpan, periodAt } from "../_lib/read/time.ts";
import { MetricsInputError } from "../errors.ts";
import type { PeriodUnit } from "../types.ts";
import { readChanges } from "./billingChanges.ts";
import { billingOptions, type MovementSkips, type MrrMovementsOptions } from "./mrrMovements.ts";

/**
 * One cell of a cohort table: a cohort at an age.
 *
 * @category Subscriptions
 */
export interface CohortCell {
  /** The cohort: the period of its customers' first MRR above 0 (`2026-01`). */
  readonly cohort: string;
  /** Periods since the cohort's first: 0, 1, 2, … */
  readonly age: number;
  /** The cohort's customers still above 0 at the end of period cohort + age. */
  readonly customers: number;
  /** customers / the cohort's size, in [0, 1] (logo retention). */
  readonly customerShare: number;
  /** MRR those customers bill at that period's end. */
  readonly mrr: number;
  /** mrr / the cohort's MRR at age 0 (net revenue retention by cohort; above 1 with expansion). */
  readonly mrrShare: number;
}

/**
 * One cohort's row of the matrix view: arrays indexed by age, as long as the data reaches (cells
 * beyond the data are absent, not 0). `customers` is the survivor count per period, the input
 * the shifted-beta-geometric model fits.
 *
 * @category Subscriptions
 */
export interface CohortRow {
  /** The cohort's period label. */
  readonly cohort: string;
  /** First day of the cohort's period, `YYYY-MM-DD`. */
  readonly start: string;
  /** Customers still above 0 at each age (index 0 is the cohort's size). */
  readonly customers: readonly number[];
  /** customers[k] / customers[0]. */
  readonly customerShare: readonly number[];
  /** MRR billed by the cohort at each age. */
  readonly mrr: readonly number[];
  /** mrr[k] / mrr[0]. */
  readonly mrrShare: readonly number[];
}

/**
 * The result of {@link cohortRetention}: the same numbers as tidy rows and as a matrix.
 *
 * @category Subscriptions
 */
export interface CohortRetention {
  /** One row per cohort and age, cohorts in time order, ages from 0. */
  readonly rows: readonly CohortCell[];
  /** One row per cohort, arrays indexed by age: ready for a heat map. */
  readonly matrix: readonly CohortRow[];
  /** Rows skipped with `onInvalid: "skip"`. */
  readonly skipped: MovementSkips;
  /** The period length used. */
  readonly every: PeriodUnit;
  /** The time zone the periods follow. */
  readonly timeZone: string;
}

/**
 * Cohort retention from raw billing changes: customers grouped by the period of their first MRR
 * above 0 (at a period end, as in {@link mrrMovements}); for each cohort and age k = 0, 1, 2, …
 * the customers still above 0 at the end of period cohort + k and the MRR they bill, with their
 * shares of the cohort's starting customers (logo retention, in [0, 1]) and starting MRR (net
 * revenue retention by cohort, above 1 when expansion outweighs churn). A customer who leaves
 * and comes back counts again from the period it returns, in its first cohort.
 *
 * The tidy `rows` suit a table or a chart library; the `matrix` gives each cohort's arrays by age
 * for a heat map, and each cohort's `customers` array is the survivor series a
 * shifted-beta-geometric fit takes. Cells beyond the data (ages past the last period) are absent,
 * not 0. Options and input rules are those of {@link mrrMovements}; `start` is not used (cohorts
 * begin with the data), `end` closes the table.
 *
 * @param changes - Rows `{ customer, time, mrr }` (field names settable as accessors).
 * @param options - As {@link mrrMovements}.
 * @returns `{ rows, matrix, skipped, every, timeZone }`.
 * @throws {@link MetricsInputError} / {@link MetricsTypeError} as {@link mrrMovements}, and when no
 *   customer is ever above 0 at a period end.
 * @see P. S. Fader & B. G. S. Hardie, "How to Project Customer Retention", Journal of Interactive
 *   Marketing 21(1), 2007 (cohort survivor curves).
 * @example
 * ```ts
 * import { cohortRetention } from "cxmetrics";
 * const changes = [
 *   { customer: "a", time: "2026-01-05", mrr: 100 },
 *   { customer: "b", time: "2026-01-20", mrr: 50 },
 *   { customer: "b", time: "2026-02-15", mrr: 0 },
 *   { customer: "a", time: "2026-03-01", mrr: 120 },
 * ];
 * const { matrix } = cohortRetention(changes);
 * matrix[0]?.customers; // [2, 1, 1]
 * matrix[0]?.mrrShare; // [1, 0.666…, 0.8]
 * ```
 *
 * @category Subscriptions
 */
export function cohortRetention<R>(changes: ArrayLike<R> | Iterable<R>, options?: MrrMovementsOptions<R>): CohortRetention {
  const o = billingOptions(options, "cohortRetention");
  // Per cohort, the change in customers and MRR at each age; summed over ages afterwards.
  let deltas = new Map<number, { customers: number[]; mrr: number[] }>();
  const summary = readChanges(changes, o.read, () => {
    deltas = new Map();
    return (customer, period, from, to) => {
      const cohort = Number.isNaN(customer.cohort) ? period : customer.cohort;
      let d = deltas.get(cohort);
      if (d === undefined) {
        d = { customers: [], mrr: [] };
        deltas.set(cohort, d);
      }
      const age = period - cohort;
      const customers = from === 0 ? 1 : to === 0 ? -1 : 0;
      d.customers[age] = (d.customers[age] ?? 0) + customers;
      d.mrr[age] = (d.mrr[age] ?? 0) + (to - from);
    };
  });
  if (deltas.size === 0) throw new MetricsInputError("EMPTY_INPUT", "changes", changes, "at least one customer above 0 at a period end");
  const last = o.end ?? summary.last;
  const cohorts = [...deltas.keys()].filter((c) => c <= last).sort((a, b) => a - b);
  if (cohorts.length === 0) throw new MetricsInputError("OUT_OF_RANGE", "options.end", last, "a period at or after the first cohort");
  assertSpan(cohorts[0]!, last, o.every);
  const rows: CohortCell[] = [];
  const matrix: CohortRow[] = [];
  for (const c of cohorts) {
    const d = deltas.get(c)!;
    const { label, start } = periodAt(c, o.every);
    const row = {
      cohort: label,
      start,
      customers: [] as number[],
      customerShare: [] as number[],
      mrr: [] as number[],
      mrrShare: [] as number[],
    };
    let customers = 0;
    let mrr = 0;
    for (let age = 0; age <= last - c; age++) {
      customers += d.customers[age] ?? 0;
      mrr += d.mrr[age] ?? 0;
      // No customer left means no MRR: exactly 0, whatever the sums of the changes round to.
      const billed = customers === 0 ? 0 : mrr;
      const size = row.customers[0] ?? customers;
      const base = row.mrr[0] ?? billed;
      // A first-month MRR of a few cents over 1e308 (or 1e-300) has no share to report.
      const mrrShare = billed / base;
      if (!(Number.isFinite(billed) && Number.isFinite(mrrShare))) {
        const overflowed = Number.isFinite(billed) ? mrrShare : billed;
        const expected = `MRR whose sums and shares fit in a double (the ${label} cohort's overflow)`;
        throw new MetricsInputError("UNDEFINED_RESULT", "changes", overflowed, expected);
      }
      row.customers.push(customers);
      row.mrr.push(billed);
      row.customerShare.push(customers / size);
      row.mrrShare.push(mrrShare);
      rows.push({ cohort: label, age, customers, customerShare: customers / size, mrr: billed, mrrShare });
    }
    matrix.push(row);
  }
  return { rows, matrix, skipped: summary.skipped, every: o.every, timeZone: o.timeZone };
}
