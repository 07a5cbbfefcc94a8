import { readFields, readOptions } from "../_lib/core/options.ts";
import { assertCount, assertFraction, assertOneOf, assertPositive } from "../_lib/core/validate.ts";
import { MetricsInputError } from "../errors.ts";

const CHURN_RATE_OPTIONS = ["denominator"] as const;
const RATE_FIELDS = ["rate", "periods"] as const;

/**
 * The bases a churn rate may divide by, the default first.
 *
 * @example
 * ```ts
 * import { CHURN_DENOMINATORS, churnRate } from "cxmetrics";
 * const customers = { starting: 1000, churned: 50, new: 250, ending: 1200 };
 * CHURN_DENOMINATORS.map((denominator) => churnRate(customers, { denominator })); // 0.05, 0.04, 0.0454…
 * ```
 *
 * @category Revenue and value
 */
export const CHURN_DENOMINATORS: readonly ["start", "start-plus-new", "average"] = /* @__PURE__ */ Object.freeze([
  "start",
  "start-plus-new",
  "average",
] as const);

/**
 * Which customers a churn rate divides by: `"start"` (default), `"start-plus-new"` or `"average"`.
 *
 * @category Revenue and value
 */
export type ChurnDenominator = (typeof CHURN_DENOMINATORS)[number];

/**
 * Customer counts of one period, the same shape as the `customers` of a subscription movement
 * row: whole numbers of the period of the caller's choosing.
 *
 * @category Revenue and value
 */
export interface CustomerMovements {
  /** Customers at the start of the period. */
  starting: number;
  /** Customers lost during the period (churned). */
  churned: number;
  /** Customers acquired during the period; needed for `denominator: "start-plus-new"` and by {@link retentionRate}. */
  new?: number;
  /** Customers who came back during the period. Default 0. */
  reactivated?: number;
  /** Customers at the end of the period; needed for `denominator: "average"` and by {@link retentionRate}. */
  ending?: number;
}

/**
 * Options for {@link churnRate}.
 *
 * @category Revenue and value
 */
export interface ChurnRateOptions {
  /** The base of the rate. Default `"start"`. */
  denominator?: ChurnDenominator;
}

const CUSTOMER_FIELDS = ["starting", "churned", "new", "reactivated", "ending"] as const;

/** Validated customer counts; when every count is given they must add up. */
function customerCounts(input: Partial<CustomerMovements>, fn: string) {
  const o = readFields(input, fn, CUSTOMER_FIELDS, "customers");
  const count = (name: keyof CustomerMovements) => (o[name] === undefined ? undefined : assertCount(o[name], `customers.${name}`));
  const c = {
    starting: assertCount(o.starting, "customers.starting"),
    churned: count("churned"),
    new: count("new"),
    reactivated: count("reactivated") ?? 0,
    ending: count("ending"),
  };
  if (c.churned !== undefined && c.new !== undefined && c.ending !== undefined) {
    const implied = c.starting + c.new + c.reactivated - c.churned;
    if (implied !== c.ending) {
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        "customers.ending",
        c.ending,
        `starting + new + reactivated − churned = ${implied}: the counts do not add up`,
      );
    }
  }
  return c;
}

/** A count the formula needs. */
function required(value: number | undefined, argument: string, why: string): number {
  if (value === undefined) throw new MetricsInputError("INVALID_OPTION", argument, undefined, `given ${why}`);
  return value;
}

/**
 * Customer churn rate over one period: customers churned divided by a base, a fraction.
 *
 * Vendors disagree on the base, so it is an explicit option:
 * - `"start"` (default): churned / starting. The most common definition.
 * - `"start-plus-new"`: churned / (starting + new), counting everyone who could have churned in
 *   the period, as Stripe's billing analytics do; lower when the business grows fast.
 * - `"average"`: churned / ((starting + ending) / 2), smoothing growth within the period.
 *
 * When `new` and `ending` are both given, the counts must add up
 * (starting + new + reactivated − churned = ending), so a swapped or mistyped count is caught.
 * The period (a month, a quarter) is the caller's; rates of different periods convert with
 * {@link compoundRate} and {@link periodicRate}, never by multiplying.
 *
 * @param customers - `{ starting, churned, new?, reactivated?, ending? }`, whole numbers.
 * @param options - `denominator` (default `"start"`).
 * @returns The churn rate, a fraction in [0, 1].
 * @throws {@link MetricsInputError} for counts that are negative or fractional, a count the chosen
 *   denominator needs but is missing, counts that do not add up, a base of 0 customers, or more
 *   customers churned than the base.
 * @throws {@link MetricsTypeError} for an unknown field or option.
 * @see Stripe, "Churn rate" (billing analytics documentation) for the start-plus-new base.
 * @example
 * ```ts
 * import { churnRate } from "cxmetrics";
 * churnRate({ starting: 1000, churned: 50 }); // 0.05
 * churnRate({ starting: 1000, churned: 50, new: 250 }, { denominator: "start-plus-new" }); // 0.04
 * churnRate({ starting: 1000, churned: 50, ending: 1200 }, { denominator: "average" }); // 0.04545…
 * ```
 *
 * @category Revenue and value
 */
