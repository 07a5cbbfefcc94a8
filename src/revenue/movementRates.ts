import { readFields, readOptions } from "../_lib/core/options.ts";
import { assertCountAtLeast, assertOneOf } from "../_lib/core/validate.ts";
import { MetricsTypeError } from "../errors.ts";
import { CHURN_DENOMINATORS, type ChurnDenominator, churnRate } from "./churn.ts";
import { grossRevenueRetention, mrrChurn, netRevenueRetention, quickRatio } from "./mrr.ts";
import type { MrrMovementReport, MrrMovementRow } from "./mrrMovements.ts";

const MOVEMENT_RATES_OPTIONS = ["denominator", "trailing"] as const;

/**
 * Options for {@link movementRates}.
 *
 * @category Subscriptions
 */
export interface MovementRatesOptions {
  /** The base of customer churn, as {@link churnRate}. Default `"start"`. */
  denominator?: ChurnDenominator;
  /** Periods in the trailing view (12 for a trailing year of months). Default 12. */
  trailing?: number;
}

/**
 * The rates of one period (or one trailing window). A rate is null where it has no value: no
 * starting MRR or customers to divide by, or nothing lost for the quick ratio.
 *
 * @category Subscriptions
 */
export interface MovementRates {
  /** (churned + contraction) / starting MRR, as {@link mrrChurn}. */
  readonly grossMrrChurn: number | null;
  /** (churned + contraction − expansion − reactivation) / starting MRR, as {@link mrrChurn}. */
  readonly netMrrChurn: number | null;
  /** As {@link netRevenueRetention}. */
  readonly netRevenueRetention: number | null;
  /** As {@link grossRevenueRetention}. */
  readonly grossRevenueRetention: number | null;
  /** As {@link quickRatio}. */
  readonly quickRatio: number | null;
  /**
   * Customers churned over the chosen base, as {@link churnRate}; null where the base is 0, or
   * (base `"average"`) where more customers churned than the base.
   */
  readonly customerChurn: number | null;
}

/**
 * One period of {@link movementRates}: its rates, and the rates of the trailing window ending
 * with it (null until the window is full or while any of its periods has no value).
 *
 * @category Subscriptions
 */
export interface MovementRatesRow extends MovementRates {
  /** The period's label. */
  readonly period: string;
  /** The rates compounded over the trailing window ending with this period. */
  readonly trailing: TrailingRates | null;
}

/**
 * Rates compounded over a trailing window of periods.
 *
 * @category Subscriptions
 */
export interface TrailingRates {
  /** 1 − Π(1 − gross MRR churn): the share of MRR lost over the window. */
  readonly grossMrrChurn: number;
  /** Π net revenue retention: the window's net revenue retention. */
  readonly netRevenueRetention: number;
  /** Π gross revenue retention. */
  readonly grossRevenueRetention: number;
  /** 1 − Π(1 − customer churn): the share of customers lost over the window. */
  readonly customerChurn: number;
}

/** A rate from one of the revenue functions, or null where it has no value. */
function orNull(rate: () => number): number | null {
  try {
    return rate();
  } catch (error) {
    if (error instanceof Error && "code" in error && (error.code === "UNDEFINED_RESULT" || error.code === "OUT_OF_RANGE")) return null;
    throw error;
  }
}

function ratesOf(row: MrrMovementRow, denominator: ChurnDenominator): MovementRates {
  const churn = row.startingMrr > 0 ? mrrChurn(row) : null;
  return {
    grossMrrChurn: churn?.gross ?? null,
    netMrrChurn: churn?.net ?? null,
    netRevenueRetention: row.startingMrr > 0 ? netRevenueRetention(row) : null,
    grossRevenueRetention: row.startingMrr > 0 ? grossRevenueRetention(row) : null,
    quickRatio: row.churnedMrr + row.contractionMrr > 0 ? quickRatio(row) : null,
    customerChurn: orNull(() => churnRate(row.customers, { denominator })),
  };
}

