import { readFields, readOptions } from "../_lib/core/options.ts";
import { assertCountAtLeast, assertFiniteResult, assertFraction, assertInRange } from "../_lib/core/validate.ts";
import { MetricsInputError } from "../errors.ts";
import type { OpportunityHistory } from "./bgBb.ts";
import type { PurchaseHistory } from "./bgNbd.ts";
import { conditionalSpend, type GammaGammaModel, gammaGammaParams, readMonetary } from "./gammaGamma.ts";
import { conditionalCurve, type PurchaseModel } from "./predict.ts";

/**
 * Options of {@link expectedLifetimeValue}.
 *
 * @category Customer-base models
 */
export interface LifetimeValueOptions {
  /** How many periods ahead to count, a whole number from 1 to 10⁴. Required. */
  readonly periods: number;
  /** Discount rate per period, a fraction in [0, 1] (0.01 a month, say; 10 is read as a likely percentage and refused). Required: 0 means no discounting. */
  readonly discountRate: number;
  /** Profit margin on spend, a fraction in [0, 1]. Default 1 (the value is revenue). */
  readonly margin?: number;
  /**
   * Length of one period in the purchase model's time unit: 52/12 for monthly periods under a
   * model fitted in weeks. Default 1. Must be 1 for BG/BB (its periods are its opportunities).
   */
  readonly periodLength?: number;
}

/**
 * A customer as {@link expectedLifetimeValue} reads it: their purchase history (continuous, or
 * over opportunities for BG/BB) and `monetary`, the mean value of their repeat purchases (0 with
 * none), as in an {@link rfmSummary} row.
 *
 * @category Customer-base models
 */
export type ValuedCustomer = (PurchaseHistory | OpportunityHistory) & {
  /** Mean value of the repeat purchases: > 0 after repeat purchases, 0 with none. */
  readonly monetary: number;
};

/** The most periods counted. */
const MAX_PERIODS = 10_000;

/**
 * A customer's expected discounted value over the next `periods` periods: a purchase model's
 * expected purchases per period, times the Gamma-Gamma expected spend per purchase, times the
 * margin, discounted per period:
 *
 * CLV = margin · E(M | x, m) · Σᵢ₌₁ᴺ (E[Y(i·ℓ)] − E[Y((i − 1)·ℓ)]) / (1 + d)ⁱ,
 *
 * with E[Y(t)] the customer's {@link conditionalExpectedPurchases}, ℓ the period length, d the
 * discount rate and N the periods: purchases in period i are discounted as if at its end (the
 * usual discrete approximation, as in the `lifetimes` package). The Gamma-Gamma model assumes
 * spend independent of purchase frequency; check it on your data before relying on the product.
 *
 * @param models - `{ purchases, spend }`: a BG/NBD, Pareto/NBD or BG/BB model and a Gamma-Gamma model.
 * @param customer - `{ frequency, recency, T, monetary }` (or `periods` instead of `T` for BG/BB).
 * @param options - `{ periods, discountRate, margin?, periodLength? }`.
 * @returns The expected value, in the currency of the spend model, ≥ 0.
 * @throws {@link MetricsInputError} for an invalid history, option or parameters (q ≤ 1 among them).
 * @throws {@link MetricsTypeError} for an unknown model kind, field or option.
 * @see P. S. Fader, B. G. S. Hardie & K. L. Lee, "RFM and CLV: Using Iso-Value Curves for Customer
 *   Base Analysis", Journal of Marketing Research 42(4), 2005, 415-430.
 * @example
 * ```ts
 * import { expectedLifetimeValue } from "cxmetrics";
 * const purchases = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
 * const spend = { model: "gamma-gamma" as const, params: { p: 6.25, q: 3.74, gamma: 15.44 } };
 * const customer = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };
 * // One year ahead in months, 1 % a month, 30 % margin on about 1.5 purchases of about $24.66
 * expectedLifetimeValue({ purchases, spend }, customer, { periods: 12, periodLength: 52 / 12, discountRate: 0.01, margin: 0.3 }); // 10.86…
 * ```
 *
 * @category Customer-base models
 */
export function expectedLifetimeValue(
  models: { readonly purchases: PurchaseModel; readonly spend: GammaGammaModel },
  customer: ValuedCustomer,
  options: LifetimeValueOptions,
): number {
  const m = readFields(models, "expectedLifetimeValue", ["purchases", "spend"], "models");
  const spendParams = gammaGammaParams(m.spend, "expectedLifetimeValue", "models.spend");
  const o = readOptions(options, "expectedLifetimeValue", ["periods", "discountRate", "margin", "periodLength"]);
  const periods = assertCountAtLeast(o.periods, "options.periods", 1);
  if (periods > MAX_PERIODS) throw new MetricsInputError("OUT_OF_RANGE", "options.periods", periods, `at most ${MAX_PERIODS}`);
  const discount = assertFraction(o.discountRate, "options.discountRate");
  const margin = o.margin === undefined ? 1 : assertFraction(o.margin, "options.margin");
  const length = o.periodLength === undefined ? 1 : assertInRange(o.periodLength, "options.periodLength", 0, 1e6, { openMin: true });
  const purchasesBy = conditionalCurve(m.purchases, customer, "expectedLifetimeValue", "models.purchases");
  if ((m.purchases as PurchaseModel).model === "bg-bb" && length !== 1) {
    throw new MetricsInputError("OUT_OF_RANGE", "options.periodLength", length, "1 with a BG/BB model (its periods are its opportunities)");
  }
  const c = customer as { frequency: number; monetary: unknown };
  const spend = conditionalSpend(spendParams, c.frequency, readMonetary(c.monetary, c.frequency, "customer.monetary"));
  let value = 0;
  let before = 0;
  for (let i = 1; i <= periods; i++) {
    const by = purchasesBy(i * length);
    value += (by - before) / (1 + discount) ** i;
    before = by;
  }
  return assertFiniteResult(margin * spend * value, "models", models);
}
