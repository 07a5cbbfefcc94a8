// Predictions from any purchase model: the public functions read the model's kind and hand the
// validated parameters and history to that model's formulas.

import { assertCount, assertFiniteResult, assertInRange } from "../_lib/core/validate.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import {
  type BgBbModel,
  bgBbAlive,
  bgBbConditional,
  bgBbCountProbability,
  bgBbExpected,
  type OpportunityHistory,
  readOpportunities,
  readOpportunityHistory,
} from "./bgBb.ts";
import {
  type BgNbdModel,
  bgNbdAlive,
  bgNbdConditional,
  bgNbdCountProbability,
  bgNbdExpected,
  type PurchaseHistory,
  readPurchaseHistory,
} from "./bgNbd.ts";
import { readModel } from "./fitting.ts";
import { type ParetoNbdModel, paretoAlive, paretoConditional, paretoCountProbability, paretoExpected } from "./paretoNbd.ts";

/**
 * A model of repeat purchases that the prediction functions take: BG/NBD or Pareto/NBD in
 * continuous time, BG/BB over discrete opportunities.
 *
 * @category Customer-base models
 */
export type PurchaseModel = BgNbdModel | ParetoNbdModel | BgBbModel;

const KINDS = {
  "bg-nbd": ["r", "alpha", "a", "b"],
  "pareto-nbd": ["r", "alpha", "s", "beta"],
  "bg-bb": ["alpha", "beta", "gamma", "delta"],
} as const;
const FITTERS = { "bg-nbd": "fitBgNbd", "pareto-nbd": "fitParetoNbd", "bg-bb": "fitBgBb" } as const;
type Kind = keyof typeof KINDS;

/** The model's kind and validated parameters (by kind), or a clear error naming `argument`. */
function read(model: unknown, fn: string, argument = "model") {
  const kind = typeof model === "object" && model !== null ? (model as { model?: unknown }).model : undefined;
  if (typeof kind !== "string" || !Object.hasOwn(KINDS, kind)) {
    throw new MetricsTypeError(
      "INVALID_OPTION",
      typeof model === "object" && model !== null ? `${argument}.model` : argument,
      kind ?? model,
      'a purchase model: "bg-nbd", "pareto-nbd" or "bg-bb" (from fitBgNbd, fitParetoNbd or fitBgBb)',
    );
  }
  // One call per kind, so that each kind's parameters keep their own names.
  if (kind === "bg-nbd") return { kind, p: readModel(model, fn, kind, KINDS[kind], FITTERS[kind], argument) } as const;
  if (kind === "pareto-nbd") return { kind, p: readModel(model, fn, kind, KINDS[kind], FITTERS[kind], argument) } as const;
  const bb = "bg-bb" as const;
  return { kind: bb, p: readModel(model, fn, bb, KINDS[bb], FITTERS[bb], argument) } as const;
}

/** A horizon: a time ≥ 0 in the model's unit, or a whole number of opportunities for BG/BB. */
function horizon(value: unknown, kind: Kind, argument: string): number {
  return kind === "bg-bb" ? readOpportunities(value, argument) : assertInRange(value, argument, 0, 1e12);
}

/**
 * The probability that a customer with this history is still alive: at the end of the
 * calibration period (BG/NBD, Pareto/NBD), or at the next opportunity (BG/BB).
 *
 * - BG/NBD (Fader, Hardie & Lee 2005, eq. 11): 1/(1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + tₓ))^(r+x));
 *   a customer with no repeat purchase is alive with probability 1 (they can only drop out right
 *   after a purchase).
 * - Pareto/NBD (Schmittlein, Morrison & Colombo 1987): 1/(1 + s/(r + s + x) · (α + T)^(r+x)(β + T)ˢ · A₀),
 *   A₀ the difference of Gauss hypergeometric functions of the likelihood.
 * - BG/BB (Fader, Hardie & Shang 2010, eq. 11): B(α + x, β + n − x)/B(α, β) · B(γ, δ + n + 1)/B(γ, δ) / L.
 *
 * All evaluated in logs, so a heavy buyer long gone gets a tiny probability rather than NaN.
 *
 * @param model - A model from {@link fitBgNbd}, {@link fitParetoNbd} or {@link fitBgBb}, or one built by hand (`{ model, params }`).
 * @param customer - `{ frequency, recency, T }` (continuous time, in the model's unit), or
 *   `{ frequency, recency, periods }` for BG/BB.
 * @returns A probability in [0, 1].
 * @throws {@link MetricsInputError} for an invalid history or parameters outside (0, 10¹²].
 * @throws {@link MetricsTypeError} for an unknown model kind or field.
 * @see P. S. Fader, B. G. S. Hardie & K. L. Lee, Marketing Science 24(2), 2005; D. C. Schmittlein,
 *   D. G. Morrison & R. Colombo, Management Science 33(1), 1987; P. S. Fader, B. G. S. Hardie &
 *   J. Shang, Marketing Science 29(6), 2010.
 * @example
 * ```ts
 * import { probabilityAlive } from "cxmetrics";
 * const cdnow = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
 * probabilityAlive(cdnow, { frequency: 0, recency: 0, T: 38.86 }); // 1
 * probabilityAlive(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }); // 0.7265…
 * ```
 *
 * @category Customer-base models
 */
