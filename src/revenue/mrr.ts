import { MetricsInputError } from "../errors.ts";
import { assertFiniteResult, assertNonNegative, assertObject, assertPositive } from "../validate.ts";

/**
 * Recurring revenue movements over one period, in one currency unit of the caller's choosing.
 * Movements left out count as 0.
 *
 * @category Revenue and value
 */
export interface MrrMovements {
  /** Recurring revenue at the start of the period, > 0. */
  startingMrr: number;
  /** Revenue lost from customers who left, ≥ 0. */
  churnedMrr?: number;
  /** Revenue lost from customers who downgraded, ≥ 0. */
  contractionMrr?: number;
  /** Revenue gained from customers who upgraded, ≥ 0. */
  expansionMrr?: number;
  /** Revenue regained from customers who came back, ≥ 0. */
  reactivationMrr?: number;
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

/**
 * Input of {@link quickRatio}, money of one period.
 *
 * @category Revenue and value
 */
export interface QuickRatioInput {
  /** Revenue from new customers, ≥ 0. */
  newMrr: number;
  /** Revenue from upgrades, ≥ 0. */
  expansionMrr: number;
  /** Revenue lost to churn, ≥ 0. */
  churnedMrr: number;
  /** Revenue lost to downgrades, ≥ 0. */
  contractionMrr: number;
  /** Revenue from returning customers, ≥ 0, counted with the gains. Default 0. */
  reactivationMrr?: number;
}

interface Movements {
  start: number;
  churned: number;
  contraction: number;
  expansion: number;
  reactivation: number;
}

function movements(input: MrrMovements): Movements {
  const o = assertObject(input, "input");
  const start = assertPositive(o.startingMrr, "input.startingMrr");
  const money = (name: string) => (o[name] === undefined ? 0 : assertNonNegative(o[name], `input.${name}`));
  const m = {
    start,
    churned: money("churnedMrr"),
    contraction: money("contractionMrr"),
    expansion: money("expansionMrr"),
    reactivation: money("reactivationMrr"),
  };
  if (m.churned + m.contraction > start) {
    throw new MetricsInputError(
      "OUT_OF_RANGE",
      "input.churnedMrr + input.contractionMrr",
      m.churned + m.contraction,
      `at most input.startingMrr (${start}): a period cannot lose more recurring revenue than it started with`,
    );
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
 * @param input - `startingMrr` and the movements of the period.
 * @returns `{ gross, net }`, fractions.
 * @throws {@link MetricsInputError} for a starting MRR that is not > 0, a negative or non-finite
 *   movement, or churned + contraction above the starting MRR.
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
export function mrrChurn(input: MrrMovements): MrrChurn {
  const m = movements(input);
  const lost = m.churned + m.contraction;
  const net = assertFiniteResult((lost - m.expansion - m.reactivation) / m.start, "input.startingMrr", m.start);
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
 * @param input - `startingMrr` and the movements (reactivation is ignored).
 * @returns NRR, a fraction ≥ 0 (e.g. 1.12 for 112%).
 * @throws {@link MetricsInputError} as {@link mrrChurn}.
 * @see D. Skok, "SaaS Metrics 2.0" (2013); KeyBanc Capital Markets SaaS survey definitions.
 * @example
 * ```ts
 * import { netRevenueRetention } from "cxmetrics";
 * netRevenueRetention({ startingMrr: 100000, churnedMrr: 3000, contractionMrr: 1000, expansionMrr: 6000 }); // 1.02
 * ```
 *
 * @category Revenue and value
 */
export function netRevenueRetention(input: MrrMovements): number {
  const m = movements(input);
  return assertFiniteResult((m.start + m.expansion - m.contraction - m.churned) / m.start, "input.startingMrr", m.start);
}

/**
 * Gross revenue retention (GRR) over one period: the share of starting revenue kept, ignoring
 * any expansion.
 *
 * GRR = (start − contraction − churned) / start, in [0, 1]; GRR = 1 − gross MRR churn.
 *
 * @param input - `startingMrr` and the movements (expansion and reactivation are ignored).
 * @returns GRR, a fraction in [0, 1].
 * @throws {@link MetricsInputError} as {@link mrrChurn}.
 * @see D. Skok, "SaaS Metrics 2.0" (2013).
 * @example
 * ```ts
 * import { grossRevenueRetention } from "cxmetrics";
 * grossRevenueRetention({ startingMrr: 100000, churnedMrr: 3000, contractionMrr: 1000 }); // 0.96
 * ```
 *
 * @category Revenue and value
 */
export function grossRevenueRetention(input: MrrMovements): number {
  const m = movements(input);
  return (m.start - m.contraction - m.churned) / m.start;
}

/**
 * The SaaS quick ratio: recurring revenue gained per unit lost in one period.
 *
 * quick ratio = (new + expansion + reactivation) / (churned + contraction). Above 4 is often read
 * as efficient growth, below 1 as shrinking.
 *
 * @param input - The period's `newMrr`, `expansionMrr`, `churnedMrr`, `contractionMrr` and
 *   optional `reactivationMrr`.
 * @returns The ratio, ≥ 0.
 * @throws {@link MetricsInputError} for negative or non-finite money, or `UNDEFINED_RESULT` when
 *   nothing was lost (churned + contraction = 0: the ratio is unbounded).
 * @see M. Hamid, "The SaaS quick ratio" (Social Capital, 2015).
 * @example
 * ```ts
 * import { quickRatio } from "cxmetrics";
 * quickRatio({ newMrr: 10000, expansionMrr: 5000, churnedMrr: 3000, contractionMrr: 2000 }); // 3
 * ```
 *
 * @category Revenue and value
 */
export function quickRatio(input: QuickRatioInput): number {
  const o = assertObject(input, "input");
  const gained =
    assertNonNegative(o.newMrr, "input.newMrr") +
    assertNonNegative(o.expansionMrr, "input.expansionMrr") +
    (o.reactivationMrr === undefined ? 0 : assertNonNegative(o.reactivationMrr, "input.reactivationMrr"));
  const lost = assertNonNegative(o.churnedMrr, "input.churnedMrr") + assertNonNegative(o.contractionMrr, "input.contractionMrr");
  if (lost === 0) {
    throw new MetricsInputError(
      "UNDEFINED_RESULT",
      "input.churnedMrr + input.contractionMrr",
      0,
      "above 0: with nothing lost the quick ratio is unbounded",
    );
  }
  return assertFiniteResult(gained / lost, "input.churnedMrr + input.contractionMrr", lost);
}
