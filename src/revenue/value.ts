import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import {
  assertCountAtLeast,
  assertFinite,
  assertFiniteResult,
  assertFraction,
  assertNonNegative,
  assertObject,
  assertPositive,
} from "../validate.ts";

/**
 * Input of {@link customerAcquisitionCost}.
 *
 * @category Revenue and value
 */
export interface AcquisitionCostInput {
  /** Sales and marketing spend of the period, ≥ 0, in the caller's currency. */
  salesAndMarketingSpend: number;
  /** Customers acquired in the same period, a whole number ≥ 1. */
  newCustomers: number;
}

/**
 * Input of {@link customerRetentionCost}.
 *
 * @category Revenue and value
 */
export interface RetentionCostInput {
  /** Spend on keeping customers (success, support, loyalty) in the period, ≥ 0. */
  retentionSpend: number;
  /** Customers served in the same period, a whole number ≥ 1. */
  customers: number;
}

/**
 * Input of {@link arpu}.
 *
 * @category Revenue and value
 */
export interface ArpuInput {
  /** Revenue of the period, ≥ 0. */
  revenue: number;
  /** Customers (or accounts) in the same period, ≥ 1; may be an average, so fractions are allowed. */
  customers: number;
}

/**
 * Lifetime value from a known lifetime: ARPU × lifetime − (CAC + CRC).
 *
 * @category Revenue and value
 */
export interface LifetimeValueFromLifetime {
  /** Revenue per customer per period, ≥ 0. */
  arpu: number;
  /** Periods a customer stays, > 0, in the same period as `arpu`. */
  lifetime: number;
  /** Acquisition cost per customer, ≥ 0. Default 0. */
  cac?: number;
  /** Retention cost per customer over the whole lifetime, ≥ 0. Default 0. */
  crc?: number;
}

/**
 * Lifetime value from a churn rate: margin per period over churn, optionally discounted.
 *
 * @category Revenue and value
 */
export interface LifetimeValueFromChurn {
  /** Revenue per customer per period, ≥ 0. */
  arpu: number;
  /** Churn rate per period (the same period as `arpu`), a fraction in [0, 1]. */
  churnRate: number;
  /** Gross margin, a fraction in [0, 1]. Default 1 (revenue, not profit). */
  grossMargin?: number;
  /** Discount rate per period (the same period), ≥ 0. Default 0. */
  discountRate?: number;
}

/**
 * E-commerce lifetime value: transactions × order value × margin × lifetime.
 *
 * @category Revenue and value
 */
export interface LifetimeValueFromOrders {
  /** Purchases per customer per period, ≥ 0. */
  transactionsPerPeriod: number;
  /** Average order value, ≥ 0. */
  averageOrderValue: number;
  /** Gross margin, a fraction in [0, 1]. */
  grossMargin: number;
  /** Periods a customer stays, > 0. */
  lifetime: number;
}

/**
 * The three inputs {@link customerLifetimeValue} understands.
 *
 * @category Revenue and value
 */
export type LifetimeValueInput = LifetimeValueFromLifetime | LifetimeValueFromChurn | LifetimeValueFromOrders;

/**
 * Input of {@link cacPaybackMonths}.
 *
 * @category Revenue and value
 */
export interface CacPaybackInput {
  /** Acquisition cost per customer, ≥ 0. */
  cac: number;
  /** Revenue per customer per **month**, > 0. */
  arpu: number;
  /** Gross margin, a fraction in (0, 1]. Default 1. */
  grossMargin?: number;
}

/**
 * Customer acquisition cost: what it costs to win one customer.
 *
 * CAC = sales and marketing spend / new customers, both of the same period.
 *
 * @param input - `salesAndMarketingSpend` (≥ 0) and `newCustomers` (whole number ≥ 1).
 * @returns CAC, in the currency of the spend.
 * @throws {@link MetricsInputError} for negative or non-finite spend, or new customers that are not
 *   a whole number ≥ 1.
 * @see P. Farris et al., Marketing Metrics (2010), ch. 5.
 * @example
 * ```ts
 * import { customerAcquisitionCost } from "cxmetrics";
 * customerAcquisitionCost({ salesAndMarketingSpend: 50000, newCustomers: 125 }); // 400
 * ```
 *
 * @category Revenue and value
 */
