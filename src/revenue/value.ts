import { readFields } from "../_lib/core/options.ts";
import {
  assertCountAtLeast,
  assertFinite,
  assertFiniteResult,
  assertFraction,
  assertNonNegative,
  assertOneOf,
  assertPositive,
} from "../_lib/core/validate.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";

const CUSTOMER_ACQUISITION_COST_FIELDS = ["salesAndMarketingSpend", "newCustomers"] as const;
const CUSTOMER_RETENTION_COST_FIELDS = ["retentionSpend", "customers"] as const;
const AVERAGE_REVENUE_PER_USER_FIELDS = ["revenue", "customers"] as const;
const LTV_TO_CAC_FIELDS = ["ltv", "cac"] as const;
const CAC_PAYBACK_MONTHS_FIELDS = ["cac", "arpu", "grossMargin"] as const;

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
 * Input of {@link averageRevenuePerUser}.
 *
 * @category Revenue and value
 */
export interface RevenuePerUserInput {
  /** Revenue of the period, ≥ 0. */
  revenue: number;
  /** Customers (or accounts) in the same period, ≥ 1; may be an average, so fractions are allowed. */
  customers: number;
}

/**
 * Lifetime value from a known lifetime: ARPU × margin × lifetime − (CAC + CRC).
 *
 * @category Revenue and value
 */
export interface LifetimeModel {
  /** Names the formula. */
  model: "lifetime";
  /** Revenue per customer per period, ≥ 0. */
  arpu: number;
  /** Periods a customer stays, > 0, in the same period as `arpu`. */
  lifetime: number;
  /** Gross margin, a fraction in [0, 1]. Default 1 (revenue, not profit). */
  grossMargin?: number;
  /** Acquisition cost per customer, ≥ 0. Default 0. */
  cac?: number;
  /** Retention cost per customer over the whole lifetime, ≥ 0. Default 0. */
  crc?: number;
}

/**
 * Lifetime value from a churn rate: margin per period over churn, optionally discounted, less CAC.
 *
 * @category Revenue and value
 */
export interface ChurnModel {
  /** Names the formula. */
  model: "churn";
  /** Revenue per customer per period, ≥ 0. */
  arpu: number;
  /** Churn rate per period (the same period as `arpu`), a fraction in [0, 1]. */
  churnRate: number;
  /** Gross margin, a fraction in [0, 1]. Default 1 (revenue, not profit). */
  grossMargin?: number;
  /** Discount rate per period (the same period), a fraction in [0, 1] (0.1, not 10). Default 0. */
  discountRate?: number;
  /** Acquisition cost per customer, ≥ 0, subtracted once. Default 0. */
  cac?: number;
}

/**
 * E-commerce lifetime value: transactions × order value × margin × lifetime.
 *
 * @category Revenue and value
 */
