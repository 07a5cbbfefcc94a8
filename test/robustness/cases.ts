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
  c("studentTCdf", "t NaN", () => api.studentTCdf(Number.NaN, 5)),
  c("studentTQuantile", "p = 2", () => api.studentTQuantile(2, 5)),
  c("studentTQuantile", "p = 1e-300, df = 0.01 (quantile overflows)", () => api.studentTQuantile(1e-300, 0.01)),
  c("proportionInterval", "successes 5 > n 4", () => api.proportionInterval({ successes: 5, n: 4 })),
  c("proportionInterval", "n 0", () => api.proportionInterval({ successes: 0, n: 0 })),
  c("proportionInterval", "successes 0 of 20 (edge)", () => api.proportionInterval({ successes: 0, n: 20 })),
  c("proportionInterval", 'method "exact"', () => api.proportionInterval({ successes: 1, n: 4 }, { method: "exact" as never })),
  c("proportionMarginOfError", "population 5 < n 10", () => api.proportionMarginOfError({ proportion: 0.5, n: 10 }, { population: 5 })),
  c("proportionMarginOfError", "population = n (a census)", () =>
    api.proportionMarginOfError({ proportion: 0.5, n: 10 }, { population: 10 }),
  ),
  c("proportionMarginOfError", "population 2.5", () => api.proportionMarginOfError({ proportion: 0.5, n: 2 }, { population: 2.5 })),
  c("proportionMarginOfError", "n = population = 1 (edge)", () =>
    api.proportionMarginOfError({ proportion: 0.5, n: 1 }, { population: 1 }),
  ),
  c("meanMarginOfError", "n = 1", () => api.meanMarginOfError({ standardDeviation: 1, n: 1 })),
  c("meanMarginOfError", "standardDeviation -1", () => api.meanMarginOfError({ standardDeviation: -1, n: 10 })),
  c("meanMarginOfError", "standardDeviation 1e308 (overflows)", () =>
    api.meanMarginOfError({ standardDeviation: 1e308, n: 2 }, { confidence: 0.99 }),
  ),
  c("sampleSizeForProportion", "marginOfError 5 (percent, not a fraction)", () => api.sampleSizeForProportion({ marginOfError: 5 })),
  c("sampleSizeForProportion", "marginOfError 1e-300", () => api.sampleSizeForProportion({ marginOfError: 1e-300 })),
  c("sampleSizeForProportion", "proportion 0 (edge)", () => api.sampleSizeForProportion({ marginOfError: 0.05 }, { proportion: 0 })),
  c("sampleSizeForProportion", "proportion 1.5", () => api.sampleSizeForProportion({ marginOfError: 0.05 }, { proportion: 1.5 })),
  c("sampleSizeForProportion", "population 0", () => api.sampleSizeForProportion({ marginOfError: 0.05 }, { population: 0 })),
  c("sampleSizeForMean", "standardDeviation 0", () => api.sampleSizeForMean({ marginOfError: 0.1, standardDeviation: 0 })),
  c("sampleSizeForMean", "marginOfError 0", () => api.sampleSizeForMean({ marginOfError: 0, standardDeviation: 1 })),
  c("invitationsNeeded", "responseRate 0", () => api.invitationsNeeded({ n: 100, responseRate: 0 })),
  c("invitationsNeeded", "n 2.5", () => api.invitationsNeeded({ n: 2.5, responseRate: 0.5 })),
  c("invitationsNeeded", "responseRate 1.2", () => api.invitationsNeeded({ n: 100, responseRate: 1.2 })),
  c("invitationsNeeded", "responseRate 1e-320 (overflows)", () => api.invitationsNeeded({ n: 100, responseRate: 1e-320 })),
  c("compareProportions", "b.n 0", () => api.compareProportions({ successes: 1, n: 2 }, { successes: 0, n: 0 })),
  c("compareProportions", "a = null", () => api.compareProportions(null as never, { successes: 1, n: 2 })),
  c("compareProportions", "b = null", () => api.compareProportions({ successes: 1, n: 2 }, null as never)),
  c("compareProportions", 'method "exact"', () =>
    api.compareProportions({ successes: 1, n: 2 }, { successes: 1, n: 3 }, { method: "exact" as never }),
  ),
  c("compareMeans", "a = {}", () => api.compareMeans({} as never, [1, 2, 3])),
  c(
    "compareProportions",
    "2 of 2 vs 0 of 2, fisher",
    () => api.compareProportions({ successes: 2, n: 2 }, { successes: 0, n: 2 }, { method: "fisher" }).pValue,
  ),
  c("compareCsat", "b empty", () => api.compareCsat([5], [])),
  c("compareCsat", "a with a rating of 6", () => api.compareCsat([6], [4])),
  c("compareCsat", 'method "exact"', () => api.compareCsat([5], [4], { method: "exact" as never })),
  c("compareCsat", "weights for a only", () => api.compareCsat([5], [4], { weights: { a: [1] } as never })),
  c("compareCsat", "Fisher with weights", () => api.compareCsat([5], [4], { weights: { a: [1], b: [1] }, method: "fisher" })),
  c("compareCes", 'a with a response "x"', () => api.compareCes(["x", 4], [4, 5])),
  c("cesSummary", 'a response "x"', () => api.cesSummary(["x", 4])),
  c("compareCes", "a with one response", () => api.compareCes([5], [4, 5])),
  c("compareCes", "b with one response", () => api.compareCes([4, 5], [4])),
  c("compareCes", "b with a response of 9", () => api.compareCes([4, 5], [4, 9])),
  c("compareCes", "two constant samples, different means", () => api.compareCes([3, 3], [4, 4])),
  c("compareMeans", "a with one value", () => api.compareMeans([1], [2, 3])),
  c("compareMeans", "a containing NaN", () => api.compareMeans([1, Number.NaN], [2, 3])),
  c("compareMeans", "two constant samples, different means", () => api.compareMeans([3, 3], [4, 4])),
  c("compareMeans", "b.standardDeviation -1 (summaries)", () =>
    api.compareMeans({ mean: 1, standardDeviation: 1, n: 5 }, { mean: 1, standardDeviation: -1, n: 5 }),
  ),
  c("compareMeans", "b.mean NaN (summaries)", () =>
    api.compareMeans({ mean: 1, standardDeviation: 1, n: 5 }, { mean: Number.NaN, standardDeviation: 1, n: 5 }),
  ),
  c("compareMeans", "b.n 1.5 (summaries)", () =>
    api.compareMeans({ mean: 1, standardDeviation: 1, n: 5 }, { mean: 1, standardDeviation: 1, n: 1.5 }),
  ),
  c("tally", "score 11 on [0, 10]", () => api.tally([9, 11], { scale: [0, 10] })),
  c("tally", "no scale", () => api.tally([9], {} as never)),
  c("tally", "weighted merged with unweighted", () =>
    api.mergeTallies(api.tally([9], { scale: [0, 10], weights: [2] }), api.tally([9], { scale: [0, 10] })),
  ),
  c("tally", "scale [5, 1]", () => api.tally([3], { scale: [5, 1] })),
  c("tally", "no options", () => Reflect.apply(api.tally, undefined, [[3]])),
  c("tally", "scores = 5", () => api.tally(5 as never, { scale: [0, 10] })),
  c("tally", "1,000 scores in a BigUint64Array", () => api.tally(new BigUint64Array(1000).fill(3n), { scale: [0, 10] })),
  c("mergeTallies", "no tallies", () => api.mergeTallies()),
  c("mergeTallies", "different scales", () =>
    api.mergeTallies({ scale: [1, 5], counts: [1, 0, 0, 0, 0] }, { scale: [0, 5], counts: [0, 1, 0, 0, 0, 0] }),
  ),
  c("mergeTallies", "a count of -1", () => api.mergeTallies({ scale: [1, 3], counts: [1, -1, 0] })),
  c("mergeTallies", "scales of one length, shifted", () =>
    api.mergeTallies({ scale: [1, 3], counts: [1, 0, 0] }, { scale: [2, 4], counts: [1, 0, 0] }),
  ),
  c("mergeTallies", "a second tally of null", () => api.mergeTallies({ scale: [1, 3], counts: [1, 0, 0] }, null as never)),
  c("mergeTallies", "a first tally of 5", () => api.mergeTallies(5 as never)),
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
  c("npsSummary", "option confidenceLevel (a typo)", () => api.npsSummary(counts, { confidenceLevel: 0.9 } as never)),
  c("nps", "scale [1, 5], default bands", () => api.nps([1, 5], { scale: [1, 5] })),
  c("nps", "a blank cell", () => api.nps([9, ""])),
  c("nps", "a BigInt64Array", () => api.nps(new BigInt64Array([9n, 10n]))),
  c("nps", "a BigInt score in an array", () => api.nps([9, 10n as never])),
  c("nps", 'a blank and "N/A", missing skip', () => api.nps([9, "", "N/A"], { missing: "skip" })),
  c("nps", 'the word "nine"', () => api.nps([9, "nine"])),
  c("nps", "weight -1", () => api.nps([9, 3], { weights: [1, -1] })),
  c("nps", "weights all 0", () => api.nps([9, 3], { weights: [0, 0] })),
  c("nps", "one weight for two scores", () => api.nps([9, 3], { weights: [1] })),
  c("nps", "weights with group counts", () => api.nps(counts, { weights: [1, 2] })),
  c("nps", "scale { min: 0, max: 10 }", () => api.nps([9], { scale: { min: 0, max: 10 } } as never)),
  c("npsSummary", 'method "exact"', () => api.npsSummary(counts, { method: "exact" as never })),
  c("npsSummary", "one promoter, Wald (edge)", () => api.npsSummary([10], { method: "wald" }).interval),
  c("compareNps", "b empty", () => api.compareNps(counts, [])),
  c("compareNps", "Wald, both constant and different", () => api.compareNps([10, 10], [0], { method: "wald" })),
  c("npsSampleSize", "marginOfError 0.05 (a fraction, not points)", () => api.npsSampleSize({ marginOfError: 0.05 })),
  c("npsSampleSize", "marginOfError 0", () => api.npsSampleSize({ marginOfError: 0 })),
  c("npsSampleSize", "only promoters given", () => api.npsSampleSize({ marginOfError: 5 }, { promoters: 0.5 })),
  c("npsSampleSize", "promoters + detractors > 1", () => api.npsSampleSize({ marginOfError: 5 }, { promoters: 0.7, detractors: 0.5 })),
  c("csat", "response 6 on 1-5", () => api.csat([6])),
  c("csat", "satisfiedFrom 1", () => api.csat([3], { satisfiedFrom: 1 })),
  c("csat", "option threshold (a typo)", () => api.csat([4, 5], { threshold: 5 } as never)),
  c("csat", "counts of the wrong length", () => api.csat({ counts: [1, 2, 3] })),
  c("csatSummary", "empty", () => api.csatSummary([])),
  c("csatSummary", 'method "exact"', () => api.csatSummary([5, 4], { method: "exact" as never })),
  c("ces", "response 8 on 1-7", () => api.ces([8])),
  c("ces", "1,000 responses in a BigInt64Array", () => api.ces(new BigInt64Array(1000).fill(3n))),
  c("ces", 'higherIsEasier "no"', () => api.ces([3], { higherIsEasier: "no" as never })),
  c("cesSummary", "agreeFrom 9", () => api.cesSummary([3], { agreeFrom: 9 })),
  c("cesSummary", "one response (edge)", () => api.cesSummary([4]).interval),
  c("churnRate", "lost 11 > start 10", () => api.churnRate({ starting: 10, churned: 11 })),
  c("churnRate", "start 0", () => api.churnRate({ starting: 0, churned: 0 })),
  c("churnRate", '"average" without ending', () => api.churnRate({ starting: 10, churned: 1 }, { denominator: "average" })),
  c("retentionRate", "end below new customers", () => api.retentionRate({ starting: 100, ending: 10, new: 20 })),
  c("compoundRate", "rate 1.5", () => api.compoundRate({ rate: 1.5, periods: 12 })),
  c("compoundRate", "periods 0", () => api.compoundRate({ rate: 0.05, periods: 0 })),
  c("periodicRate", "rate -0.1", () => api.periodicRate({ rate: -0.1, periods: 12 })),
  c("mrrChurn", "churned + contraction > start", () => api.mrrChurn({ startingMrr: 100, churnedMrr: 80, contractionMrr: 30 })),
  c("mrrMovements", "mrr -5", () => api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: -5 }])),
  c("mrrMovements", "a blank mrr", () => api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: "" }])),
  c("mrrMovements", "customer null", () => api.mrrMovements([{ customer: null, time: "2026-01-01", mrr: 5 }])),
  c("mrrMovements", "two rows at one instant", () =>
    api.mrrMovements([
      { customer: "a", time: "2026-01-01", mrr: 5 },
      { customer: "a", time: "2026-01-01", mrr: 6 },
    ]),
  ),
  c("cohortRetention", "no customer ever above 0", () => api.cohortRetention([{ customer: "a", time: "2026-01-01", mrr: 0 }])),
  c("cohortRetention", 'time "12/17/2025"', () => api.cohortRetention([{ customer: "a", time: "12/17/2025", mrr: 5 }])),
  c("movementRates", "trailing 0", () =>
    api.movementRates(api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: 5 }]), { trailing: 0 }),
  ),
  c("movementRates", "not a report", () => api.movementRates({ rows: [] } as never)),
  c("rfmSummary", "no end", () => api.rfmSummary([{ customer: "a", time: "1997-01-01" }], {} as never)),
  c("rfmSummary", 'time "1997-13-01"', () => api.rfmSummary([{ customer: "a", time: "1997-13-01", value: 5 }], { end: "1997-09-30" })),
  c("rfmSummary", "no value field, value not set to null", () =>
    api.rfmSummary([{ customer: "a", time: "1997-01-01" }], { end: "1997-09-30" }),
  ),
  c("fitBgNbd", "no repeat purchase at all", () => api.fitBgNbd([{ frequency: 0, recency: 0, T: 10 }])),
  c("fitBgNbd", "recency above T", () => api.fitBgNbd([{ frequency: 2, recency: 12, T: 10 }])),
  c("probabilityAlive", "a heavy buyer long gone (edge)", () =>
    api.probabilityAlive(
      { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
      { frequency: 500, recency: 0.5, T: 52 },
    ),
  ),
  c("fitParetoNbd", "dropout alike for everyone (s and beta run off)", () =>
    api.fitParetoNbd([
      { frequency: 0, recency: 0, T: 38, count: 1400 },
      { frequency: 1, recency: 3, T: 38, count: 150 },
      { frequency: 1, recency: 12, T: 38, count: 400 },
      { frequency: 2, recency: 25, T: 38, count: 200 },
      { frequency: 4, recency: 30, T: 38, count: 150 },
      { frequency: 8, recency: 37, T: 38, count: 50 },
    ]),
  ),
  c("probabilityAlive", "Pareto/NBD, a heavy buyer long gone (edge)", () =>
    api.probabilityAlive(
      { model: "pareto-nbd", params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } },
      { frequency: 500, recency: 0.01, T: 39 },
    ),
  ),
  c("probabilityAlive", "Pareto/NBD with alpha 10⁶ times beta", () =>
    api.probabilityAlive({ model: "pareto-nbd", params: { r: 1, alpha: 1e6, s: 1, beta: 1 } }, { frequency: 1, recency: 0.5, T: 39 }),
  ),
  c("expectedPurchases", "BG/NBD at a = 1 exactly (edge)", () =>
    api.expectedPurchases({ model: "bg-nbd", params: { r: 0.5, alpha: 3, a: 1, b: 2 } }, 39),
  ),
  c("expectedPurchases", "BG/BB over 2.5 opportunities", () =>
    api.expectedPurchases({ model: "bg-bb", params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 } }, 2.5),
  ),
  c("conditionalExpectedPurchases", "an sBG model", () =>
    api.conditionalExpectedPurchases({ model: "sbg", params: { alpha: 1, beta: 1 } } as never, { frequency: 1, recency: 1, T: 2 }, 5),
  ),
  c("purchaseCountProbability", "Pareto/NBD, 10⁶ purchases", () =>
    api.purchaseCountProbability({ model: "pareto-nbd", params: { r: 1, alpha: 1, s: 1, beta: 1 } }, 1e6, 5),
  ),
  c("expectedLifetimeValue", "no discountRate", () =>
    api.expectedLifetimeValue(
      {
        purchases: { model: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
        spend: { model: "gamma-gamma", params: { p: 6.25, q: 3.74, gamma: 15.44 } },
      },
      { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 },
      { periods: 12 } as never,
    ),
  ),
  c("distribution", "1-5 scores with a 7", () => api.distribution([1, 5, 7], { scale: [1, 5] })),
  c("distribution", "weights for fewer responses", () => api.distribution([1, 5, 3], { scale: [1, 5], weights: [1, 2] })),
  c("distribution", "no options", () => Reflect.apply(api.distribution, undefined, [[1, 5, 3]])),
  c("distribution", "bottom 6 on 1-5", () => api.distribution([1, 5, 3], { scale: [1, 5], bottom: 6 })),
  c(
    "distribution",
    "top and bottom 5 on 1-5 (every point: edge)",
    () => api.distribution([1, 5, 3], { scale: [1, 5], top: 5, bottom: 5 }).bottomBox,
  ),
  c("npsMigration", "waves of different lengths", () => api.npsMigration([1, 9, 10], [9, 10])),
  c("rake", "a margin category no record has", () =>
    api.rake([{ region: "north" }, { region: "south" }], { region: { north: 0.5, south: 0.3, west: 0.2 } }),
  ),
  c("rake", "shares summing to 0.9", () => api.rake([{ region: "north" }, { region: "south" }], { region: { north: 0.5, south: 0.4 } })),
  c("rake", "no records", () => api.rake([], { region: { north: 1 } })),
  c("rake", "a record of null", () => api.rake([null as never], { region: { north: 1 } })),
  c("rake", "a margin of 5", () => api.rake([{ region: "north" }], { region: 5 as never })),
  c("rake", "a region no margin names", () => api.rake([{ region: "east" }], { region: { north: 1 } })),
  c("rake", 'a null region, with a category named "null"', () =>
    api.rake([{ region: null }, { region: "north" }], { region: { null: 0.5, north: 0.5 } }),
  ),
  c("rake", "the first category no record has", () => api.rake([{ region: "south" }], { region: { north: 0.5, south: 0.5 } })),
  c("rake", "a category whose records all weigh 0", () =>
    api.rake(
      [
        { region: "north", w: 0 },
        { region: "south", w: 1 },
      ],
      { region: { north: 0.5, south: 0.5 } },
      { weight: "w" },
    ),
  ),
  c(
    "rake",
    "shares a rounding off 1 either way, on two variables (edge)",
    () =>
      api.rake(
        [
          { region: "north", plan: "pro" },
          { region: "north", plan: "basic" },
          { region: "south", plan: "pro" },
          { region: "south", plan: "basic" },
        ],
        { region: { north: 0.5, south: 0.5 + 9e-10 }, plan: { pro: 0.5, basic: 0.5 - 9e-10 } },
      ).converged,
  ),
  c("rake", "margins no positive weights can meet", () =>
    api.rake(
      [
        { region: "north", plan: "pro" },
        { region: "north", plan: "basic" },
        { region: "south", plan: "basic" },
      ],
      { region: { north: 0.2, south: 0.8 }, plan: { pro: 0.5, basic: 0.5 } },
    ),
  ),
  c("fitBgBb", "every opportunity taken by everyone", () => api.fitBgBb([{ frequency: 6, recency: 6, periods: 6, count: 10 }])),
  c(
    "fitBgBb",
    "heavy histories over 10,000 opportunities (edge): converged",
    () =>
      api.fitBgBb([
        { frequency: 0, recency: 0, periods: 10000, count: 5 },
        { frequency: 9000, recency: 9990, periods: 10000 },
        { frequency: 1, recency: 3, periods: 10000 },
      ]).converged,
  ),
  c("fitGammaGamma", "a customer with no repeat transaction", () => api.fitGammaGamma([{ frequency: 0, monetary: 0 }])),
  c("expectedSpend", "q = 1 (no finite mean)", () =>
    api.expectedSpend({ model: "gamma-gamma", params: { p: 6, q: 1, gamma: 15 } }, { frequency: 1, monetary: 10 }),
  ),
  c("discountedExpectedLifetime", "discount rate 10 (a percentage)", () =>
    api.discountedExpectedLifetime({ model: "sbg", params: { alpha: 0.668, beta: 3.806 } }, { discountRate: 10 }),
  ),
  c("discountedExpectedLifetime", "the smallest discount rate (edge)", () =>
    Math.round(api.discountedExpectedLifetime({ model: "sbg", params: { alpha: 0.001, beta: 1000 } }, { discountRate: 0.0001 })),
  ),
  c("fitSbg", "no one leaves", () => api.fitSbg([1000, 1000, 1000])),
  c("fitSbg", "shares instead of counts", () => api.fitSbg([100, 86.9, 74.3])),
  c("projectRetention", 'model "bg-nbd"', () => api.projectRetention({ model: "bg-nbd", params: { alpha: 1, beta: 1 } } as never, 3)),
  c("mrrChurn", "field churned (a typo)", () => api.mrrChurn({ startingMrr: 100, churned: 5 } as never)),
  c("mrrChurn", "churnedMrr -1", () => api.mrrChurn({ startingMrr: 100, churnedMrr: -1 })),
  c("netRevenueRetention", "startingMrr 0", () => api.netRevenueRetention({ startingMrr: 0 })),
  c("grossRevenueRetention", "startingMrr NaN", () => api.grossRevenueRetention({ startingMrr: Number.NaN })),
  c("quickRatio", "nothing lost", () => api.quickRatio({ newMrr: 1, expansionMrr: 0, churnedMrr: 0, contractionMrr: 0 })),
  c("customerAcquisitionCost", "newCustomers 0", () => api.customerAcquisitionCost({ salesAndMarketingSpend: 100, newCustomers: 0 })),
  c("customerRetentionCost", "customers 2.5", () => api.customerRetentionCost({ retentionSpend: 1, customers: 2.5 })),
  c("averageRevenuePerUser", "customers 0", () => api.averageRevenuePerUser({ revenue: 1, customers: 0 })),
  c("customerLifetimeValue", "churnRate 0, no discount", () => api.customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0 })),
  c("customerLifetimeValue", "churnRate 1.5", () => api.customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 1.5 })),
  c("customerLifetimeValue", 'model "lifetime" with grossMargin 0.5', () =>
    api.customerLifetimeValue({ model: "lifetime", arpu: 50, lifetime: 10, grossMargin: 0.5 }),
  ),
  c("customerLifetimeValue", 'model "churn" with a lifetime', () =>
    api.customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0.05, lifetime: 10 } as never),
  ),
  c("customerLifetimeValue", "churnRate 5 (percent)", () => api.customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 5 })),
  c("customerLifetimeValue", "no model named", () => api.customerLifetimeValue({ arpu: 50 } as never)),
  c("customerLifetimeValue", "arpu 1e308, lifetime 10 (overflows)", () =>
    api.customerLifetimeValue({ model: "lifetime", arpu: 1e308, lifetime: 10 }),
  ),
  c("ltvToCac", "cac 0", () => api.ltvToCac({ ltv: 100, cac: 0 })),
  c("ltvToCac", "ltv 1e308 over cac 1e-10 (overflows)", () => api.ltvToCac({ ltv: 1e308, cac: 1e-10 })),
  c("cacPaybackMonths", "cac 1e308 over arpu 1e-10 (overflows)", () => api.cacPaybackMonths({ cac: 1e308, arpu: 1e-10 })),
  c("customerLifetimeValue", "grossMargin 1.5", () =>
    api.customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0.05, grossMargin: 1.5 }),
  ),
  c("churnRate", "no churned", () => api.churnRate({ starting: 10 } as never)),
  c("churnRate", 'denominator "start-plus-new" without new', () =>
    api.churnRate({ starting: 10, churned: 1 }, { denominator: "start-plus-new" }),
  ),
  c("churnRate", 'denominator "start-plus-new" of no customers', () =>
    api.churnRate({ starting: 0, churned: 0, new: 0 }, { denominator: "start-plus-new" }),
  ),
  c("churnRate", 'denominator "average" of no customers', () =>
    api.churnRate({ starting: 0, churned: 0, ending: 0 }, { denominator: "average" }),
  ),
  c("churnRate", 'denominator "end"', () => api.churnRate({ starting: 10, churned: 1 }, { denominator: "end" as never })),
  c("retentionRate", "no new", () => api.retentionRate({ starting: 10, ending: 9 } as never)),
  c("retentionRate", "no ending", () => api.retentionRate({ starting: 10, new: 1 } as never)),
  c("retentionRate", "starting 0", () => api.retentionRate({ starting: 0, ending: 0, new: 0 })),
  c("mrrChurn", "endingMrr -1", () => api.mrrChurn({ startingMrr: 100, endingMrr: -1 })),
  c("mrrChurn", "expansion 1e308 on startingMrr 1e-10 (overflows)", () => api.mrrChurn({ startingMrr: 1e-10, expansionMrr: 1e308 })),
  c("netRevenueRetention", "expansion 1e308 on startingMrr 1e-10 (overflows)", () =>
    api.netRevenueRetention({ startingMrr: 1e-10, expansionMrr: 1e308 }),
  ),
  c("quickRatio", "new 1e308 against churned 1e-10 (overflows)", () =>
    api.quickRatio({ startingMrr: 1, newMrr: 1e308, churnedMrr: 1e-10 }),
  ),
  c("cohortRetention", "option evry (a typo)", () =>
    api.cohortRetention([{ customer: "a", time: "2026-01-01", mrr: 5 }], { evry: "month" } as never),
  ),
  c("cohortRetention", "two customers of 1e308 MRR in one cohort (overflows)", () =>
    api.cohortRetention([
      { customer: "a", time: "2026-01-01", mrr: 1e308 },
      { customer: "b", time: "2026-01-02", mrr: 1e308 },
    ]),
  ),
  c("mrrMovements", "option evry (a typo)", () =>
    api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: 5 }], { evry: "month" } as never),
  ),
  c("mrrMovements", 'start "2026-02-30"', () => api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: 5 }], { start: "2026-02-30" })),
  c("mrrMovements", 'end "soon"', () => api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: 5 }], { end: "soon" })),
  c("mrrMovements", "end before start", () =>
    api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: 5 }], { start: "2026-03-01", end: "2026-02-01" }),
  ),
  c("mrrMovements", "start after the last change", () =>
    api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: 5 }], { start: "2026-03-01" }),
  ),
  c("mrrMovements", "every row skipped", () => api.mrrMovements([{ customer: null, time: "2026-01-01", mrr: 5 }], { onInvalid: "skip" })),
  c("mrrMovements", 'every "decade"', () =>
    api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: 5 }], { every: "decade" as never }),
  ),
  c("mrrMovements", 'timeUnit "us"', () => api.mrrMovements([{ customer: "a", time: 1e12, mrr: 5 }], { timeUnit: "us" as never })),
  c("mrrMovements", 'duplicates "first"', () =>
    api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: 5 }], { duplicates: "first" as never }),
  ),
  c("mrrMovements", 'onInvalid "ignore"', () =>
    api.mrrMovements([{ customer: "a", time: "2026-01-01", mrr: 5 }], { onInvalid: "ignore" as never }),
  ),
  c("mrrMovements", "two customers of 1e308 MRR (overflows)", () =>
    api.mrrMovements([
      { customer: "a", time: "2026-01-01", mrr: 1e308 },
      { customer: "b", time: "2026-01-02", mrr: 1e308 },
    ]),
  ),
  c("cacPaybackMonths", "grossMargin 0", () => api.cacPaybackMonths({ cac: 100, arpu: 10, grossMargin: 0 })),
  c("holmAdjust", "a p-value of 1.5", () => api.holmAdjust([0.5, 1.5])),
  c("holmAdjust", "no p-values (edge)", () => api.holmAdjust([])),
  c("segmentReport", "a score of 11, default onInvalid", () => api.segmentReport([{ g: "a", v: 11 }], { by: "g", metrics: { nps: "v" } })),
  c("segmentReport", "by []", () => api.segmentReport([{ g: "a", v: 9 }], { by: [], metrics: { nps: "v" } })),
  c("segmentReport", 'by ["g", 5]', () => api.segmentReport([{ g: "a", v: 9 }], { by: ["g", 5 as never], metrics: { nps: "v" } })),
  c("parseTime", "a digit string without timeUnit", () => api.parseTime("1741944600")),
  c("parseTime", 'timeZone "+05:00"', () => api.parseTime("2025-03-14T09:30", { timeZone: "+05:00" })),
  c("parseTime", "an object", () => api.parseTime({} as never)),
  c("parseTime", '"2025-03-14 09:30:00+24"', () => api.parseTime("2025-03-14 09:30:00+24")),
  c("periodOf", "no options", () => api.periodOf("2025-03-14", undefined as never)),
  c("periodOf", 'every "decade"', () => api.periodOf("2025-03-14", { every: "decade" as never })),
  c("periodOf", '"2025-02-30"', () => api.periodOf("2025-02-30", { every: "day" })),
  c("trend", "window { periods: 3 } over 2 months", () =>
    api.trend(
      [
        { at: "2024-01-01", v: 9 },
        { at: "2024-02-01", v: 3 },
      ],
      { time: "at", every: "month", window: { periods: 3 }, metrics: { nps: "v" } },
    ),
  ),
  c("trend", "smoothing { halfLife: 0 }", () =>
    api.trend([{ at: "2024-01-01", v: 9 }], { time: "at", every: "month", smoothing: { halfLife: 0 }, metrics: { nps: "v" } }),
  ),
  c("trend", "window and smoothing together", () =>
    api.trend([{ at: "2024-01-01", v: 9 }], {
      time: "at",
      every: "month",
      window: { periods: 1 },
      smoothing: { halfLife: 2 },
      metrics: { nps: "v" },
    }),
  ),
  c("trend", "dedupe.by naming no field", () =>
    api.trend([{ at: "2024-01-01", v: 9 }], {
      time: "at",
      every: "month",
      dedupe: { by: "who" as never, keep: "latest" },
      metrics: { nps: "v" },
    }),
  ),
  c("segmentReport", "a window (no time)", () =>
    api.segmentReport([{ g: "a", v: 9 }], { by: "g", window: { periods: 2 }, metrics: { nps: "v" } } as never),
  ),
  c("npsSummary", "cluster of another length", () => api.npsSummary([9, 10, 3], { cluster: ["a", "b"] })),
  c("npsSummary", "a cluster id missing", () => api.npsSummary([9, 10, 3], { cluster: ["a", null, "b"] as never })),
  c("npsSummary", "cluster with counts", () => api.npsSummary({ promoters: 2, passives: 0, detractors: 1 }, { cluster: ["a", "b", "c"] })),
  c("segmentReport", "a cluster field no record has", () =>
    api.segmentReport([{ g: "a", v: 9, acct: "x" }], { by: "g", metrics: { nps: { value: "v", cluster: "account" } } } as never),
  ),
  c("countsQuery", "a cluster read by an accessor", () =>
    api.countsQuery({
      table: "t",
      dialect: "duckdb",
      by: "g",
      metrics: { nps: { value: "ltr", cluster: (r: { a: string }) => r.a } },
    } as never),
  ),
  c("accountNps", "no rollup", () => api.accountNps([{ a: "x", s: 9 }], { account: "a", score: "s" } as never)),
  c("accountNps", 'rollup "latest" without time', () => api.accountNps([{ a: "x", s: 9 }], { account: "a", score: "s", rollup: "latest" })),
  c("accountNps", "one account's weights differ", () =>
    api.accountNps(
      [
        { a: "x", s: 9, w: 1 },
        { a: "x", s: 3, w: 2 },
      ],
      { account: "a", score: "s", weight: "w", rollup: "respondent" },
    ),
  ),
  c("trend", "time 5", () => api.trend([{ at: "2024-01-01", v: 9 }], { time: 5 as never, every: "month", metrics: { nps: "v" } })),
  c("trend", 'timeUnit "us"', () =>
    api.trend([{ at: 1e12, v: 9 }], { time: "at", every: "month", metrics: { nps: "v" }, timeUnit: "us" as never }),
  ),
  c("segmentReport", "a column of scores in a BigInt64Array", () =>
    api.segmentReport({ g: ["a", "b"], v: new BigInt64Array([9n, 3n]) }, { by: "g", metrics: { nps: "v" } }),
  ),
  c(
    "segmentReport",
    "a missing key, missing skip",
    () =>
      api.segmentReport(
        [
          { g: "a", v: 9 },
          { g: null, v: 9 },
        ],
        { by: "g", metrics: { nps: "v" }, missing: "skip" },
      ).skipped.records,
  ),
  c("segmentReport", 'by "regoin" (a typo)', () =>
    api.segmentReport([{ region: "a", v: 9 }], { by: "regoin" as never, metrics: { nps: "v" } }),
  ),
  c("segmentReport", 'by "regoin", missing skip (every record skipped)', () =>
    api.segmentReport([{ region: "a", v: 9 }], { by: "regoin" as never, metrics: { nps: "v" }, missing: "skip" }),
  ),
  c("segmentReport", "every value a word, onInvalid skip", () =>
    api.segmentReport([{ g: "a", v: "x" }], { by: "g", metrics: { nps: "v" }, onInvalid: "skip" }),
  ),
  c("segmentReport", "metric option promotorFrom (a typo)", () =>
    api.segmentReport([{ g: "a", v: 9 }], { by: "g", metrics: { nps: { value: "v", promotorFrom: 8 } } as never }),
  ),
  c("segmentReport", "no metrics", () => api.segmentReport([], { by: "g", metrics: {} })),
  c("segmentReport", 'unknown metric "mood"', () => api.segmentReport([], { by: "g", metrics: { mood: "m" } as never })),
  c("trend", 'time "soon"', () => api.trend([{ at: "soon", v: 9 }], { time: "at", every: "day", metrics: { nps: "v" } })),
  c("trend", 'every "decade"', () => api.trend([], { time: "at", every: "decade" as never, metrics: { nps: "v" } })),
  c("trend", 'time "2025-02-30"', () => api.trend([{ at: "2025-02-30", v: 9 }], { time: "at", every: "month", metrics: { nps: "v" } })),
  c("trend", 'time "Dec 17, 2025"', () => api.trend([{ at: "Dec 17, 2025", v: 9 }], { time: "at", every: "month", metrics: { nps: "v" } })),
  c("trend", "time 1735689600 (Unix seconds)", () =>
    api.trend([{ at: 1735689600, v: 9 }], { time: "at", every: "month", metrics: { nps: "v" } }),
  ),
  c("trend", 'timeZone "Mars/Olympus"', () =>
    api.trend([{ at: "2025-12-17", v: 9 }], { time: "at", every: "month", timeZone: "Mars/Olympus", metrics: { nps: "v" } }),
  ),
  c("isMetricsError", "a plain Error", () => api.isMetricsError(new Error("x"))),
  c("countsQuery", "a table name with a NUL", () =>
    api.countsQuery({ table: "a\u0000b", dialect: "duckdb", by: "g", metrics: { nps: "ltr" } }),
  ),
  c("countsQuery", "a BigQuery name with a backtick", () =>
    api.countsQuery({ table: "a`b", dialect: "bigquery", by: "g", metrics: { nps: "ltr" } }),
  ),
  c("countsQuery", 'dialect "mysql"', () => api.countsQuery({ table: "t", dialect: "mysql" as never, by: "g", metrics: { nps: "ltr" } })),
  c("countsQuery", "options null", () => api.countsQuery(null as never)),
  c("countsQuery", 'table ["db", 5]', () =>
    api.countsQuery({ table: ["db", 5 as never], dialect: "duckdb", by: "g", metrics: { nps: "ltr" } }),
  ),
  c("countsQuery", "an accessor for a metric", () =>
    api.countsQuery({ table: "t", dialect: "duckdb", by: "g", metrics: { nps: (r: { ltr: number }) => r.ltr } as never }),
  ),
  c("countsQuery", "every without time", () =>
    api.countsQuery({ table: "t", dialect: "duckdb", by: "g", every: "month", metrics: { nps: "ltr" } } as never),
  ),
  c("countsQuery", "timeZone without time", () =>
    api.countsQuery({ table: "t", dialect: "duckdb", by: "g", timeZone: "UTC", metrics: { nps: "ltr" } } as never),
  ),
  c("countsQuery", "by []", () => api.countsQuery({ table: "t", dialect: "duckdb", by: [], metrics: { nps: "ltr" } })),
  c("countsQuery", 'by ["g", 5]', () => api.countsQuery({ table: "t", dialect: "duckdb", by: ["g", 5 as never], metrics: { nps: "ltr" } })),
  c("countsQuery", 'every "decade"', () =>
    api.countsQuery({ table: "t", dialect: "duckdb", time: "at", every: "decade" as never, metrics: { nps: "ltr" } }),
  ),
  c("countsQuery", "time 5", () =>
    api.countsQuery({ table: "t", dialect: "duckdb", time: 5 as never, every: "month", metrics: { nps: "ltr" } }),
  ),
  c("countsQuery", "time the metric's column", () =>
    api.countsQuery({ table: "t", dialect: "duckdb", time: "ltr", every: "month", metrics: { nps: "ltr" } }),
  ),
  c("countsQuery", "time the second metric's column", () =>
    api.countsQuery({ table: "t", dialect: "duckdb", time: "sat", every: "month", metrics: { nps: "ltr", csat: "sat" } }),
  ),
  c("countsQuery", "a metric column with a line break", () =>
    api.countsQuery({ table: "t", dialect: "duckdb", by: "g", metrics: { nps: "ltr\n" } }),
  ),
  c("segmentReportFromCounts", "a row whose key is an object", () =>
    api.segmentReportFromCounts(
      [
        {
          g: { a: 1 },
          n: 1,
          nps_missing: 0,
          nps_invalid: 0,
          ...Object.fromEntries(Array.from({ length: 11 }, (_, s) => [`nps_${s}`, s === 9 ? 1 : 0])),
        },
      ],
      { by: "g", metrics: { nps: "ltr" } },
    ),
  ),
  c("trendFromCounts", 'every "decade"', () => api.trendFromCounts([], { time: "at", every: "decade" as never, metrics: { nps: "ltr" } })),
  c("trendFromCounts", "a row whose period is null", () =>
    api.trendFromCounts(
      [
        {
          at: null,
          every: "month",
          n: 1,
          nps_missing: 0,
          nps_invalid: 0,
          ...Object.fromEntries(Array.from({ length: 11 }, (_, s) => [`nps_${s}`, s === 9 ? 1 : 0])),
        },
      ],
      { time: "at", every: "month", metrics: { nps: "ltr" } },
    ),
  ),
  c("countsQuery", "a column name with DEL (U+007F)", () =>
    api.countsQuery({ table: "t", dialect: "duckdb", by: "g\u007f", metrics: { nps: "ltr" } }),
  ),
  c("countsQuery", "both by and time", () =>
    api.countsQuery({ table: "t", dialect: "duckdb", by: "g", time: "at", every: "month", metrics: { nps: "ltr" } }),
  ),
  c("segmentReportFromCounts", "a row without n", () =>
    api.segmentReportFromCounts([{ g: "a", count: 3 }], { by: "g", metrics: { nps: "ltr" } }),
  ),
  c("segmentReportFromCounts", "counts that do not add up to n", () =>
    api.segmentReportFromCounts(
      [{ g: "a", n: 2, nps_missing: 0, nps_invalid: 0, ...Object.fromEntries(Array.from({ length: 11 }, (_, s) => [`nps_${s}`, 0])) }],
      {
        by: "g",
        metrics: { nps: "ltr" },
      },
    ),
  ),
  c("trendFromCounts", 'a period "2026-02-30"', () =>
    api.trendFromCounts(
      [
        {
          at: "2026-02-30",
          every: "month",
          n: 1,
          nps_missing: 0,
          nps_invalid: 0,
          ...Object.fromEntries(Array.from({ length: 11 }, (_, s) => [`nps_${s}`, s === 10 ? 1 : 0])),
        },
      ],
      {
        time: "at",
        every: "month",
        metrics: { nps: "ltr" },
      },
    ),
  ),
  c("trendFromCounts", "rows by week, a report by month", () =>
    api.trendFromCounts(
      [
        {
          at: "2026-01-26",
          every: "week",
          n: 1,
          nps_missing: 0,
          nps_invalid: 0,
          ...Object.fromEntries(Array.from({ length: 11 }, (_, s) => [`nps_${s}`, s === 10 ? 1 : 0])),
        },
      ],
      { time: "at", every: "month", metrics: { nps: "ltr" } },
    ),
  ),
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
  const escapePipes = (s: string) => s.replaceAll("|", "\\|");
  const rows = CASES.map((k) => `| \`${k.fn}\` | ${escapePipes(k.input)} | ${escapePipes(outcome(k.call))} |`);
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
