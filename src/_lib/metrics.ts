// The metric registry: everything a report needs to know about a metric, in one entry. Reports
// (segmentReport, trend) are generated from a registry, so adding a metric is one entry here.
import { type CesSummary, type CesSummaryOptions, cesSummary, compareCes } from "../ces/ces.ts";
import { type CsatSummary, type CsatSummaryOptions, csatSummary } from "../csat/csat.ts";
import { compareNps, type CompareNpsMethod } from "../nps/compare.ts";
import { type NpsSummary, type NpsSummaryOptions, npsSummary } from "../nps/summary.ts";
import type { Comparison, Estimate } from "../shapes.ts";
import type { ProportionComparisonMethod } from "../stats/compareProportions.ts";
import type { Tally } from "../tally/tally.ts";
import { compareCounts } from "./proportion.ts";
import { DEFAULT_SCALES, type Scale } from "./scales.ts";
import type { WelchComparison } from "./welch.ts";
import { tallyMoments } from "./tallies.ts";

/**
 * One metric of a report: its default scale, the options a metric spec may carry beside
 * `value`, how a tally becomes its summary, and how two tallies are compared.
 */
export interface MetricDefinition<O extends object, S extends Estimate, C extends Comparison> {
  /** The scale used when the spec gives none. */
  readonly defaultScale: Scale;
  /** The options a spec may carry beside `value` (a summary's options less confidence and missing values). */
  readonly options: readonly (keyof O & string)[];
  /** The summary of a tally with at least one response. */
  summarize(t: Tally, options: O, confidence: number): S;
  /** a − b, or null when the test is undefined for these tallies (too few responses, no variance). */
  compare(a: Tally, b: Tally, options: O, confidence: number): C | null;
}

/** Any metric definition (the registry's element type). */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of different option types
export type AnyMetric = MetricDefinition<any, Estimate, Comparison>;

/** A registry: metric name → definition. */
export type Registry = { readonly [name: string]: AnyMetric };

/** The options type of a definition. */
export type OptionsOf<D> = D extends MetricDefinition<infer O, Estimate, Comparison> ? O : never;
/** The summary type of a definition. */
export type SummaryOf<D> = D extends MetricDefinition<object, infer S, Comparison> ? S : never;
/** The comparison type of a definition. */
export type ComparisonOf<D> = D extends MetricDefinition<object, Estimate, infer C> ? C : never;

/** A definition, typed: the identity, so that TypeScript infers and checks its three types. */
export function defineMetric<O extends object, S extends Estimate, C extends Comparison>(d: MetricDefinition<O, S, C>): MetricDefinition<O, S, C> {
  return d;
}

type ReportOptions<T> = Omit<T, "confidence" | "missing" | "missingValues">;

/** The expected-count rule for the z test of two proportions: every cell at least 5. */
function expectedCountsAtLeast5(xa: number, na: number, xb: number, nb: number): boolean {
  const p = (xa + xb) / (na + nb);
  return Math.min(na, nb) * Math.min(p, 1 - p) >= 5;
}

/** The metrics cxmetrics reports: NPS, CSAT, CES. */
export const METRICS = {
  nps: defineMetric<ReportOptions<NpsSummaryOptions>, NpsSummary, Comparison<CompareNpsMethod>>({
    defaultScale: DEFAULT_SCALES.nps,
    options: ["scale", "promoterFrom", "passiveFrom", "method"],
    summarize: (t, o, confidence) => npsSummary(t, { ...o, confidence }),
    // The interval method of the spec is not a comparison method: compare with the default.
    compare: (a, b, { method: _interval, ...o }, confidence) => compareNps(a, b, { ...o, confidence }),
  }),
  csat: defineMetric<ReportOptions<CsatSummaryOptions>, CsatSummary, Comparison<ProportionComparisonMethod>>({
    defaultScale: DEFAULT_SCALES.csat,
    options: ["scale", "satisfiedFrom", "method"],
    summarize: (t, o, confidence) => csatSummary(t, { ...o, confidence }),
    // Fisher's exact test where the z test's expected counts fall below 5 (small samples).
    compare: (a, b, { method: _interval, ...o }, confidence) => {
      const sa = csatSummary(a, o);
      const sb = csatSummary(b, o);
      const exact = !expectedCountsAtLeast5(sa.satisfied, sa.n, sb.satisfied, sb.n);
      return compareCounts(sa.satisfied, sa.n, sb.satisfied, sb.n, confidence, exact ? "fisher" : "newcombe");
    },
  }),
  ces: defineMetric<ReportOptions<CesSummaryOptions>, CesSummary, WelchComparison>({
    defaultScale: DEFAULT_SCALES.ces,
    options: ["scale", "higherIsEasier", "agreeFrom"],
    summarize: (t, o, confidence) => cesSummary(t, { ...o, confidence }),
    compare: (a, b, { agreeFrom: _agree, ...o }, confidence) => {
      const ma = tallyMoments(a);
      const mb = tallyMoments(b);
      if (ma.n < 2 || mb.n < 2 || (ma.variance === 0 && mb.variance === 0 && ma.mean !== mb.mean)) return null;
      return compareCes(a, b, { ...o, confidence });
    },
  }),
} as const;

/** The built-in registry's type. */
export type Metrics = typeof METRICS;