export function customerAcquisitionCost(input: AcquisitionCostInput): number {
  const o = assertObject(input, "input");
  const spend = assertNonNegative(o.salesAndMarketingSpend, "input.salesAndMarketingSpend");
  return spend / assertCountAtLeast(o.newCustomers, "input.newCustomers", 1);
}

/**
 * Customer retention cost: what it costs to keep one customer for the period.
 *
 * CRC = retention spend / customers, both of the same period.
 *
 * @param input - `retentionSpend` (≥ 0) and `customers` (whole number ≥ 1).
 * @returns CRC per customer per period, in the currency of the spend.
 * @throws {@link MetricsInputError} for negative spend or customers that are not a whole number ≥ 1.
 * @example
 * ```ts
 * import { customerRetentionCost } from "cxmetrics";
 * customerRetentionCost({ retentionSpend: 12000, customers: 800 }); // 15
 * ```
 *
 * @category Revenue and value
 */
export function customerRetentionCost(input: RetentionCostInput): number {
  const o = assertObject(input, "input");
  const spend = assertNonNegative(o.retentionSpend, "input.retentionSpend");
  return spend / assertCountAtLeast(o.customers, "input.customers", 1);
}

/**
 * Average revenue per user (or account) for one period: revenue / customers.
 *
 * @param input - `revenue` (≥ 0) and `customers` (≥ 1; an average count may be fractional).
 * @returns ARPU, in the currency of the revenue, per the period of the revenue.
 * @throws {@link MetricsInputError} for negative revenue or fewer than 1 customer.
 * @example
 * ```ts
 * import { arpu } from "cxmetrics";
 * arpu({ revenue: 45000, customers: 900 }); // 50
 * ```
 *
 * @category Revenue and value
 */
export function arpu(input: ArpuInput): number {
  const o = assertObject(input, "input");
  const revenue = assertNonNegative(o.revenue, "input.revenue");
  const customers = assertFinite(o.customers, "input.customers");
  if (customers < 1) throw new MetricsInputError("OUT_OF_RANGE", "input.customers", customers, "at least 1");
  return revenue / customers;
}

/**
 * Customer lifetime value (CLV, LTV). One function; the fields of the input pick the model:
 *
 * - `{ arpu, lifetime, cac?, crc? }`: CLV = ARPU × lifetime − (CAC + CRC), the value net of what it
 *   cost to win and keep the customer (CRC over the whole lifetime).
 * - `{ arpu, churnRate, grossMargin?, discountRate? }`: the expected lifetime is 1/churn, so
 *   CLV = ARPU × margin / churn. With a discount rate d, each period's margin is discounted and
 *   weighted by survival: CLV = Σₜ₌₀^∞ m·((1 − c)/(1 + d))ᵗ = m(1 + d)/(c + d), the first period paid
 *   up front; d = 0 gives back m/c. This is Gupta & Lehmann's m·r/(1 + d − r) (r = 1 − c, margins
 *   from the end of the first period on) plus that first margin m.
 * - `{ transactionsPerPeriod, averageOrderValue, grossMargin, lifetime }`: the e-commerce form,
 *   CLV = transactions × AOV × margin × lifetime.
 *
 * **ARPU, lifetime, churn and discount rates must share one period** (monthly ARPU with monthly
 * churn, never with annual churn): mixing periods is the most common CLV mistake.
 *
 * @param input - One of the three input shapes above.
 * @returns CLV, in the currency of the inputs (negative when costs exceed revenue).
 * @throws {@link MetricsInputError} for negative money, rates outside their ranges, a lifetime that
 *   is not > 0, or `UNDEFINED_RESULT` for zero churn without discounting (no finite value).
 * @throws {@link MetricsTypeError} for an input that matches none of the three shapes.
 * @see S. Gupta & D. R. Lehmann, "Customers as assets", Journal of Interactive Marketing 17(1),
 *   2003, 9-24 (the discounted retention model).
 * @example
 * ```ts
 * import { customerLifetimeValue } from "cxmetrics";
 * customerLifetimeValue({ arpu: 50, churnRate: 0.02, grossMargin: 0.8 }); // 2000
 * customerLifetimeValue({ arpu: 50, churnRate: 0.02, grossMargin: 0.8, discountRate: 0.01 }); // 1346.666…
 * customerLifetimeValue({ arpu: 50, lifetime: 36, cac: 400 }); // 1400
 * customerLifetimeValue({ transactionsPerPeriod: 4, averageOrderValue: 60, grossMargin: 0.3, lifetime: 3 }); // 216
 * ```
 *
 * @category Revenue and value
 */
