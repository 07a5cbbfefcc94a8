// The metric plans shared by segmentReport and trend: which metric, read from where, on which
// scale, and how each segment's tally becomes a summary and a comparison with the rest.
import { MetricsInputError, MetricsTypeError } from "../errors.ts";
import { cesSummary, type CesSummary, type CesSummaryOptions } from "../ces/ces.ts";
import { csatSummary, type CsatSummary, type CsatSummaryOptions } from "../csat/csat.ts";
import { resolveBands } from "../nps/classify.ts";
import { compareNps } from "../nps/compare.ts";
import { npsSummary, type NpsSummary, type NpsSummaryOptions } from "../nps/summary.ts";
import { compareMeans } from "../stats/compareMeans.ts";
import { compareProportions } from "../stats/compareProportions.ts";
import { tallyMoments } from "../tally/scaleInput.ts";
import type { Tally } from "../tally/tally.ts";
import { assertObject, assertScale } from "../validate.ts";
import { toGetter, type Accessor } from "./accessor.ts";

/**
 * The metrics a report can compute.
 *
 * @category Segments and trends
 */
export type MetricName = "nps" | "csat" | "ces";

/**
 * A metric's source: a field name, an accessor, or `{ value, ...options }` with the options of its summary function.
 *
 * @category Segments and trends
 */
export type MetricSpec<R, O> = Accessor<R> | (MetricSource<R> & O);

/**
 * Where a metric's values come from, with options beside it.
 *
 * @category Segments and trends
 */
export interface MetricSource<R> {
  /** The field name or accessor of the metric's value. */
  value: Accessor<R>;
}

/**
 * Which metrics to compute, each from which field.
 *
 * @category Segments and trends
 */
export interface MetricsSpec<R> {
  /** Likelihood-to-recommend field; options as {@link npsSummary} (scale, bands, method). */
  nps?: MetricSpec<R, Omit<NpsSummaryOptions, "confidence">>;
  /** Satisfaction field; options as {@link csatSummary}. */
  csat?: MetricSpec<R, Omit<CsatSummaryOptions, "confidence">>;
  /** Effort field; options as {@link cesSummary}. */
  ces?: MetricSpec<R, Omit<CesSummaryOptions, "confidence">>;
}

/**
 * The summary each metric gives.
 *
 * @category Segments and trends
 */
export interface MetricSummaries {
  /** As {@link npsSummary}. */
  nps: NpsSummary;
  /** As {@link csatSummary}. */
  csat: CsatSummary;
  /** As {@link cesSummary}. */
  ces: CesSummary;
}

/**
 * A comparison of one group with another (the rest, or the previous period).
 *
 * @category Segments and trends
 */
export interface GroupComparison {
  /** Difference in the metric's unit: NPS points, CSAT share, CES mean. */
  readonly difference: number;
  /** Two-sided p-value of the test for that metric. */
  readonly pValue: number;
}

/**
 * @internal
 *
 * @category Segments and trends
 */
export interface MetricPlan {
  readonly name: MetricName;
  readonly get: (record: unknown, index: number) => unknown;
  readonly min: number;
  readonly max: number;
  readonly options: Record<string, unknown>;
}

const DEFAULT_SCALES: Record<MetricName, readonly [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };
const NAMES: readonly MetricName[] = ["nps", "csat", "ces"];

/**
 * Validate `metrics` into plans, in the fixed order nps, csat, ces.
 *
 * @category Segments and trends
 */
export function planMetrics(metrics: unknown): MetricPlan[] {
  const spec = assertObject(metrics, "options.metrics");
  const plans: MetricPlan[] = [];
  for (const key of Object.keys(spec)) {
    if (!(NAMES as readonly string[]).includes(key)) {
      throw new MetricsTypeError("INVALID_OPTION", `options.metrics.${key}`, spec[key], `one of the metrics ${NAMES.join(", ")}`);
    }
  }
  for (const name of NAMES) {
    const s = spec[name];
    if (s === undefined) continue;
    const argument = `options.metrics.${name}`;
    let get: (record: unknown, index: number) => unknown;
    let options: Record<string, unknown> = {};
    if (typeof s === "object" && s !== null) {
      const { value, ...rest } = s as Record<string, unknown>;
      get = toGetter(value, `${argument}.value`);
      options = rest;
    } else {
      get = toGetter(s, argument);
    }
    const [min, max] = options.scale === undefined ? DEFAULT_SCALES[name] : assertScale(options.scale, `${argument}.scale`);
    if (name === "nps") resolveBands({ ...options, scale: [min, max] } as never);
    plans.push({ name, get, min, max, options: { ...options, scale: [min, max] } });
  }
  if (plans.length === 0) {
    throw new MetricsInputError("EMPTY_INPUT", "options.metrics", metrics, "at least one of nps, csat, ces");
  }
  return plans;
}

/**
 * The metric's summary of a tally, or null when the tally is empty.
 *
 * @category Segments and trends
 */
export function summarize(plan: MetricPlan, t: Tally, confidence: number): MetricSummaries[MetricName] | null {
  if (tallyMoments(t).n === 0) return null;
  const options = { ...plan.options, confidence };
  if (plan.name === "nps") return npsSummary(t, options as NpsSummaryOptions);
  if (plan.name === "csat") return csatSummary(t, options as CsatSummaryOptions);
  return cesSummary(t, options as CesSummaryOptions);
}

/**
 * Compare group a with group b for the plan's metric; null when either side is too small for
 * the test (no responses; for CES, fewer than 2 or both constant).
 *
 * @category Segments and trends
 */
export function compareGroups(plan: MetricPlan, a: Tally, b: Tally, confidence: number): GroupComparison | null {
  const ma = tallyMoments(a);
  const mb = tallyMoments(b);
  if (ma.n === 0 || mb.n === 0) return null;
  if (plan.name === "nps") {
    const { scale, promoterFrom, passiveFrom } = plan.options;
    const r = compareNps(a, b, { confidence, scale, promoterFrom, passiveFrom } as never);
    return { difference: r.difference, pValue: r.pValue };
  }
  if (plan.name === "csat") {
    const sa = csatSummary(a, plan.options as CsatSummaryOptions);
    const sb = csatSummary(b, plan.options as CsatSummaryOptions);
    const r = compareProportions({ successes: sa.satisfied, trials: sa.n }, { successes: sb.satisfied, trials: sb.n }, { confidence });
    return { difference: r.difference, pValue: r.pValue };
  }
  if (ma.n < 2 || mb.n < 2 || (ma.variance === 0 && mb.variance === 0 && ma.mean !== mb.mean)) return null;
  const r = compareMeans(
    { mean: ma.mean, standardDeviation: Math.sqrt(ma.variance), n: ma.n },
    { mean: mb.mean, standardDeviation: Math.sqrt(mb.variance), n: mb.n },
    { confidence },
  );
  return { difference: r.difference, pValue: r.pValue };
}