export function probabilityAlive(model: BgNbdModel | ParetoNbdModel, customer: PurchaseHistory): number;
export function probabilityAlive(model: BgBbModel, customer: OpportunityHistory): number;
export function probabilityAlive(model: PurchaseModel, customer: PurchaseHistory | OpportunityHistory): number;
export function probabilityAlive(model: PurchaseModel, customer: PurchaseHistory | OpportunityHistory): number {
  const m = read(model, "probabilityAlive");
  if (m.kind === "bg-bb") {
    const h = readOpportunityHistory(customer, "probabilityAlive", "customer");
    return bgBbAlive(m.p, h.x, h.tx, h.n);
  }
  const h = readPurchaseHistory(customer, "probabilityAlive", "customer");
  return m.kind === "bg-nbd" ? bgNbdAlive(m.p, h.x, h.tx, h.T) : paretoAlive(m.p, h.x, h.tx, h.T);
}

/**
 * Expected repeat purchases of a new customer by time t (after their first purchase), E[X(t)]:
 *
 * - BG/NBD (eq. 7): (a + b − 1)/(a − 1) · [1 − (α/(α + t))ʳ · ₂F₁(r, b; a + b − 1; t/(α + t))];
 * - Pareto/NBD: rβ/(α(s − 1)) · [1 − (β/(β + t))^(s−1)];
 * - BG/BB (eq. 9): α/(α + β) · Σᵢ₌₁ᵗ B(γ, δ + i)/B(γ, δ), over t whole opportunities.
 *
 * Each is evaluated in a form that stays exact where the papers' formulas divide by zero
 * (a = 1, s = 1, γ = 1): the hypergeometric function after Euler's transformation, expm1 for the
 * power differences, and the BG/BB sum term by term.
 *
 * @param model - A purchase model (fitted or built by hand).
 * @param t - The horizon: a time ≥ 0 in the model's unit, or a whole number of opportunities (BG/BB, at most 10⁴).
 * @returns Expected repeat purchases, ≥ 0.
 * @throws {@link MetricsInputError} for a horizon out of range or parameters outside (0, 10¹²].
 * @throws {@link MetricsTypeError} for an unknown model kind.
 * @see Fader, Hardie & Lee 2005; Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Shang 2010.
 * @example
 * ```ts
 * import { expectedPurchases } from "cxmetrics";
 * const cdnow = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
 * expectedPurchases(cdnow, 39); // 1.196… repeat purchases in the first 39 weeks
 * ```
 *
 * @category Customer-base models
 */
export function expectedPurchases(model: PurchaseModel, t: number): number {
  const m = read(model, "expectedPurchases");
  const h = horizon(t, m.kind, "t");
  const value = m.kind === "bg-bb" ? bgBbExpected(m.p, h) : m.kind === "bg-nbd" ? bgNbdExpected(m.p, h) : paretoExpected(m.p, h);
  return assertFiniteResult(value, "model.params", m.p);
}

/**
 * Expected purchases of a customer with this history in the next t periods, E[Y(t) | history]:
 *
 * - BG/NBD (eq. 10): (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r+x) ·
 *   ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))] · P(alive);
 * - Pareto/NBD: (r + x)(β + T)/((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s−1)] · P(alive);
 * - BG/BB (eq. 13): transactions in opportunities n + 1 … n + t, B(α + x + 1, β + n − x)/B(α, β) ·
 *   Σᵢ₌₁ᵗ B(γ, δ + n + i)/B(γ, δ) / L.
 *
 * @param model - A purchase model (fitted or built by hand).
 * @param customer - `{ frequency, recency, T }` (continuous time), or `{ frequency, recency, periods }` for BG/BB.
 * @param t - The horizon after the calibration period: a time ≥ 0, or a whole number of opportunities (BG/BB, at most 10⁴).
 * @returns Expected purchases, ≥ 0.
 * @throws {@link MetricsInputError} for an invalid history, horizon or parameters.
 * @throws {@link MetricsTypeError} for an unknown model kind or field.
 * @see Fader, Hardie & Lee 2005 (whose worked example, x = 2, tₓ = 30.43, T = 38.86, gives 1.226
 *   purchases in the next 39 weeks); Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Shang 2010.
 * @example
 * ```ts
 * import { conditionalExpectedPurchases } from "cxmetrics";
 * const cdnow = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
 * conditionalExpectedPurchases(cdnow, { frequency: 2, recency: 30.43, T: 38.86 }, 39); // 1.226…
 * ```
 *
 * @category Customer-base models
 */
