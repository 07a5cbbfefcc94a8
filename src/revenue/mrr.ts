import { readFields } from "../_lib/core/options.ts";
import { assertFiniteResult, assertNonNegative, assertPositive } from "../_lib/core/validate.ts";
import { MetricsInputError } from "../errors.ts";

/**
 * Recurring revenue movements over one period, in one currency unit of the caller's choosing:
 * a row of `mrrMovements` passes as it is (its `period`, `start` and `customers` are accepted and
 * not read). Movements left out count as 0.
 *
 * @category Revenue and value
 */
export interface MrrMovements {
  /** Recurring revenue at the start of the period; > 0 where a rate divides by it. */
  startingMrr?: number;
  /** Revenue from new customers, ≥ 0. */
  newMrr?: number;
  /** Revenue gained from customers who upgraded, ≥ 0. */
  expansionMrr?: number;
  /** Revenue lost from customers who downgraded, ≥ 0. */
  contractionMrr?: number;
  /** Revenue lost from customers who left, ≥ 0. */
  churnedMrr?: number;
  /** Revenue regained from customers who came back, ≥ 0. */
  reactivationMrr?: number;
  /** Recurring revenue at the end of the period; when given with `startingMrr`, the movements must add up to it. */
  endingMrr?: number;
}

/**
 * The result of {@link mrrChurn}: fractions of the starting MRR.
 *
 * @category Revenue and value
 */
export interface MrrChurn {
  /** (churned + contraction) / start, in [0, 1]. */
  readonly gross: number;
  /** (churned + contraction − expansion − reactivation) / start; negative when expansion wins. */
  readonly net: number;
}

// A movement row of mrrMovements passes as it is: its period, start and customers are not MRR
// and are not read here.
const MRR_FIELDS = [
  "startingMrr",
  "newMrr",
  "expansionMrr",
  "contractionMrr",
  "churnedMrr",
  "reactivationMrr",
  "endingMrr",
  "period",
  "start",
  "customers",
] as const;

/** Validated movements (0 for those left out); `needStart` when a rate divides by the start. */
function readMovements(input: MrrMovements, fn: string, needStart: boolean) {
  const o = readFields(input, fn, MRR_FIELDS, "movements");
  const money = (name: "startingMrr" | "newMrr" | "expansionMrr" | "contractionMrr" | "churnedMrr" | "reactivationMrr") =>
    o[name] === undefined ? 0 : assertNonNegative(o[name], `movements.${name}`);
  const m = {
    start: needStart ? assertPositive(o.startingMrr, "movements.startingMrr") : money("startingMrr"),
    fresh: money("newMrr"),
    churned: money("churnedMrr"),
    contraction: money("contractionMrr"),
    expansion: money("expansionMrr"),
    reactivation: money("reactivationMrr"),
  };
  if (o.startingMrr !== undefined && m.churned + m.contraction > m.start) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "movements.churnedMrr + movements.contractionMrr",
      m.churned + m.contraction,
      `at most movements.startingMrr (${m.start}): a period cannot lose more recurring revenue than it started with`,
    );
  }
  if (o.startingMrr !== undefined && o.endingMrr !== undefined) {
    const ending = assertNonNegative(o.endingMrr, "movements.endingMrr");
    const implied = m.start + m.fresh + m.expansion + m.reactivation - m.contraction - m.churned;
    if (Math.abs(implied - ending) > 1e-9 * Math.max(m.start, ending, 1)) {
      throw new MetricsInputError(
        "OUT_OF_RANGE",
        "movements.endingMrr",
        ending,
        `starting + new + expansion + reactivation − contraction − churned = ${implied}: the movements do not add up`,
      );
    }
  }
  return m;
}

/**
 * Revenue churn over one period, gross and net, as fractions of the starting MRR.
 *
 * gross = (churned + contraction) / start; net = (churned + contraction − expansion −
 * reactivation) / start. Net churn below 0 ("negative churn") means the existing customers grew
 * revenue. Works for ARR or any other recurring revenue, as long as every movement uses the same
 * period and currency.
 *
 * @param movements - `startingMrr` and the movements of the period (a movement row's `mrr` as it is).
 * @returns `{ gross, net }`, fractions.
 * @throws {@link MetricsInputError} for a starting MRR that is not > 0, a negative or non-finite
 *   movement, churned + contraction above the starting MRR, or an `endingMrr` the movements do not add up to.
 * @throws {@link MetricsTypeError} for an unknown field (`churned` is not one: `churnedMrr` is).
 * @see D. Skok, "SaaS Metrics 2.0", For Entrepreneurs (2013): gross and net revenue churn.
 * @example
 * ```ts
 * import { mrrChurn } from "cxmetrics";
 * mrrChurn({ startingMrr: 100000, churnedMrr: 3000, contractionMrr: 1000, expansionMrr: 6000 });
 * // { gross: 0.04, net: -0.02 }
 * ```
 *
 * @category Revenue and value
 */
