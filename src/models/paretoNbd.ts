import { MetricsInputError } from "../errors.ts";
import { logGamma } from "../stats/gamma.ts";
import { meanAge, type PurchaseHistory, readPurchaseHistories } from "./bgNbd.ts";
import { aliveFromLogOdds, fitPositive } from "./fitting.ts";
import { GAUSS_LEGENDRE_16, logGrowth, logHyp2f1Incomplete, logIncompleteIntegral, logPowerDifference } from "./hypergeometric.ts";

/**
 * A Pareto/NBD model of repeat purchasing (Schmittlein, Morrison & Colombo 1987): while alive, a
 * customer buys at a Poisson rate λ ~ Gamma(r, α) and their lifetime is exponential with rate
 * μ ~ Gamma(s, β), independent of λ. Fitted by {@link fitParetoNbd}, or built by hand from
 * published parameters.
 *
 * @category Customer-base models
 */
export interface ParetoNbdModel {
  /** Names the model. */
  readonly model: "pareto-nbd";
  /** The parameters, all in (0, 10¹²]. */
  readonly params: {
    /** Shape of the Gamma distribution of purchase rates. */
    readonly r: number;
    /** Scale of the Gamma distribution of purchase rates, in the time unit of the data. */
    readonly alpha: number;
    /** Shape of the Gamma distribution of dropout rates. */
    readonly s: number;
    /** Scale of the Gamma distribution of dropout rates, in the time unit of the data. */
    readonly beta: number;
  };
  /** Maximised log-likelihood (fits only). */
  readonly logLikelihood?: number;
  /** Standard errors of the parameters from the observed information (fits only). */
  readonly standardErrors?: {
    /** Of r. */
    readonly r: number;
    /** Of alpha. */
    readonly alpha: number;
    /** Of s. */
    readonly s: number;
    /** Of beta. */
    readonly beta: number;
  };
  /** Customers fitted, counting `count` (fits only). */
  readonly n?: number;
  /** Whether the maximisation converged (fits only). */
  readonly converged?: boolean;
  /** Optimiser iterations (fits only). */
  readonly iterations?: number;
}

/** Pareto/NBD parameters, validated. */
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** Series terms allowed at z ≤ ½, where they fall at least as fast as 2⁻ⁿ. */
const HALF_TERMS = 200;

/**
 * ln A₀ of the Pareto/NBD likelihood (Fader, Hardie & Shang 2005 note, eq. 22), for the customer
 * (x, tₓ, T): with k = r + s + x, and the larger of α and β as m,
 *
 * A₀ = ₂F₁(k, b; k + 1; |α − β|/(m + tₓ))/(m + tₓ)^k − ₂F₁(k, b; k + 1; |α − β|/(m + T))/(m + T)^k,
 *
 * b = s + 1 when α ≥ β, r + x otherwise (so the series' argument is in [0, 1)). The difference is
 * taken in logs by log1p: the second term is the smaller. −∞ when tₓ = T.
 */
function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const k = r + s + x;
  const [m, b] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const gap = Math.abs(alpha - beta);
  // ₂F₁(…; z)/(m + t)^k, in logs; for z above ½ as k·|α − β|^(−k) · ∫₀ᶻ w^(k−1)(1 − w)^(−b) dw.
  const at = (time: number) => {
    const z = gap / (m + time);
    if (z <= 0.5) return logHyp2f1Incomplete(k, b, z, HALF_TERMS) - k * Math.log(m + time);
    return Math.log(k) - k * Math.log(gap) + logIncompleteIntegral(k, b, z);
  };
  if (tx === T) return Number.NEGATIVE_INFINITY;
  const first = at(tx);
  return first + Math.log1p(-Math.exp(at(T) - first));
}

/** ln (α + T)^(r+x) (β + T)^s · s/(r + s + x) · A₀: the log-odds of having left by T. */
function logOddsGone(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  return Math.log(s) - Math.log(r + s + x) + logA0(p, x, tx, T) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T);
}

/**
 * One customer's Pareto/NBD log-likelihood:
 * L = Γ(r + x)αʳβˢ/Γ(r) · [1/((α + T)^(r+x)(β + T)ˢ) + s/(r + s + x) · A₀], in logs.
 */
