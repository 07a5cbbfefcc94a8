import { MetricsInputError } from "../errors.ts";
import { assertCount, assertFraction, assertObject, assertOneOf, assertPositive } from "../validate.ts";

/**
 * Which customers a churn rate divides by.
 *
 * @category Revenue and value
 */
export type ChurnDenominator = "start" | "start-plus-new" | "average";

/**
 * Input of {@link churnRate}. Counts of customers over one period of the caller's choosing.
 *
 * @category Revenue and value
 */
export interface ChurnRateInput {
  /** Customers at the start of the period, a whole number. */
  customersAtStart: number;
  /** Customers lost during the period, a whole number. */
  customersLost: number;
  /** Customers at the end of the period; needed for `denominator: "average"`. */
  customersAtEnd?: number;
  /** Customers acquired during the period; needed for `denominator: "start-plus-new"`. */
  newCustomers?: number;
  /** Default `"start"`. */
  denominator?: ChurnDenominator;
}

/**
 * Input of {@link retentionRate}.
 *
 * @category Revenue and value
 */
export interface RetentionRateInput {
  /** Customers at the start of the period (S), a whole number ≥ 1. */
  customersAtStart: number;
  /** Customers at the end of the period (E). */
  customersAtEnd: number;
  /** Customers acquired during the period (N). */
  newCustomers: number;
}

const DENOMINATORS: readonly ChurnDenominator[] = ["start", "start-plus-new", "average"];

/**
 * Customer churn rate over one period: customers lost divided by a base, a fraction.
 *
 * Vendors disagree on the base, so it is an explicit choice:
 * - `"start"` (default): lost / customers at start. The most common definition.
 * - `"start-plus-new"`: lost / (start + new), counting everyone who could have churned in the
 *   period, as Stripe's billing analytics do; lower when the business grows fast.
 * - `"average"`: lost / ((start + end) / 2), smoothing growth within the period.
 *
 * The period (a month, a quarter) is the caller's; rates of different periods convert with
 * {@link compoundRate} and {@link periodicRate}, never by multiplying.
 *
 * @param input - Customer counts and the `denominator` choice.
 * @returns The churn rate, a fraction in [0, 1].
 * @throws {@link MetricsInputError} for counts that are negative or fractional, a count the chosen
 *   denominator needs but is missing, a base of 0 customers, or more customers lost than the base.
 * @see Stripe, "Churn rate" (billing analytics documentation) for the start-plus-new base.
 * @example
 * ```ts
 * import { churnRate } from "cxmetrics";
 * churnRate({ customersAtStart: 1000, customersLost: 50 }); // 0.05
 * churnRate({ customersAtStart: 1000, customersLost: 50, newCustomers: 250, denominator: "start-plus-new" }); // 0.04
 * churnRate({ customersAtStart: 1000, customersLost: 50, customersAtEnd: 1200, denominator: "average" }); // 0.04545…
 * ```
 *
 * @category Revenue and value
 */
export function churnRate(input: ChurnRateInput): number {
  const o = assertObject(input, "input");
  const start = assertCount(o.customersAtStart, "input.customersAtStart");
  const lost = assertCount(o.customersLost, "input.customersLost");
  const denominator = o.denominator === undefined ? "start" : assertOneOf(o.denominator, "input.denominator", DENOMINATORS);
  let base: number;
  let baseName: string;
  if (denominator === "start") {
    base = start;
    baseName = "input.customersAtStart";
  } else if (denominator === "start-plus-new") {
    if (o.newCustomers === undefined) {
      throw new MetricsInputError("INVALID_OPTION", "input.newCustomers", undefined, 'given for denominator "start-plus-new"');
    }
    base = start + assertCount(o.newCustomers, "input.newCustomers");
    baseName = "input.customersAtStart + input.newCustomers";
  } else {
    if (o.customersAtEnd === undefined) {
      throw new MetricsInputError("INVALID_OPTION", "input.customersAtEnd", undefined, 'given for denominator "average"');
    }
    base = (start + assertCount(o.customersAtEnd, "input.customersAtEnd")) / 2;
    baseName = "(input.customersAtStart + input.customersAtEnd) / 2";
  }
  if (base === 0) {
    throw new MetricsInputError("UNDEFINED_RESULT", baseName, 0, "at least 1: churn of no customers is undefined");
  }
  if (lost > base) {
    throw new MetricsInputError("OUT_OF_RANGE", "input.customersLost", lost, `at most ${baseName} (${base})`);
  }
  return lost / base;
}