export function mrrChurn(movements: MrrMovements): MrrChurn {
  const m = readMovements(movements, "mrrChurn", true);
  const lost = m.churned + m.contraction;
  const net = assertFiniteResult((lost - m.expansion - m.reactivation) / m.start, "movements.startingMrr", m.start);
  return { gross: lost / m.start, net };
}

/**
 * Net revenue retention (NRR, also net dollar retention) over one period: the revenue the
 * starting customers bring at the end, as a fraction of what they brought at the start.
 *
 * NRR = (start + expansion − contraction − churned) / start. Above 1 means the existing base
 * grows on its own. New customers and reactivations are not included. With no reactivation,
 * NRR = 1 − net MRR churn.
 *
 * @param movements - `startingMrr` and the movements (new and reactivation are not counted).
 * @returns NRR, a fraction ≥ 0 (e.g. 1.12 for 112%).
 * @throws {@link MetricsInputError} as {@link mrrChurn}.
 * @throws {@link MetricsTypeError} for an unknown field.
 * @see D. Skok, "SaaS Metrics 2.0" (2013); KeyBanc Capital Markets SaaS survey definitions.
 * @example
 * ```ts
 * import { netRevenueRetention } from "cxmetrics";
 * netRevenueRetention({ startingMrr: 100000, churnedMrr: 3000, contractionMrr: 1000, expansionMrr: 6000 }); // 1.02
 * ```
 *
 * @category Revenue and value
 */
export function netRevenueRetention(movements: MrrMovements): number {
  const m = readMovements(movements, "netRevenueRetention", true);
  return assertFiniteResult((m.start + m.expansion - m.contraction - m.churned) / m.start, "movements.startingMrr", m.start);
}

/**
 * Gross revenue retention (GRR) over one period: the share of starting revenue kept, ignoring
 * any expansion.
 *
 * GRR = (start − contraction − churned) / start, in [0, 1]; GRR = 1 − gross MRR churn.
 *
 * @param movements - `startingMrr` and the movements (expansion, new and reactivation are not counted).
 * @returns GRR, a fraction in [0, 1].
 * @throws {@link MetricsInputError} as {@link mrrChurn}.
 * @throws {@link MetricsTypeError} for an unknown field.
 * @see D. Skok, "SaaS Metrics 2.0" (2013).
 * @example
 * ```ts
 * import { grossRevenueRetention } from "cxmetrics";
 * grossRevenueRetention({ startingMrr: 100000, churnedMrr: 3000, contractionMrr: 1000 }); // 0.96
 * ```
 *
 * @category Revenue and value
 */
export function grossRevenueRetention(movements: MrrMovements): number {
  const m = readMovements(movements, "grossRevenueRetention", true);
  return (m.start - m.contraction - m.churned) / m.start;
}

/**
 * The SaaS quick ratio: recurring revenue gained per unit lost in one period.
 *
 * quick ratio = (new + expansion + reactivation) / (churned + contraction). Above 4 is often read
 * as efficient growth, below 1 as shrinking.
 *
 * @param movements - The period's movements (`startingMrr` is optional here).
 * @returns The ratio, ≥ 0.
 * @throws {@link MetricsInputError} for negative or non-finite money, or `UNDEFINED_RESULT` when
 *   nothing was lost (churned + contraction = 0: the ratio is unbounded).
 * @throws {@link MetricsTypeError} for an unknown field.
 * @see M. Hamid, "The SaaS quick ratio" (Social Capital, 2015).
 * @example
 * ```ts
 * import { quickRatio } from "cxmetrics";
 * quickRatio({ newMrr: 10000, expansionMrr: 5000, churnedMrr: 3000, contractionMrr: 2000 }); // 3
 * ```
 *
 * @category Revenue and value
 */
export function quickRatio(movements: MrrMovements): number {
  const m = readMovements(movements, "quickRatio", false);
  const gained = m.fresh + m.expansion + m.reactivation;
  const lost = m.churned + m.contraction;
  if (lost === 0) {
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      "movements.churnedMrr + movements.contractionMrr",
      0,
      "above 0: with nothing lost the quick ratio is unbounded",
    );
  }
  return assertFiniteResult(gained / lost, "movements.churnedMrr + movements.contractionMrr", lost);
}