export function customerLifetimeValue(input: LifetimeValueInput): number {
  return assertFiniteResult(lifetimeValue(assertObject(input, "input")), "input", input);
}

function lifetimeValue(o: Record<string, unknown>): number {
  if ("transactionsPerPeriod" in o) {
    return (
      assertNonNegative(o.transactionsPerPeriod, "input.transactionsPerPeriod") *
      assertNonNegative(o.averageOrderValue, "input.averageOrderValue") *
      assertFraction(o.grossMargin, "input.grossMargin") *
      assertPositive(o.lifetime, "input.lifetime")
    );
  }
  if ("churnRate" in o) {
    const margin = assertNonNegative(o.arpu, "input.arpu") * (o.grossMargin === undefined ? 1 : assertFraction(o.grossMargin, "input.grossMargin"));
    const churn = assertFraction(o.churnRate, "input.churnRate");
    const discount = o.discountRate === undefined ? 0 : assertNonNegative(o.discountRate, "input.discountRate");
    if (churn + discount === 0) {
      throw new MetricsInputError(
        "UNDEFINED_RESULT",
        "input.churnRate",
        churn,
        "above 0 (or give a discountRate above 0): with no churn and no discounting the lifetime value is unbounded",
      );
    }
    return (margin * (1 + discount)) / (churn + discount);
  }
  if ("lifetime" in o && "arpu" in o) {
    const cac = o.cac === undefined ? 0 : assertNonNegative(o.cac, "input.cac");
    const crc = o.crc === undefined ? 0 : assertNonNegative(o.crc, "input.crc");
    return assertNonNegative(o.arpu, "input.arpu") * assertPositive(o.lifetime, "input.lifetime") - (cac + crc);
  }
  throw new MetricsTypeError(
    "INVALID_TYPE",
    "input",
    o,
    "{ arpu, lifetime }, { arpu, churnRate } or { transactionsPerPeriod, averageOrderValue, grossMargin, lifetime }",
  );
}

/**
 * The LTV:CAC ratio: lifetime value per unit of acquisition cost (3 or more is the usual target).
 *
 * @param ltv - Lifetime value, a finite number (from {@link customerLifetimeValue}).
 * @param cac - Acquisition cost, > 0, in the same currency.
 * @returns ltv / cac.
 * @throws {@link MetricsInputError} for a non-finite ltv or a cac that is not > 0.
 * @see D. Skok, "SaaS Metrics 2.0" (2013).
 * @example
 * ```ts
 * import { ltvToCac } from "cxmetrics";
 * ltvToCac(2000, 400); // 5
 * ```
 *
 * @category Revenue and value
 */
export function ltvToCac(ltv: number, cac: number): number {
  return assertFiniteResult(assertFinite(ltv, "ltv") / assertPositive(cac, "cac"), "cac", cac);
}

/**
 * Months of gross margin needed to earn back what a customer cost to acquire.
 *
 * payback = CAC / (monthly ARPU × gross margin). Pass monthly ARPU; for another period the
 * result is in that period instead.
 *
 * @param input - `cac` (≥ 0), monthly `arpu` (> 0), `grossMargin` (fraction in (0, 1], default 1).
 * @returns Months to pay back, ≥ 0.
 * @throws {@link MetricsInputError} for negative money, an ARPU or margin of 0 (never paid back).
 * @see D. Skok, "SaaS Metrics 2.0" (2013): months to recover CAC.
 * @example
 * ```ts
 * import { cacPaybackMonths } from "cxmetrics";
 * cacPaybackMonths({ cac: 400, arpu: 50, grossMargin: 0.8 }); // 10
 * ```
 *
 * @category Revenue and value
 */
export function cacPaybackMonths(input: CacPaybackInput): number {
  const o = assertObject(input, "input");
  const cac = assertNonNegative(o.cac, "input.cac");
  const monthly = assertPositive(o.arpu, "input.arpu");
  const margin = o.grossMargin === undefined ? 1 : assertFraction(o.grossMargin, "input.grossMargin");
  if (margin === 0) {
    throw new MetricsInputError("UNDEFINED_RESULT", "input.grossMargin", 0, "above 0: with no margin the CAC is never paid back");
  }
  return assertFiniteResult(cac / (monthly * margin), "input.arpu", monthly);
}
