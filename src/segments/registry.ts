// The built-in metric registry: everything a report needs to know about NPS, CSAT and CES, one
// entry each. Reports (segmentReport, trend) are generated from a registry, so adding a metric is
// one entry here (and its types in the Metrics interface). A plain object literal, so that a
// bundle that does not use reports drops it whole.

import { tallyMoments } from "../_lib/count/tallies.ts";
import { CES_SCALE, CSAT_SCALE, NPS_SCALE } from "../_lib/read/scales.ts";
import { cesSummary, clusteredCesSummary, compareCes, compareClusteredCes } from "../ces/ces.ts";
import { clusteredCsatSummary, compareClusteredCsat, compareCsat, csatSummary } from "../csat/csat.ts";
import { isMetricsError } from "../errors.ts";
import { compareClusteredNps, compareNps } from "../nps/compare.ts";
import { clusteredNpsSummary, npsSummary } from "../nps/summary.ts";
import { compareCounts } from "../stats/proportionMath.ts";
import type { Comparison, Estimate } from "../types.ts";
import type { MetricDefinition, Metrics } from "./spec.ts";

/** The expected-count rule for the z test of two proportions: every cell at least 5. */
function expectedCountsAtLeast5(xa: number, na: number, xb: number, nb: number): boolean {
  const p = (xa + xb) / (na + nb);
  return Math.min(na, nb) * Math.min(p, 1 - p) >= 5;
}

/** The metrics cxmetrics reports: NPS, CSAT, CES. */
export const METRICS: Metrics = {
  nps: {
    defaultScale: NPS_SCALE,
    options: ["scale", "promoterFrom", "passiveFrom", "method"],
    summarize: (t, o, confidence) => npsSummary(t, { ...o, confidence }),
    // The interval method of the spec is not a comparison method: compare with the default.
    compare: (a, b, { method: _interval, ...o }, confidence) => compareNps(a, b, { ...o, confidence }),
    summarizeClustered: (t, o, confidence) => clusteredNpsSummary(t, o, confidence),
    compareClustered: (a, b, { method: _interval, ...o }, confidence) => untestable(() => compareClusteredNps(a, b, o, confidence)),
  },
  csat: {
    defaultScale: CSAT_SCALE,
    options: ["scale", "satisfiedFrom", "method"],
    summarize: (t, o, confidence) => csatSummary(t, { ...o, confidence }),
    // Fisher's exact test where the z test's expected counts fall below 5 (small samples);
    // weighted samples have no whole counts for it, and take the linearised z test.
    compare: (a, b, { method: _interval, ...o }, confidence) => {
      if (a.weights !== undefined) return compareCsat(a, b, { ...o, confidence });
      const sa = csatSummary(a, o);
      const sb = csatSummary(b, o);
      const exact = !expectedCountsAtLeast5(sa.satisfied, sa.n, sb.satisfied, sb.n);
      return compareCounts(sa.satisfied, sa.n, sb.satisfied, sb.n, confidence, exact ? "fisher" : "newcombe");
    },
    summarizeClustered: (t, o, confidence) => clusteredCsatSummary(t, o, confidence),
    compareClustered: (a, b, { method: _interval, ...o }, confidence) => untestable(() => compareClusteredCsat(a, b, o, confidence)),
  },
  ces: {
    defaultScale: CES_SCALE,
    options: ["scale", "higherIsEasier", "agreeFrom"],
    summarize: (t, o, confidence) => cesSummary(t, { ...o, confidence }),
    compare: (a, b, { agreeFrom: _agree, ...o }, confidence) => {
      const ma = tallyMoments(a);
      const mb = tallyMoments(b);
      if (ma.n < 2 || mb.n < 2 || (ma.variance === 0 && mb.variance === 0 && ma.mean !== mb.mean)) return null;
      return compareCes(a, b, { ...o, confidence });
    },
    summarizeClustered: (t, o, confidence) => clusteredCesSummary(t, o, confidence),
    compareClustered: (a, b, _o, confidence) => compareClusteredCes(a, b, confidence),
  },
};

/**
 * A clustered comparison, or null where the z test is undefined (both samples without spread and
 * apart): in a report that is an untestable pair, not an error.
 */
function untestable<C>(compare: () => C | null): C | null {
  try {
    return compare();
  } catch (error) {
    if (isMetricsError(error) && error.argument === "a and b") return null;
    throw error;
  }
}

/**
 * Any metric definition (a registry's element type). A registry holds definitions of different
 * option types; the engine passes each the options of its own spec, which the definition's
 * summary validates when the plan is made.
 */
// biome-ignore lint/suspicious/noExplicitAny: the options type differs per entry (see above)
export type AnyMetric = MetricDefinition<any, Estimate, Comparison>;

/** A registry: metric name → definition. */
export type Registry = { readonly [name: string]: AnyMetric };