export function paretoLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const front = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const odds = logOddsGone(p, x, tx, T);
  // ln(1 + e^odds), without overflow
  const softplus = odds > 0 ? odds + Math.log1p(Math.exp(-odds)) : Math.log1p(Math.exp(odds));
  return front + alive + softplus;
}

/**
 * Fits the Pareto/NBD model to customers' repeat-purchase histories by maximum likelihood
 * (Schmittlein, Morrison & Colombo 1987; the likelihood as in Fader, Hardie & Shang's 2005 note):
 * for each customer, with frequency x, recency tₓ and age T,
 *
 * L = Γ(r + x)αʳβˢ/Γ(r) · [1/((α + T)^(r+x)(β + T)ˢ) + s/(r + s + x) · A₀],
 *
 * where A₀ is a difference of two Gauss hypergeometric functions ₂F₁ (evaluated by their series
 * after Euler's transformation, so heavy buyers neither overflow nor lose digits); summed in logs
 * over customers, each weighted by its `count`, maximised over the logs of r, α, s, β (Nelder-Mead,
 * then Newton steps), with standard errors from the observed information.
 *
 * @param customers - `{ frequency, recency, T, count? }` per customer (or per group of identical ones), as from {@link rfmSummary}.
 * @returns `{ model: "pareto-nbd", params: { r, alpha, s, beta }, logLikelihood, standardErrors, n, converged, iterations }`.
 * @throws {@link MetricsInputError} for an invalid history (recency above T, a fractional
 *   frequency), no customers, data that cannot identify the model (no repeat purchase at all;
 *   dropout or purchase rates alike across customers, where s and β, or r and α, run off
 *   together), a fit that does not converge, or one that runs to α and β more than about 50 times
 *   apart, where the series would need too many terms to follow it (BG/NBD may suit such data).
 * @throws {@link MetricsTypeError} for customers that are not an array, or an unknown field.
 * @see D. C. Schmittlein, D. G. Morrison & R. Colombo, "Counting Your Customers: Who Are They and
 *   What Will They Do Next?", Management Science 33(1), 1987, 1-24; P. S. Fader, B. G. S. Hardie &
 *   J. Shang, "A Note on Deriving the Pareto/NBD Model and Related Expressions", 2005.
 * @example
 * ```ts
 * import { fitParetoNbd } from "cxmetrics";
 * const model = fitParetoNbd([
 *   { frequency: 0, recency: 0, T: 38.86, count: 1411 },
 *   { frequency: 1, recency: 1.71, T: 38.86, count: 200 },
 *   { frequency: 1, recency: 20, T: 38.86, count: 240 },
 *   { frequency: 2, recency: 5, T: 38.86, count: 90 },
 *   { frequency: 2, recency: 30.43, T: 38.86, count: 150 },
 *   { frequency: 3, recency: 10, T: 38.86, count: 80 },
 *   { frequency: 5, recency: 35, T: 38.86, count: 60 },
 *   { frequency: 10, recency: 37, T: 38.86, count: 20 },
 * ]);
 * model.params.s > 0; // true
 * ```
 *
 * @category Customer-base models
 */
export function fitParetoNbd(customers: ArrayLike<PurchaseHistory>): ParetoNbdModel {
  const { rows, n } = readPurchaseHistories(customers, "fitParetoNbd");
  const ll = ([r, alpha, s, beta]: readonly number[]) => {
    const p = { r: r!, alpha: alpha!, s: s!, beta: beta! };
    let total = 0;
    for (const g of rows) total += g.count * paretoLogLikelihood(p, g.x, g.tx, g.T);
    return total;
  };
  // α and β start at the customers' mean age, so the search is the same in any time unit.
  const fit = fitPositive(["r", "alpha", "s", "beta"], ll, "customers", customers, "Pareto/NBD", ["r", "s"], {
    alpha: meanAge(rows),
    beta: meanAge(rows),
  });
  return { model: "pareto-nbd", ...fit, n };
}

/** A value, or a clear error where the parameters put it out of double precision's reach. */
function reached(value: number, p: ParetoNbdParams): number {
  if (!Number.isNaN(value)) return value;
  throw new MetricsInputError(
    "UNDEFINED_RESULT",
    "model.params",
    p,
    "alpha and beta within a factor of 10¹⁵ of each other (beyond, the terms of the likelihood cannot be told apart in double precision)",
  );
}

