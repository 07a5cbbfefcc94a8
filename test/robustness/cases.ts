// Bad inputs tried on every export, and what the user gets: the source of docs/robustness.md.
import * as api from "../../src/index.ts";

export interface Case {
  readonly fn: string;
  readonly input: string;
  readonly call: () => unknown;
}

const c = (fn: string, input: string, call: () => unknown): Case => ({ fn, input, call });
const counts = { promoters: 3, passives: 2, detractors: 1 };

export const CASES: readonly Case[] = [
  c("normalCdf", "NaN", () => api.normalCdf(Number.NaN)),
  c("normalCdf", '"1" (a string)', () => api.normalCdf("1" as never)),
  c("normalCdf", "-Infinity", () => api.normalCdf(-Infinity)),
  c("normalQuantile", "p = 0", () => api.normalQuantile(0)),
  c("normalQuantile", "p = 1.5", () => api.normalQuantile(1.5)),
  c("studentTCdf", "df = 0", () => api.studentTCdf(1, 0)),
  c("studentTQuantile", "p = 1e-300, df = 0.01 (quantile overflows)", () => api.studentTQuantile(1e-300, 0.01)),
  c("proportionInterval", "successes 5 > trials 4", () => api.proportionInterval(5, 4)),
  c("proportionInterval", "trials 0", () => api.proportionInterval(0, 0)),
  c("proportionInterval", "successes 0 of 20 (edge)", () => api.proportionInterval(0, 20)),
  c("proportionInterval", 'method "exact"', () => api.proportionInterval(1, 4, { method: "exact" as never })),
  c("proportionMarginOfError", "population 5 < n 10", () => api.proportionMarginOfError({ proportion: 0.5, n: 10, population: 5 })),
  c("proportionMarginOfError", "population = n (a census)", () => api.proportionMarginOfError({ proportion: 0.5, n: 10, population: 10 })),
  c("meanMarginOfError", "n = 1", () => api.meanMarginOfError({ standardDeviation: 1, n: 1 })),
  c("meanMarginOfError", "standardDeviation 1e308 (overflows)", () => api.meanMarginOfError({ standardDeviation: 1e308, n: 2, confidence: 0.99 })),
  c("sampleSizeForProportion", "marginOfError 5 (percent, not a fraction)", () => api.sampleSizeForProportion({ marginOfError: 5 })),
  c("sampleSizeForProportion", "marginOfError 1e-300", () => api.sampleSizeForProportion({ marginOfError: 1e-300 })),
  c("sampleSizeForProportion", "proportion 0 (edge)", () => api.sampleSizeForProportion({ marginOfError: 0.05, proportion: 0 })),
  c("sampleSizeForMean", "standardDeviation 0", () => api.sampleSizeForMean({ marginOfError: 0.1, standardDeviation: 0 })),
  c("invitationsNeeded", "responseRate 0", () => api.invitationsNeeded(100, 0)),
  c("invitationsNeeded", "sampleSize 2.5", () => api.invitationsNeeded(2.5, 0.5)),
  c("compareProportions", "b.trials 0", () => api.compareProportions({ successes: 1, trials: 2 }, { successes: 0, trials: 0 })),
  c("compareProportions", "a = null", () => api.compareProportions(null as never, { successes: 1, trials: 2 })),
  c("compareMeans", "a with one value", () => api.compareMeans([1], [2, 3])),
  c("compareMeans", "a containing NaN", () => api.compareMeans([1, Number.NaN], [2, 3])),
  c("compareMeans", "two constant samples, different means", () => api.compareMeans([3, 3], [4, 4])),
  c("tally", "score 11 on [0, 10]", () => api.tally([9, 11], { scale: [0, 10] })),
  c("tally", "no scale", () => api.tally([9], {} as never)),
  c("tally", "scale [5, 1]", () => api.tally([3], { scale: [5, 1] })),
  c("mergeTallies", "no tallies", () => api.mergeTallies()),
  c("mergeTallies", "different scales", () => api.mergeTallies({ scale: [1, 5], counts: [1, 0, 0, 0, 0] }, { scale: [0, 5], counts: [0, 1, 0, 0, 0, 0] })),
  c("mergeTallies", "a count of -1", () => api.mergeTallies({ scale: [1, 3], counts: [1, -1, 0] })),
  c("classifyNps", "score 8.5", () => api.classifyNps(8.5)),
  c("classifyNps", "0 on a 1-10 scale", () => api.classifyNps(0, { scale: [1, 10] })),
  c("nps", "empty array", () => api.nps([])),
  c("nps", "score 11", () => api.nps([9, 11])),
  c("nps", "score NaN", () => api.nps([9, Number.NaN])),
  c("nps", "promoters -1", () => api.nps({ ...counts, promoters: -1 })),
  c("nps", "all counts 0", () => api.nps({ promoters: 0, passives: 0, detractors: 0 })),
  c("nps", "frozen array", () => api.nps(Object.freeze([10, 9, 3]))),
  c("npsSummary", "confidence 1", () => api.npsSummary(counts, { confidence: 1 })),
  c("npsSummary", "confidence 95 (percent)", () => api.npsSummary(counts, { confidence: 95 })),
  c("npsSummary", 'method "exact"', () => api.npsSummary(counts, { method: "exact" as never })),
  c("npsSummary", "one promoter, Wald (edge)", () => api.npsSummary([10], { method: "wald" }).interval),
  c("compareNps", "b empty", () => api.compareNps(counts, [])),
  c("compareNps", "Wald, both constant and different", () => api.compareNps([10, 10], [0], { method: "wald" })),
  c("npsSampleSize", "marginOfError 0", () => api.npsSampleSize({ marginOfError: 0 })),
  c("npsSampleSize", "only promoters given", () => api.npsSampleSize({ marginOfError: 5, promoters: 0.5 })),
  c("npsSampleSize", "promoters + detractors > 1", () => api.npsSampleSize({ marginOfError: 5, promoters: 0.7, detractors: 0.5 })),
  c("csat", "response 6 on 1-5", () => api.csat([6])),
  c("csat", "satisfiedFrom 1", () => api.csat([3], { satisfiedFrom: 1 })),
  c("csat", "counts of the wrong length", () => api.csat({ counts: [1, 2, 3] })),
  c("csatSummary", "empty", () => api.csatSummary([])),
  c("ces", "response 8 on 1-7", () => api.ces([8])),
  c("ces", 'higherIsEasier "no"', () => api.ces([3], { higherIsEasier: "no" as never })),
  c("cesSummary", "agreeFrom 9", () => api.cesSummary([3], { agreeFrom: 9 })),
  c("cesSummary", "one response (edge)", () => api.cesSummary([4]).interval),
  c("churnRate", "lost 11 > start 10", () => api.churnRate({ customersAtStart: 10, customersLost: 11 })),
  c("churnRate", "start 0", () => api.churnRate({ customersAtStart: 0, customersLost: 0 })),
  c("churnRate", '"average" without customersAtEnd', () => api.churnRate({ customersAtStart: 10, customersLost: 1, denominator: "average" })),
  c("retentionRate", "end below new customers", () => api.retentionRate({ customersAtStart: 100, customersAtEnd: 10, newCustomers: 20 })),
  c("compoundRate", "rate 1.5", () => api.compoundRate(1.5, 12)),
  c("compoundRate", "periods 0", () => api.compoundRate(0.05, 0)),
  c("periodicRate", "rate -0.1", () => api.periodicRate(-0.1, 12)),
  c("mrrChurn", "churned + contraction > start", () => api.mrrChurn({ startingMrr: 100, churnedMrr: 80, contractionMrr: 30 })),
  c("mrrChurn", "churnedMrr -1", () => api.mrrChurn({ startingMrr: 100, churnedMrr: -1 })),
  c("netRevenueRetention", "startingMrr 0", () => api.netRevenueRetention({ startingMrr: 0 })),
  c("grossRevenueRetention", "startingMrr NaN", () => api.grossRevenueRetention({ startingMrr: Number.NaN })),
  c("quickRatio", "nothing lost", () => api.quickRatio({ newMrr: 1, expansionMrr: 0, churnedMrr: 0, contractionMrr: 0 })),
  c("customerAcquisitionCost", "newCustomers 0", () => api.customerAcquisitionCost({ salesAndMarketingSpend: 100, newCustomers: 0 })),
  c("customerRetentionCost", "customers 2.5", () => api.customerRetentionCost({ retentionSpend: 1, customers: 2.5 })),
  c("arpu", "customers 0", () => api.arpu({ revenue: 1, customers: 0 })),
  c("customerLifetimeValue", "churnRate 0, no discount", () => api.customerLifetimeValue({ arpu: 50, churnRate: 0 })),
  c("customerLifetimeValue", "churnRate 1.5", () => api.customerLifetimeValue({ arpu: 50, churnRate: 1.5 })),
  c("customerLifetimeValue", "no recognizable shape", () => api.customerLifetimeValue({ arpu: 50 } as never)),
  c("customerLifetimeValue", "arpu 1e308, lifetime 10 (overflows)", () => api.customerLifetimeValue({ arpu: 1e308, lifetime: 10 })),
  c("ltvToCac", "cac 0", () => api.ltvToCac(100, 0)),
  c("cacPaybackMonths", "grossMargin 0", () => api.cacPaybackMonths({ cac: 100, arpu: 10, grossMargin: 0 })),
  c("holmAdjust", "a p-value of 1.5", () => api.holmAdjust([0.5, 1.5])),
  c("holmAdjust", "no p-values (edge)", () => api.holmAdjust([])),
  c("segmentReport", "a score of 11, default onInvalid", () => api.segmentReport([{ g: "a", v: 11 }], { by: "g", metrics: { nps: "v" } })),
  c("segmentReport", "a missing key, onInvalid skip", () => api.segmentReport([{ v: 9 }], { by: "g", metrics: { nps: "v" }, onInvalid: "skip" }).skipped),
  c("segmentReport", "no metrics", () => api.segmentReport([], { by: "g", metrics: {} })),
  c("segmentReport", 'unknown metric "mood"', () => api.segmentReport([], { by: "g", metrics: { mood: "m" } as never })),
  c("trend", 'time "soon"', () => api.trend([{ at: "soon", v: 9 }], { time: "at", every: "day", metrics: { nps: "v" } })),
  c("trend", 'every "year"', () => api.trend([], { time: "at", every: "year" as never, metrics: { nps: "v" } })),
  c("isMetricsError", "a plain Error", () => api.isMetricsError(new Error("x"))),
];

/** What a case gives: the thrown error's class, code and message, or the returned value. */
export function outcome(call: () => unknown): string {
  try {
    const value = call();
    return `returns \`${JSON.stringify(value)}\``;
  } catch (error) {
    if (api.isMetricsError(error)) return `${error.name} \`${error.code}\`: ${error.message}`;
    throw error;
  }
}

/** The markdown table of every case. */
export function robustnessTable(): string {
  const escape = (s: string) => s.replaceAll("|", "\\|");
  const rows = CASES.map((k) => `| \`${k.fn}\` | ${escape(k.input)} | ${escape(outcome(k.call))} |`);
  return [
    "---",
    "title: Reference — Bad inputs and what you get",
    "---",
    "",
    "# Bad inputs and what you get",
    "",
    "Generated from `test/robustness/cases.ts` by `npm run docs:robustness`; a test fails when this",
    "file and the library disagree. Every export is also fuzzed with arbitrary values (NaN,",
    "±Infinity, −0, huge, tiny, fractions, wrong types; `npm run test:fuzz`): each returns finite",
    "numbers or throws one of the two documented errors.",
    "",
    "| export | input | result |",
    "| --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