/**
 * Customer retention rate over one period: the share of the customers at the start who are
 * still customers at the end, not counting the new ones.
 *
 * Retention = (E − N) / S, a fraction in [0, 1].
 *
 * @param input - `customersAtStart` (S ≥ 1), `customersAtEnd` (E), `newCustomers` (N).
 * @returns The retention rate, a fraction.
 * @throws {@link MetricsInputError} for counts that are negative or fractional, S = 0, or counts
 *   that cannot be consistent (E − N below 0 or above S).
 * @see P. Farris et al., Marketing Metrics, 2nd ed. (2010), ch. 5 (retention rate).
 * @example
 * ```ts
 * import { retentionRate } from "cxmetrics";
 * retentionRate({ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 }); // 0.9
 * ```
 *
 * @category Revenue and value
 */
export function retentionRate(input: RetentionRateInput): number {
  const o = assertObject(input, "input");
  const start = assertCount(o.customersAtStart, "input.customersAtStart");
  const end = assertCount(o.customersAtEnd, "input.customersAtEnd");
  const fresh = assertCount(o.newCustomers, "input.newCustomers");
  if (start === 0) throw new MetricsInputError("UNDEFINED_RESULT", "input.customersAtStart", 0, "at least 1");
  const kept = end - fresh;
  if (kept < 0 || kept > start) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "input.customersAtEnd",
      end,
      `between newCustomers (${fresh}) and customersAtStart + newCustomers (${start + fresh})`,
    );
  }
  return kept / start;
}

/**
 * Compounds a per-period rate over several periods: the share lost over the whole span when
 * `rate` is lost each period.
 *
 * compound = 1 − (1 − rate)^periods, computed as −expm1(periods · log1p(−rate)) to keep digits
 * for small rates. 5% a month is 45.96% a year, not 60%.
 *
 * @param rate - The per-period rate, a fraction in [0, 1].
 * @param periods - How many periods, > 0 (fractions allowed: 0.5 for half a period).
 * @returns The compounded rate, a fraction in [0, 1].
 * @throws {@link MetricsInputError} for a rate outside [0, 1] or periods that is not > 0.
 * @example
 * ```ts
 * import { compoundRate } from "cxmetrics";
 * compoundRate(0.05, 12); // 0.4596399…
 * ```
 *
 * @category Revenue and value
 */
export function compoundRate(rate: number, periods: number): number {
  const r = assertFraction(rate, "rate");
  const k = assertPositive(periods, "periods");
  if (r === 1) return 1;
  return -Math.expm1(k * Math.log1p(-r));
}

/**
 * The inverse of {@link compoundRate}: the per-period rate that compounds to `rate` over
 * `periods` periods.
 *
 * periodic = 1 − (1 − rate)^(1/periods). 45.96% a year is 5% a month.
 *
 * @param rate - The rate over the whole span, a fraction in [0, 1].
 * @param periods - How many periods the span holds, > 0.
 * @returns The per-period rate, a fraction in [0, 1].
 * @throws {@link MetricsInputError} for a rate outside [0, 1] or periods that is not > 0.
 * @example
 * ```ts
 * import { periodicRate } from "cxmetrics";
 * periodicRate(0.4596399, 12); // 0.0499999…
 * ```
 *
 * @category Revenue and value
 */
export function periodicRate(rate: number, periods: number): number {
  const r = assertFraction(rate, "rate");
  const k = assertPositive(periods, "periods");
  if (r === 1) return 1;
  return -Math.expm1(Math.log1p(-r) / k);
}