export function churnRate(customers: CustomerMovements, options?: ChurnRateOptions): number {
  const c = customerCounts(customers, "churnRate");
  const churned = required(c.churned, "customers.churned", "to compute a churn rate");
  const o = readOptions(options, "churnRate", CHURN_RATE_OPTIONS);
  const denominator = assertOneOf(o.denominator, "options.denominator", CHURN_DENOMINATORS, "start");
  let base: number;
  let baseName: string;
  if (denominator === "start") {
    base = c.starting;
    baseName = "customers.starting";
  } else if (denominator === "start-plus-new") {
    base = c.starting + required(c.new, "customers.new", 'for denominator "start-plus-new"');
    baseName = "customers.starting + customers.new";
  } else {
    base = (c.starting + required(c.ending, "customers.ending", 'for denominator "average"')) / 2;
    baseName = "(customers.starting + customers.ending) / 2";
  }
  if (base === 0) throw new MetricsInputError("UNDEFINED_RESULT", baseName, 0, "at least 1: churn of no customers is undefined");
  if (churned > base) throw new MetricsInputError("OUT_OF_RANGE", "customers.churned", churned, `at most ${baseName} (${base})`);
  return churned / base;
}

/**
 * Customer retention rate over one period: the share of the customers at the start who are
 * still customers at the end, not counting the new or reactivated ones.
 *
 * Retention = (E − N − R) / S, a fraction in [0, 1].
 *
 * @param customers - `starting` (S ≥ 1), `ending` (E), `new` (N), and optionally `reactivated` (R)
 *   and `churned` (then the counts must add up).
 * @returns The retention rate, a fraction.
 * @throws {@link MetricsInputError} for counts that are negative or fractional, S = 0, or counts
 *   that cannot be consistent (E − N − R below 0 or above S).
 * @throws {@link MetricsTypeError} for an unknown field.
 * @see P. Farris et al., Marketing Metrics, 2nd ed. (2010), ch. 5 (retention rate).
 * @example
 * ```ts
 * import { retentionRate } from "cxmetrics";
 * retentionRate({ starting: 200, ending: 210, new: 30 }); // 0.9
 * ```
 *
 * @category Revenue and value
 */
export function retentionRate(customers: RetentionInput): number {
  const c = customerCounts(customers, "retentionRate");
  const fresh = required(c.new, "customers.new", "to compute a retention rate");
  const end = required(c.ending, "customers.ending", "to compute a retention rate");
  if (c.starting === 0) throw new MetricsInputError("UNDEFINED_RESULT", "customers.starting", 0, "at least 1");
  const kept = end - fresh - c.reactivated;
  if (kept < 0 || kept > c.starting) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "customers.ending",
      end,
      `between new + reactivated (${fresh + c.reactivated}) and starting + new + reactivated (${c.starting + fresh + c.reactivated})`,
    );
  }
  return kept / c.starting;
}

/**
 * Input of {@link retentionRate}: customer movements with `new` and `ending` given.
 *
 * @category Revenue and value
 */
export interface RetentionInput {
  /** Customers at the start of the period (S), ≥ 1. */
  starting: number;
  /** Customers at the end of the period (E). */
  ending: number;
  /** Customers acquired during the period (N). */
  new: number;
  /** Customers who came back (R). Default 0. */
  reactivated?: number;
  /** Customers lost; when given, the counts must add up. */
  churned?: number;
}

/**
 * A rate that repeats over several periods.
 *
 * @category Revenue and value
 */
export interface RepeatedRate {
  /** The rate, a fraction in [0, 1] (0.05 for 5%). */
  rate: number;
  /** How many periods, > 0 (fractions allowed: 0.5 for half a period). */
  periods: number;
}

function repeated(input: RepeatedRate, fn: string): [number, number] {
  const o = readFields(input, fn, RATE_FIELDS);
  return [assertFraction(o.rate, "input.rate"), assertPositive(o.periods, "input.periods")];
}

/**
 * Compounds a per-period rate over several periods: the share lost over the whole span when
 * `rate` is lost each period.
 *
 * compound = 1 − (1 − rate)^periods, computed as −expm1(periods · log1p(−rate)) to keep digits
 * for small rates. 5% a month is 45.96% a year, not 60%.
 *
 * @param input - `{ rate, periods }`: the per-period rate (a fraction) and the number of periods (> 0).
 * @returns The compounded rate, a fraction in [0, 1].
 * @throws {@link MetricsInputError} for a rate outside [0, 1] (5 is rejected with the hint 0.05) or periods that is not > 0.
 * @throws {@link MetricsTypeError} for an unknown field.
 * @example
 * ```ts
 * import { compoundRate } from "cxmetrics";
 * compoundRate({ rate: 0.05, periods: 12 }); // 0.4596399…
 * ```
 *
 * @category Revenue and value
 */
export function compoundRate(input: RepeatedRate): number {
  const [r, k] = repeated(input, "compoundRate");
  // A rate of 1 needs no case of its own: log1p(−1) is −∞, and −expm1(−∞) is exactly 1.
  return -Math.expm1(k * Math.log1p(-r));
}

/**
 * The inverse of {@link compoundRate}: the per-period rate that compounds to `rate` over
 * `periods` periods.
 *
 * periodic = 1 − (1 − rate)^(1/periods). 45.96% a year is 5% a month.
 *
 * @param input - `{ rate, periods }`: the rate over the whole span (a fraction) and how many periods it holds (> 0).
 * @returns The per-period rate, a fraction in [0, 1].
 * @throws {@link MetricsInputError} for a rate outside [0, 1] or periods that is not > 0.
 * @throws {@link MetricsTypeError} for an unknown field.
 * @example
 * ```ts
 * import { periodicRate } from "cxmetrics";
 * periodicRate({ rate: 0.4596399, periods: 12 }); // 0.0499999…
 * ```
 *
 * @category Revenue and value
 */
export function periodicRate(input: RepeatedRate): number {
  const [r, k] = repeated(input, "periodicRate");
  return -Math.expm1(Math.log1p(-r) / k);
}