export function conditionalExpectedPurchases(model: BgNbdModel | ParetoNbdModel, customer: PurchaseHistory, t: number): number;
export function conditionalExpectedPurchases(model: BgBbModel, customer: OpportunityHistory, t: number): number;
export function conditionalExpectedPurchases(model: PurchaseModel, customer: PurchaseHistory | OpportunityHistory, t: number): number;
export function conditionalExpectedPurchases(model: PurchaseModel, customer: PurchaseHistory | OpportunityHistory, t: number): number {
  return conditionalCurve(model, customer, "conditionalExpectedPurchases")(t);
}

/**
 * The customer's expected purchases as a function of the horizon, model and history validated
 * once (for `fn`, the model named `argument`); the horizon is checked at each call.
 */
export function conditionalCurve(model: unknown, customer: unknown, fn: string, argument = "model"): (t: unknown) => number {
  const m = read(model, fn, argument);
  const params = `${argument}.params`;
  if (m.kind === "bg-bb") {
    const c = readOpportunityHistory(customer, fn, "customer");
    return (t) => assertFiniteResult(bgBbConditional(m.p, c.x, c.tx, c.n, horizon(t, m.kind, "t")), params, m.p);
  }
  const c = readPurchaseHistory(customer, fn, "customer");
  if (m.kind === "bg-nbd") return (t) => assertFiniteResult(bgNbdConditional(m.p, c.x, c.tx, c.T, horizon(t, m.kind, "t")), params, m.p);
  return (t) => assertFiniteResult(paretoConditional(m.p, c.x, c.tx, c.T, horizon(t, m.kind, "t")), params, m.p);
}

/**
 * The probability that a new customer makes exactly n repeat purchases by time t, P(X(t) = n):
 *
 * - BG/NBD (eq. 8): B(a, b + n)/B(a, b) · NBD(n; r, α, t) + [n > 0] · B(a + 1, b + n − 1)/B(a, b) ·
 *   P(NBD(r, α, t) ≥ n), the tail as a regularized incomplete beta function;
 * - Pareto/NBD: (β/(β + t))ˢ · NBD(n; r, α, t) + ∫₀ᵗ f(τ) NBD(n; r, α, τ) dτ over the Pareto
 *   lifetime τ, by Gauss-Legendre quadrature in ln τ;
 * - BG/BB (eq. 8): over t whole opportunities, the sum over the opportunity after which the
 *   customer left.
 *
 * Over n = 0, 1, 2, … the probabilities sum to 1.
 *
 * @param model - A purchase model (fitted or built by hand).
 * @param n - The number of repeat purchases, a whole number ≥ 0.
 * @param t - The horizon: a time ≥ 0 (BG/NBD), or a whole number of opportunities up to 10⁴ (BG/BB).
 * @returns A probability in [0, 1].
 * @throws {@link MetricsInputError} for n or t out of range, or parameters outside (0, 10¹²].
 * @throws {@link MetricsTypeError} for an unknown model kind.
 * @see Fader, Hardie & Lee 2005; Fader, Hardie & Shang 2010.
 * @example
 * ```ts
 * import { purchaseCountProbability } from "cxmetrics";
 * const cdnow = { model: "bg-nbd" as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
 * purchaseCountProbability(cdnow, 0, 39); // 0.573…: most customers make no repeat purchase in 39 weeks
 * ```
 *
 * @category Customer-base models
 */
export function purchaseCountProbability(model: PurchaseModel, n: number, t: number): number {
  const m = read(model, "purchaseCountProbability");
  const count = assertCount(n, "n");
  const h = horizon(t, m.kind, "t");
  if (m.kind === "pareto-nbd") {
    const value = paretoCountProbability(m.p, count, h);
    if (Number.isNaN(value)) {
      throw new MetricsInputError(
        "UNDEFINED_RESULT",
        "n",
        count,
        "a count the quadrature can resolve (at most about 10⁵ for these parameters)",
      );
    }
    return value;
  }
  return m.kind === "bg-bb" ? bgBbCountProbability(m.p, count, h) : bgNbdCountProbability(m.p, count, h);
}