/**
 * Rates per period from {@link mrrMovements}: each row's gross and net MRR churn, net and gross
 * revenue retention, quick ratio and customer churn, by the revenue functions' own definitions
 * (the row is passed to them as it is), and a trailing view that **compounds** the per-period
 * rates over the last `trailing` periods: retention multiplies (NRR over a year of months is the
 * product of the monthly NRRs), churn compounds as 1 − Π(1 − rate). Rates are never multiplied
 * by the number of periods.
 *
 * A rate with no value in a period (no starting MRR, nothing lost for the quick ratio) is null;
 * a trailing window is null until it holds `trailing` periods and while any of them has a null
 * rate.
 *
 * @param report - The result of {@link mrrMovements}.
 * @param options - `denominator` of customer churn (default `"start"`), `trailing` (default 12).
 * @returns One row per period: `{ period, grossMrrChurn, netMrrChurn, netRevenueRetention,
 *   grossRevenueRetention, quickRatio, customerChurn, trailing }`.
 * @throws {@link MetricsTypeError} for a report that is not one of {@link mrrMovements}, or an
 *   unknown option.
 * @throws {@link MetricsInputError} for a trailing window that is not a whole number ≥ 1.
 * @see D. Skok, "SaaS Metrics 2.0" (2013); P. Farris et al., Marketing Metrics (2010), ch. 5.
 * @example
 * ```ts
 * import { movementRates, mrrMovements } from "cxmetrics";
 * const changes = [
 *   { customer: "a", time: "2026-01-05", mrr: 100 },
 *   { customer: "b", time: "2026-01-20", mrr: 100 },
 *   { customer: "a", time: "2026-02-10", mrr: 150 },
 *   { customer: "b", time: "2026-03-15", mrr: 0 },
 * ];
 * const rates = movementRates(mrrMovements(changes), { trailing: 2 });
 * rates[1]?.netRevenueRetention; // 1.25
 * rates[2]?.trailing?.netRevenueRetention; // 0.75 (1.25 × 0.6)
 * ```
 *
 * @category Subscriptions
 */
export function movementRates(report: MrrMovementReport, options?: MovementRatesOptions): MovementRatesRow[] {
  const r = readFields(report, "movementRates", ["periods", "skipped", "every", "timeZone"], "report");
  if (!Array.isArray(r.periods))
    throw new MetricsTypeError("INVALID_TYPE", "report.periods", r.periods, "the periods of an mrrMovements report");
  const o = readOptions(options, "movementRates", MOVEMENT_RATES_OPTIONS);
  const denominator = assertOneOf(o.denominator, "options.denominator", CHURN_DENOMINATORS, "start");
  const trailing = o.trailing === undefined ? 12 : assertCountAtLeast(o.trailing, "options.trailing", 1);
  const rows: MovementRatesRow[] = [];
  const periods = r.periods as readonly MrrMovementRow[];
  for (let i = 0; i < periods.length; i++) {
    const row = periods[i]!;
    const rates = ratesOf(row, denominator);
    rows.push({ period: row.period, ...rates, trailing: null });
    if (i + 1 < trailing) continue;
    const window = rows.slice(i + 1 - trailing, i + 1);
    if (window.some((w) => w.grossMrrChurn === null || w.customerChurn === null)) continue;
    let kept = 1;
    let net = 1;
    let gross = 1;
    let customersKept = 1;
    for (const w of window) {
      kept *= 1 - w.grossMrrChurn!;
      net *= w.netRevenueRetention!;
      gross *= w.grossRevenueRetention!;
      customersKept *= 1 - w.customerChurn!;
    }
    rows[i] = {
      ...rows[i]!,
      trailing: { grossMrrChurn: 1 - kept, netRevenueRetention: net, grossRevenueRetention: gross, customerChurn: 1 - customersKept },
    };
  }
  return rows;
}