export interface OrdersModel {
  /** Names the formula. */
  model: "orders";
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
 * The inputs {@link customerLifetimeValue} understands, each naming its formula in `model`.
 *
 * @category Revenue and value
 */
export type LifetimeValueInput = LifetimeModel | ChurnModel | OrdersModel;

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
 * Input of {@link ltvToCac}.
 *
 * @category Revenue and value
 */
export interface LtvCacInput {
  /** Lifetime value, a finite number (from {@link customerLifetimeValue}). */
  ltv: number;
  /** Acquisition cost, > 0, in the same currency. */
  cac: number;
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
 * @throws {@link MetricsTypeError} for an unknown field.
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
  const o = readFields(input, "customerAcquisitionCost", CUSTOMER_ACQUISITION_COST_FIELDS);
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
 * @throws {@link MetricsTypeError} for an unknown field.
 * @example
 * ```ts
 * import { customerRetentionCost } from "cxmetrics";
 * customerRetentionCost({ retentionSpend: 12000, customers: 800 }); // 15
 * ```
 *
 * @category Revenue and value
 */
export function customerRetentionCost(input: RetentionCostInput): number {
  const o = readFields(input, "customerRetentionCost", CUSTOMER_RETENTION_COST_FIELDS);
  const spend = assertNonNegative(o.retentionSpend, "input.retentionSpend");
  return spend / assertCountAtLeast(o.customers, "input.customers", 1);
}

/**
 * Average revenue per user (or account, ARPU) for one period: revenue / customers.
 *
 * @param input - `revenue` (≥ 0) and `customers` (≥ 1; an average count may be fractional).
 * @returns ARPU, in the currency of the revenue, per the period of the revenue.
 * @throws {@link MetricsInputError} for negative revenue or fewer than 1 customer.
 * @throws {@link MetricsTypeError} for an unknown field.
 * @example
 * ```ts
 * import { averageRevenuePerUser } from "cxmetrics";
 * const arpu = averageRevenuePerUser({ revenue: 45000, customers: 900 }); // 50
 * ```
 *
 * @category Revenue and value
 */
export function averageRevenuePerUser(input: RevenuePerUserInput): number {
  const o = readFields(input, "averageRevenuePerUser", AVERAGE_REVENUE_PER_USER_FIELDS);
  const revenue = assertNonNegative(o.revenue, "input.revenue");
  const customers = assertFinite(o.customers, "input.customers");
  if (customers < 1) throw new MetricsInputError("OUT_OF_RANGE", "input.customers", customers, "at least 1");
  return revenue / customers;
}

const MODELS = ["lifetime", "churn", "orders"] as const;

const MODEL_FIELDS = {
  lifetime: ["model", "arpu", "lifetime", "grossMargin", "cac", "crc"],
  churn: ["model", "arpu", "churnRate", "grossMargin", "discountRate", "cac"],
  orders: ["model", "transactionsPerPeriod", "averageOrderValue", "grossMargin", "lifetime"],
} as const satisfies Record<(typeof MODELS)[number], readonly string[]>;

/**
 * Customer lifetime value (CLV, LTV) by the formula the input names in `model`:
 *
 * - `"lifetime"`: `{ arpu, lifetime, grossMargin?, cac?, crc? }`,
 *   CLV = ARPU × margin × lifetime − (CAC + CRC), the value net of what it cost to win and keep
 *   the customer (CRC over the whole lifetime).
 * - `"churn"`: `{ arpu, churnRate, grossMargin?, discountRate?, cac? }`. The expected lifetime is
 *   1/churn, so CLV = ARPU × margin / churn. With a discount rate d, each period's margin is
 *   discounted and weighted by survival: CLV = Σₜ₌₀^∞ m·((1 − c)/(1 + d))ᵗ = m(1 + d)/(c + d), the
 *   first period paid up front; d = 0 gives back m/c. This is Gupta & Lehmann's m·r/(1 + d − r)
 *   (r = 1 − c, margins from the end of the first period on) plus that first margin m. CAC, when
 *   given, is subtracted once.
 * - `"orders"`: `{ transactionsPerPeriod, averageOrderValue, grossMargin, lifetime }`, the
 *   e-commerce form, CLV = transactions × AOV × margin × lifetime.
 *
 * A field the named formula does not use is an error, never dropped: a margin, lifetime or cost
 * always counts or is refused.
 *
 * **ARPU, lifetime, churn and discount rates must share one period** (monthly ARPU with monthly
 * churn, never with annual churn): mixing periods is the most common CLV mistake.
 *
 * @param input - One of the three models above, with its `model` name.
 * @returns CLV, in the currency of the inputs (negative when costs exceed revenue).
 * @throws {@link MetricsInputError} for negative money, rates outside their ranges (a churn rate of
 *   5 gets the hint 0.05), a lifetime that is not > 0, or `UNDEFINED_RESULT` for zero churn
 *   without discounting (no finite value).
 * @throws {@link MetricsTypeError} for a missing or unknown `model`, or a field that model does not use.
 * @see S. Gupta & D. R. Lehmann, "Customers as assets", Journal of Interactive Marketing 17(1),
 *   2003, 9-24 (the discounted retention model).
 * @example
 * ```ts
 * import { customerLifetimeValue } from "cxmetrics";
 * customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0.02, grossMargin: 0.8 }); // 2000
 * customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0.02, grossMargin: 0.8, discountRate: 0.01 }); // 1346.666…
 * customerLifetimeValue({ model: "lifetime", arpu: 50, lifetime: 36, cac: 400 }); // 1400
 * customerLifetimeValue({ model: "orders", transactionsPerPeriod: 4, averageOrderValue: 60, grossMargin: 0.3, lifetime: 3 }); // 216
 * ```
 *
 * @category Revenue and value
 */
export function customerLifetimeValue(input: LifetimeValueInput): number {
  if (typeof input !== "object" || input === null) {
    throw new MetricsTypeError(
      "INVALID_TYPE",
      "input",
      input,
      `an object naming its model: { model: ${MODELS.map((m) => `"${m}"`).join(" | ")}, … }`,
    );
  }
  const model = assertOneOf((input as { model?: unknown }).model, "input.model", MODELS);
  const o = readFields(input, `customerLifetimeValue (model "${model}")`, MODEL_FIELDS[model]);
  const cost = (name: "cac" | "crc") => (o[name] === undefined ? 0 : assertNonNegative(o[name], `input.${name}`));
  const margin = o.grossMargin === undefined ? 1 : assertFraction(o.grossMargin, "input.grossMargin");
  let value: number;
  if (model === "orders") {
    value =
      assertNonNegative(o.transactionsPerPeriod, "input.transactionsPerPeriod") *
      assertNonNegative(o.averageOrderValue, "input.averageOrderValue") *
      assertFraction(o.grossMargin, "input.grossMargin") *
      assertPositive(o.lifetime, "input.lifetime");
  } else if (model === "churn") {
    const perPeriod = assertNonNegative(o.arpu, "input.arpu") * margin;
    const churn = assertFraction(o.churnRate, "input.churnRate");
    // A rate is a fraction: 10 is "did you mean 0.1?", never 1000 % a period.
    const discount = o.discountRate === undefined ? 0 : assertFraction(o.discountRate, "input.discountRate");
    if (churn + discount === 0) {
      throw new MetricsInputError(
        "UNDEFINED_RESULT",
        "input.churnRate",
        churn,
        "above 0 (or give a discountRate above 0): with no churn and no discounting the lifetime value is unbounded",
      );
    }
    value = (perPeriod * (1 + discount)) / (churn + discount) - cost("cac");
  } else {
    value = assertNonNegative(o.arpu, "input.arpu") * margin * assertPositive(o.lifetime, "input.lifetime") - (cost("cac") + cost("crc"));
  }
  return assertFiniteResult(value, "input", input);
}

/**
 * The LTV:CAC ratio: lifetime value per unit of acquisition cost (3 or more is the usual target).
 *
 * @param input - `{ ltv, cac }`: a finite lifetime value and an acquisition cost > 0 in the same currency.
 * @returns ltv / cac.
 * @throws {@link MetricsInputError} for a non-finite ltv or a cac that is not > 0.
 * @throws {@link MetricsTypeError} for an unknown field.
 * @see D. Skok, "SaaS Metrics 2.0" (2013).
 * @example
 * ```ts
 * import { ltvToCac } from "cxmetrics";
 * ltvToCac({ ltv: 2000, cac: 400 }); // 5
 * ```
 *
 * @category Revenue and value
 */
export function ltvToCac(input: LtvCacInput): number {
  const o = readFields(input, "ltvToCac", LTV_TO_CAC_FIELDS);
  return assertFiniteResult(assertFinite(o.ltv, "input.ltv") / assertPositive(o.cac, "input.cac"), "input.cac", o.cac);
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
 * @throws {@link MetricsTypeError} for an unknown field.
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
  const o = readFields(input, "cacPaybackMonths", CAC_PAYBACK_MONTHS_FIELDS);
  const cac = assertNonNegative(o.cac, "input.cac");
  const monthly = assertPositive(o.arpu, "input.arpu");
  const margin = o.grossMargin === undefined ? 1 : assertFraction(o.grossMargin, "input.grossMargin");
  if (margin === 0) {
    throw new MetricsInputError("UNDEFINED_RESULT", "input.grossMargin", 0, "above 0: with no margin the CAC is never paid back");
  }
  return assertFiniteResult(cac / (monthly * margin), "input.arpu", monthly);
}