/** P(alive at T | x, tₓ, T) = 1/(1 + s/(r+s+x) · (α+T)^(r+x)(β+T)ˢ · A₀). */
export function paretoAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return aliveFromLogOdds(reached(logOddsGone(p, x, tx, T), p));
}

/** E[X(t)] = rβ/(α(s − 1)) · [1 − (β/(β + t))^(s−1)], exact through s = 1 (where it is (rβ/α) ln((β + t)/β)). */
export function paretoExpected(p: ParetoNbdParams, t: number): number {
  return Math.exp(Math.log(p.r) - Math.log(p.alpha) + Math.log(p.beta) + logPowerDifference(p.s - 1, logGrowth(t, p.beta)));
}

/**
 * E[Y(t) | x, tₓ, T] = (r + x)(β + T)/((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s−1)] · P(alive).
 */
export function paretoConditional(p: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  const logRate = Math.log(p.r + x) + Math.log(p.beta + T) - Math.log(p.alpha + T);
  return Math.exp(logRate + logPowerDifference(p.s - 1, logGrowth(t, p.beta + T))) * paretoAlive(p, x, tx, T);
}

/**
 * P(X(t) = n) for a new customer: the lifetime τ has the Pareto (Lomax) survival (β/(β + τ))ˢ and,
 * λ being independent of it, purchases by t are negative binomial over the time alive, min(τ, t):
 *
 * P(X(t) = n) = (β/(β + t))ˢ · NBD(n; t) + ∫₀ᵗ f(τ) · NBD(n; τ) dτ,  NBD(n; τ) = Γ(r + n)/(Γ(r) n!) · (α/(α + τ))ʳ (τ/(α + τ))ⁿ.
 *
 * The integral is taken in ℓ = ln τ by 16-point Gauss-Legendre on panels narrow enough for the
 * steepest factor (width 8/(n + 1 + r + s) at most), up to ln t from where the integrand is under
 * 10⁻²⁰ of its value at m = min(α, t) (or 40 units below ln t): below m it is at most
 * (τ/m)ⁿ⁺¹ · (1 + m/α)ⁿ⁺ʳ · (1 + m/β)ˢ⁺¹ times that value (the last two factors grow as τ falls,
 * by up to 2ⁿ⁺ʳ, so a bound of τⁿ⁺¹ alone stops short when r and n are large). NaN when that
 * would need more than 20,000 panels.
 */
export function paretoCountProbability(p: ParetoNbdParams, n: number, t: number): number {
  const { r, alpha, s, beta } = p;
  if (t === 0) return n === 0 ? 1 : 0;
  const front = logGamma(r + n) - logGamma(r) - logGamma(n + 1);
  const logNbd = (tau: number) =>
    front + r * (Math.log(alpha) - Math.log(alpha + tau)) + (n === 0 ? 0 : n * (Math.log(tau) - Math.log(alpha + tau)));
  const to = Math.log(t);
  const m = Math.min(alpha, t);
  const growth = (n + r) * Math.log1p(m / alpha) + (s + 1) * Math.log1p(m / beta);
  const from = Math.max(to - 40, Math.log(m) - (46 + growth) / (n + 1));
  const panels = Math.ceil((to - from) / Math.min(0.5, 8 / (n + 1 + r + s)));
  if (panels > 20_000) return Number.NaN;
  const width = (to - from) / panels;
  const { nodes, weights } = GAUSS_LEGENDRE_16;
  const logDensity = Math.log(s) - Math.log(beta);
  let integral = 0;
  for (let i = 0; i < panels; i++) {
    for (let j = 0; j < 16; j++) {
      const l = from + (i + 0.5 + 0.5 * nodes[j]!) * width;
      const tau = Math.exp(l);
      integral += weights[j]! * Math.exp(logDensity - (s + 1) * Math.log1p(tau / beta) + logNbd(tau) + l);
    }
  }
  return Math.min(1, Math.exp(-s * Math.log1p(t / beta) + logNbd(t)) + 0.5 * width * integral);
}
