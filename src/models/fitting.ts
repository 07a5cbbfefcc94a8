// What every customer-base model shares: a maximum-likelihood fit over positive parameters
// (in logs), with standard errors from the observed information, and reading a model object
// back (its name and parameters checked). Internal.

import { readFields } from "../_lib/core/options.ts";
import { assertArrayLike, assertInRange } from "../_lib/core/validate.ts";
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { invert, maximize } from "./optimize.ts";

/** A fit's outcome, parameters named. */
export interface Fitted<P extends string> {
  readonly params: Record<P, number>;
  readonly logLikelihood: number;
  readonly standardErrors: Record<P, number>;
  readonly converged: true;
  readonly iterations: number;
}

/**
 * Maximises `logLikelihood` over positive parameters (searched in logs, from 1 each or `start`), and
 * returns them with standard errors from the inverse of the negative Hessian. Throws
 * UNDEFINED_RESULT (blaming `argument`) when the search does not converge, a parameter runs off
 * to 0 or infinity, a shape parameter (those in `shapes`) runs off beyond 10⁵, or the likelihood
 * is too flat for standard errors.
 */
export function fitPositive<P extends string>(
  names: readonly P[],
  logLikelihood: (params: readonly number[]) => number,
  argument: string,
  value: unknown,
  model: string,
  shapes: readonly P[] = names,
  start: Partial<Record<P, number>> = {},
): Fitted<P> {
  // Searched within e^±24 (beyond the 10^±10 accepted below): a parameter running off ends the
  // search at the edge instead of after thousands of steps.
  const fit = maximize(
    (x) => (x.every((v) => Math.abs(v) <= 24) ? logLikelihood(x.map(Math.exp)) : Number.NEGATIVE_INFINITY),
    names.map((n) => Math.log(start[n] ?? 1)),
  );
  const estimates = fit.x.map(Math.exp);
  const named = (values: readonly number[]) => Object.fromEntries(names.map((n, i) => [n, values[i]!])) as Record<P, number>;
  if (!fit.converged || !estimates.every((p) => p > 1e-10 && p < 1e10)) {
    const shown = names.map((n, i) => `${n} ${estimates[i]}`).join(", ");
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      argument,
      value,
      `data the ${model} model fits: the maximisation did not converge (${shown})`,
    );
  }
  // The observed information in the log-parameters, carried to the parameters: at the maximum
  // (gradient 0) the covariance of θ = eˣ is diag(θ) · Cov(x) · diag(θ).
  const logCovariance = invert(fit.hessian!.map((row) => row.map((h) => -h)));
  const covariance = logCovariance?.map((row, i) => row.map((c, j) => c * estimates[i]! * estimates[j]!)) ?? null;
  const errors = estimates.map((_, i) => (covariance === null ? Number.NaN : Math.sqrt(covariance[i]![i]!)));
  if (!errors.every(Number.isFinite)) {
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      argument,
      value,
      "data with enough information for standard errors (the likelihood is flat here)",
    );
  }
  // A Gamma or Beta shape running off to infinity means no spread between customers in what it
  // describes: the likelihood climbs along a ridge where only the shape's ratio to its partner is
  // determined, and any end point and standard error would be the search's, not the data's.
  for (const name of shapes) {
    const estimate = estimates[names.indexOf(name)]!;
    if (estimate > RUNAWAY_SHAPE) {
      throw new MetricsInputError(
        "UNDEFINED_RESULT",
        argument,
        value,
        `data that identify ${name}: it ran off to ${estimate} (no spread between customers in what it describes, so only its ratio to its partner is determined; a simpler model suits these data)`,
      );
    }
  }
  return { params: named(estimates), logLikelihood: fit.value, standardErrors: named(errors), converged: true, iterations: fit.iterations };
}

/** 1/(1 + e^logOdds): the chance of being alive from the log-odds of having left, without overflow either way. */
export function aliveFromLogOdds(logOdds: number): number {
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/** A shape parameter beyond this has run off (the distribution it shapes has no spread left). */
const RUNAWAY_SHAPE = 1e5;

const MODEL_FIELDS = ["model", "params", "logLikelihood", "standardErrors", "n", "converged", "iterations"] as const;

/**
 * The parameters of a model object of kind `kind` (a fit, or one built by hand), each checked to
 * lie in (0, 10¹²]: beyond that they mean nothing and sums of them could overflow. Errors name
 * the model `argument` (`models.spend` where a function takes two).
 */
export function readModel<P extends string>(
  model: unknown,
  fn: string,
  kind: string,
  names: readonly P[],
  fitter: string,
  argument = "model",
): Record<P, number> {
  const m = readFields(model, fn, MODEL_FIELDS, argument);
  if (m.model !== kind) {
    const shape = `{ model: "${kind}", params: { ${names.join(", ")} } }`;
    throw new MetricsTypeError("INVALID_OPTION", `${argument}.model`, m.model, `"${kind}" (a model from ${fitter}, or ${shape})`);
  }
  const p = readFields(m.params, fn, names, `${argument}.params`);
  return Object.fromEntries(names.map((n) => [n, assertInRange(p[n], `${argument}.params.${n}`, 0, 1e12, { openMin: true })])) as Record<
    P,
    number
  >;
}

/**
 * Customers read by `read` (which validates `customers[i]`), identical ones merged into one row
 * whose `count` adds theirs, so a likelihood is evaluated once per distinct history. Returns the
 * rows and the number of customers; throws EMPTY_INPUT when there are none.
 */
export function groupHistories<H extends { readonly count: number }>(
  customers: unknown,
  read: (value: unknown, argument: string) => H,
  key: (history: H) => readonly [number, number, number],
): { rows: H[]; n: number } {
  const list = assertArrayLike(customers, "customers");
  // Nested maps on the three numbers: no number-to-string conversion per customer.
  const groups = new Map<number, Map<number, Map<number, H & { count: number }>>>();
  const rows: (H & { count: number })[] = [];
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const h = read(list[i], `customers[${i}]`);
    const [k1, k2, k3] = key(h);
    let middle = groups.get(k1);
    if (middle === undefined) {
      middle = new Map();
      groups.set(k1, middle);
    }
    let inner = middle.get(k2);
    if (inner === undefined) {
      inner = new Map();
      middle.set(k2, inner);
    }
    const g = inner.get(k3);
    if (g === undefined) {
      const row = { ...h };
      inner.set(k3, row);
      rows.push(row);
    } else g.count += h.count;
    n += h.count;
  }
  if (n === 0) throw new MetricsInputError("EMPTY_INPUT", "customers", customers, "at least one customer");
  return { rows, n };
}
