import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ces,
  cesSummary,
  compareCes,
  compareCsat,
  compareNps,
  csat,
  csatSummary,
  MetricsInputError,
  MetricsTypeError,
  mergeTallies,
  nps,
  npsSummary,
  PROPORTION_INTERVAL_METHODS,
  segmentReport,
  tally,
  trend,
} from "../../src/index.ts";
import { expectAbsolute, expectError, expectRelative } from "../helpers.ts";

// test/fixtures/r/weighted.R: R survey's svymean(~y, svydesign(ids = ~1, weights = ~w)), its
// SE, confint(…) (normal) for NPS and CSAT and confint(…, df = degf(design)) for CES, with
// y the +100/0/−100 NPS score, the 0/1 satisfied indicator (4-5 on 1-5) or the effort score.
const R = JSON.parse(readFileSync(new URL("../fixtures/r/weighted.json", import.meta.url), "utf8"));

interface Reference {
  estimate: number;
  standardError: number;
  lower: number;
  upper: number;
}
interface Data {
  ltr: number[];
  sat: number[];
  effort: number[];
  w: number[];
}

function summaries(d: Data) {
  return {
    nps: npsSummary(d.ltr, { weights: d.w, method: "wald" }),
    csat: csatSummary(d.sat, { weights: d.w, method: "wald" }),
    ces: cesSummary(d.effort, { weights: d.w }),
  };
}

function expectReference(actual: ReturnType<typeof summaries>, reference: Record<string, Reference>, tol = 1e-10): void {
  for (const metric of ["nps", "csat", "ces"] as const) {
    const a = actual[metric];
    const r = reference[metric]!;
    expectRelative(a.estimate, r.estimate, tol);
    expectRelative(a.standardError, r.standardError, tol);
    expectRelative(a.interval.lower, r.lower, tol);
    expectRelative(a.interval.upper, r.upper, tol);
  }
}

describe("weighted NPS, CSAT and CES against R survey's svymean", () => {
  it("extreme weights (log-normal, largest / smallest above 1000): estimate, linearised SE and interval to 1e-10", () => {
    const d: Data = R.sets.extreme.data;
    expect(Math.max(...d.w) / Math.min(...d.w)).toBeGreaterThan(1000);
    const s = summaries(d);
    expectReference(s, R.sets.extreme.svymean);
    // Kish: (Σw)²/Σw² and n over it
    const total = d.w.reduce((a, w) => a + w, 0);
    const squares = d.w.reduce((a, w) => a + w * w, 0);
    expectRelative(s.nps.effectiveN, (total * total) / squares, 1e-12);
    expectRelative(s.nps.designEffect, (d.w.length * squares) / (total * total), 1e-12);
    expect(s.nps.effectiveN).toBeLessThan(s.nps.n / 3);
  });

  it("weights all 1: R's unweighted design; CES is exactly the unweighted summary", () => {
    const d: Data = R.sets.ones.data;
    const s = summaries(d);
    expectReference(s, R.sets.ones.svymean);
    const plain = cesSummary(d.effort);
    for (const key of ["estimate", "standardError", "marginOfError", "standardDeviation", "agreeShare"] as const) {
      expectRelative(s.ces[key], plain[key], 1e-13);
    }
    expect(s.ces.effectiveN).toBe(d.w.length);
    expect(s.ces.designEffect).toBe(1);
  });

  it("weights of 0 drop their responses: R on the rows with w > 0", () => {
    const set = R.sets.zeros;
    const d: Data = set.data;
    const kept = d.w.flatMap((w, i) => (w > 0 ? [i] : []));
    const s = summaries(d);
    expectReference(s, set.svymean);
    expect(s.nps.n).toBe(kept.length);
    expect(nps(d.ltr, { weights: d.w })).toBe(
      npsSummary(
        kept.map((i) => d.ltr[i]!),
        { weights: kept.map((i) => d.w[i]!) },
      ).estimate,
    );
    // R's design on all rows keeps the zeros in n: its variance is N/(N − 1) where ours is m/(m − 1)
    // over the same sum (a zero weight adds nothing to it), an exact identity.
    const N = d.w.length;
    const m = kept.length;
    for (const metric of ["nps", "csat", "ces"] as const) {
      const ratio = Math.sqrt((N / (N - 1)) * ((m - 1) / m));
      expectRelative(s[metric].standardError * ratio, set.svymeanKeepingZeros[metric].standardError, 1e-10);
      expectRelative(s[metric].estimate, set.svymeanKeepingZeros[metric].estimate, 1e-12);
    }
  });

  it("the one-number functions give the same weighted estimates", () => {
    for (const name of ["extreme", "ones", "zeros"]) {
      const d: Data = R.sets[name].data;
      const r = name === "zeros" ? R.sets.zeros.svymean : R.sets[name].svymean;
      expectRelative(nps(d.ltr, { weights: d.w }), r.nps.estimate, 1e-12);
      expectRelative(csat(d.sat, { weights: d.w }), r.csat.estimate, 1e-12);
      expectRelative(ces(d.effort, { weights: d.w }), r.ces.estimate, 1e-12);
    }
  });

  it("compares two weighted samples with the linearised standard errors: difference and SE of R's two svymeans", () => {
    const { a, b, difference } = R.sets.compare;
    const weights = { a: a.w, b: b.w };
    const n = compareNps(a.ltr, b.ltr, { weights, method: "wald" });
    const c = compareCsat(a.sat, b.sat, { weights, method: "wald" });
    const e = compareCes(a.effort, b.effort, { weights });
    for (const [got, ref] of [
      [n, difference.nps],
      [c, difference.csat],
      [e, difference.ces],
    ] as const) {
      expectRelative(got.difference, ref.difference, 1e-10);
      expectRelative(got.standardError, ref.standardError, 1e-10);
      expectRelative(got.statistic, ref.difference / ref.standardError, 1e-10);
    }
    // The default methods test with the same linearised SE; only their intervals differ
    const adjusted = compareNps(a.ltr, b.ltr, { weights });
    expect(adjusted.pValue).toBe(n.pValue);
    expect(adjusted.standardError).toBe(n.standardError);
    expect(compareCsat(a.sat, b.sat, { weights }).pValue).toBe(c.pValue);
    // and with equal weights the adjusted interval is the unweighted one
    const ones = { a: a.w.map(() => 1), b: b.w.map(() => 1) };
    const plain = compareNps(a.ltr, b.ltr);
    const equal = compareNps(a.ltr, b.ltr, { weights: ones });
    expectAbsolute(equal.interval.lower, plain.interval.lower, 1e-9);
    expectAbsolute(equal.interval.upper, plain.interval.upper, 1e-9);
    // Welch-Satterthwaite on the linearised variances, each with n − 1 degrees of freedom
    const va = R.sets.compare.svymeanA.ces.standardError ** 2;
    const vb = R.sets.compare.svymeanB.ces.standardError ** 2;
    expectRelative(e.df, (va + vb) ** 2 / (va ** 2 / (a.w.length - 1) + vb ** 2 / (b.w.length - 1)), 1e-10);
  });
});

describe("weighted intervals on Kish's effective n", () => {
  it("adjusted-Wald and score NPS, and Wilson-type CSAT intervals: the unweighted method on the effective counts", () => {
    // Weights 1 and 3 on two halves of 5: effective n = 20²/50 = 8; the shares of the weight.
    const scores = [10, 10, 9, 8, 6, 10, 9, 7, 3, 0];
    const weights = [1, 1, 1, 1, 1, 3, 3, 3, 3, 3];
    const s = npsSummary(scores, { weights });
    expectRelative(s.effectiveN, 8, 1e-12);
    // Weighted shares: promoters (3 + 6)/20, passives (1 + 3)/20, detractors (1 + 6)/20.
    const neff = 8;
    const p = (9 / 20) * neff;
    const d = (7 / 20) * neff;
    // Rocks' adjusted Wald by hand: add ¾, 1½, ¾ and divide by n + 3
    const n3 = neff + 3;
    const pa = (p + 0.75) / n3;
    const da = (d + 0.75) / n3;
    const centre = 100 * (pa - da);
    const se = 100 * Math.sqrt((pa + da - (pa - da) ** 2) / n3);
    expectRelative(s.interval.lower, centre - 1.959963984540054 * se, 1e-12);
    expectRelative(s.interval.upper, centre + 1.959963984540054 * se, 1e-12);
    expect(s.estimate).toBeCloseTo(10, 12);
    const score = npsSummary(scores, { weights, method: "score" });
    const byCounts = npsSummary({ promoters: 9, passives: 4, detractors: 7 }, { method: "score" });
    // The score interval of shares 9/20, 4/20, 7/20 at n_eff against the same shares at n = 20:
    // wider, as n_eff < 20, and around the same estimate.
    expect(score.interval.upper - score.interval.lower).toBeGreaterThan(byCounts.interval.upper - byCounts.interval.lower);
    // CSAT: Wilson on p·n_eff of n_eff, by hand
    const sat = [5, 4, 4, 2, 1, 5];
    const w = [3, 1, 1, 2, 2, 1];
    const c = csatSummary(sat, { weights: w });
    const z = 1.959963984540054;
    const ne = 100 / 20;
    const ph = 6 / 10;
    const mid = (ph + (z * z) / (2 * ne)) / (1 + (z * z) / ne);
    const half = (z * Math.sqrt((ph * (1 - ph)) / ne + (z * z) / (4 * ne * ne))) / (1 + (z * z) / ne);
    expectRelative(c.interval.lower, mid - half, 1e-12);
    expectRelative(c.interval.upper, mid + half, 1e-12);
  });

  it("equal weights c give, for any c > 0, the unweighted estimate, effectiveN = n and the unweighted default intervals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 200 }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        (scores, c) => {
          const weights = scores.map(() => c);
          const w = npsSummary(scores, { weights });
          const u = npsSummary(scores);
          expectAbsolute(w.estimate, u.estimate, 1e-9);
          expectRelative(w.effectiveN, scores.length, 1e-12);
          expectAbsolute(w.interval.lower, u.interval.lower, 1e-9);
          expectAbsolute(w.interval.upper, u.interval.upper, 1e-9);
          expectAbsolute(w.standardError, u.standardError, 1e-9);
          const score = npsSummary(scores, { weights, method: "score" });
          const plainScore = npsSummary(scores, { method: "score" });
          expectAbsolute(score.interval.lower, plainScore.interval.lower, 1e-7);
          expectAbsolute(score.interval.upper, plainScore.interval.upper, 1e-7);
          // Wald: R's linearised SE, √(n/(n − 1)) times the textbook one
          const wald = npsSummary(scores, { weights, method: "wald" });
          const plain = npsSummary(scores, { method: "wald" });
          expectAbsolute(wald.standardError, plain.standardError * Math.sqrt(scores.length / (scores.length - 1)), 1e-9);
          // and the same result for weights 1
          const ones = npsSummary(scores, { weights: scores.map(() => 1), method: "wald" });
          expectAbsolute(wald.standardError, ones.standardError, 1e-9);
          const sat = scores.map((s) => 1 + (s % 5));
          for (const method of PROPORTION_INTERVAL_METHODS.filter((m) => m !== "wald")) {
            const ws = csatSummary(sat, { weights, method });
            const us = csatSummary(sat, { method });
            expectAbsolute(ws.interval.lower, us.interval.lower, 1e-8);
            expectAbsolute(ws.interval.upper, us.interval.upper, 1e-8);
          }
          const effort = scores.map((s) => 1 + (s % 7));
          expectAbsolute(cesSummary(effort, { weights }).interval.upper, cesSummary(effort).interval.upper, 1e-9);
        },
      ),
    );
  });

  it("effectiveN ≤ n, equal to n exactly when the weights are equal; design effect ≥ 1; estimates within their range", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0.01, max: 100, noNaN: true })), {
          minLength: 1,
          maxLength: 200,
        }),
        (rows) => {
          const scores = rows.map((r) => r[0]);
          const weights = rows.map((r) => r[1]);
          const s = npsSummary(scores, { weights });
          expect(s.effectiveN).toBeLessThanOrEqual(s.n);
          expect(s.designEffect).toBeGreaterThanOrEqual(1);
          const spread = Math.max(...weights) / Math.min(...weights);
          if (spread > 1 + 1e-6) expect(s.effectiveN).toBeLessThan(s.n);
          expect(Math.abs(s.estimate)).toBeLessThanOrEqual(100);
          expect(s.interval.lower).toBeGreaterThanOrEqual(-100);
          expect(s.interval.upper).toBeLessThanOrEqual(100);
          expect(Number.isFinite(s.standardError)).toBe(true);
          for (const method of ["wald", "score"] as const) {
            const m = npsSummary(scores, { weights, method });
            expect(m.interval.lower).toBeLessThanOrEqual(m.interval.upper);
          }
        },
      ),
    );
    const equal = npsSummary([1, 9, 10], { weights: [2, 2, 2] });
    expect(equal.effectiveN).toBe(3);
  });

  it("scaling every weight by c changes nothing (the weighted estimate is a ratio)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0.01, max: 100, noNaN: true })), {
          minLength: 2,
          maxLength: 100,
        }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (rows, c) => {
          const scores = rows.map((r) => r[0]);
          const w = rows.map((r) => r[1]);
          const a = cesSummary(scores, { weights: w });
          const b = cesSummary(scores, { weights: w.map((x) => x * c) });
          expectAbsolute(a.estimate, b.estimate, 1e-12);
          expectAbsolute(a.standardError, b.standardError, 1e-12);
          expectRelative(a.effectiveN, b.effectiveN, 1e-12);
        },
      ),
    );
  });
});

describe("weighted tallies", () => {
  it("merge exactly: summaries of a merged weighted tally of any split equal those of the raw data", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0.01, max: 100, noNaN: true })), {
          minLength: 2,
          maxLength: 200,
        }),
        fc.nat(),
        (rows, cut) => {
          const at = 1 + (cut % (rows.length - 1));
          const scores = rows.map((r) => r[0]);
          const weights = rows.map((r) => r[1]);
          const part = (from: number, to: number) => tally(scores.slice(from, to), { scale: [0, 10], weights: weights.slice(from, to) });
          const merged = mergeTallies(part(0, at), part(at, rows.length));
          const whole = tally(scores, { scale: [0, 10], weights });
          expect(merged.counts).toEqual(whole.counts);
          for (const method of ["adjusted-wald", "wald", "score"] as const) {
            const m = npsSummary(merged, { method });
            const r = npsSummary(scores, { weights, method });
            expectAbsolute(m.estimate, r.estimate, 1e-9);
            expectAbsolute(m.standardError, r.standardError, 1e-9);
            expectAbsolute(m.interval.lower, r.interval.lower, 1e-9);
            expectRelative(m.effectiveN, r.effectiveN, 1e-12);
          }
          // JSON round trip: a weighted tally is plain data
          expect(npsSummary(JSON.parse(JSON.stringify(merged))).estimate).toBe(npsSummary(merged).estimate);
        },
      ),
    );
  });

  it("hold count, Σw and Σw² per scale point, and drop zero weights and missing responses", () => {
    const t = tally([9, 9, "", 3, 5], { scale: [0, 10], weights: [2, 0.5, 7, 1, 0], missing: "skip" });
    expect(t.counts).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0]);
    expect(t.weights).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 2.5, 0]);
    expect(t.squaredWeights).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 4.25, 0]);
    expect(t.missing).toBe(1);
    expect(npsSummary(t).n).toBe(3);
    expect(nps(t)).toBeCloseTo((100 * (2.5 - 1)) / 3.5, 12);
  });

  it("refuse to merge with unweighted tallies, and inconsistent sums", () => {
    const w = tally([9], { scale: [0, 10], weights: [2] });
    const u = tally([9], { scale: [0, 10] });
    expect(() => mergeTallies(w, u)).toThrow(/^tallies\[1\] must be a weighted tally, as tallies\[0\] is/);
    expect(() => mergeTallies(u, w)).toThrow(/^tallies\[1\] must be an unweighted tally, as tallies\[0\] is/);
    expect(() => nps({ ...w, squaredWeights: undefined })).toThrow(/input.squaredWeights must be 11 sums/);
    expect(() => nps({ ...w, weights: w.weights!.map((x, k) => (k === 3 ? 1 : x)) })).toThrow(
      /input.weights\[3\] must be 0, as no response has this score; got 1/,
    );
    expect(() => nps({ ...w, weights: w.weights!.map(() => 0) })).toThrow(/input.weights\[9\] must be above 0, as its count is/);
    expect(() => nps({ ...w, weights: w.weights!.map((x) => -x) })).toThrow(/input.weights\[9\] must be a weight >= 0; got -2/);
  });
});

describe("weights: clear errors", () => {
  const cases: [() => unknown, RegExp, typeof MetricsInputError | typeof MetricsTypeError][] = [
    [() => nps([9, 3], { weights: [1, -1] }), /^options.weights\[1\] must be a weight, a finite number >= 0; got -1/, MetricsInputError],
    // A weight is read as a report reads a weight field: NaN and blanks are missing, numeric strings numbers.
    [
      () => nps([9, 3], { weights: [1, Number.NaN] }),
      /^options.weights\[1\] must be a weight, a finite number >= 0, not missing/,
      MetricsInputError,
    ],
    [
      () => nps([9, 3], { weights: [1, Infinity] }),
      /^options.weights\[1\] must be a weight, a finite number >= 0; got Infinity/,
      MetricsInputError,
    ],
    [
      () => nps([9, 3], { weights: [1, "heavy"] as never }),
      /^options.weights\[1\] must be a weight, a finite number >= 0; got "heavy"/,
      MetricsTypeError,
    ],
    [() => nps([9, 3], { weights: [1] }), /^options.weights must be one weight per response \(2 of them, not 1\)/, MetricsInputError],
    [() => nps([9, 3], { weights: [0, 0] }), /^options.weights must be weights that are not all 0/, MetricsInputError],
    [() => nps([9, 11], { weights: [1, 0] }), /^input\[1\] must be a whole number from 0 to 10; got 11/, MetricsInputError],
    [
      () => nps({ promoters: 3, passives: 1, detractors: 1 }, { weights: [1] }),
      /^options.weights must be left out with group counts/,
      MetricsTypeError,
    ],
    [
      () => csat({ counts: [1, 1, 1, 1, 1] }, { weights: [1] }),
      /^options.weights must be left out when responses is a tally or counts/,
      MetricsTypeError,
    ],
    [
      () => compareNps([9], [3], { weights: { a: [1] } as never }),
      /^options.weights must be \{ a, b \}: one array of weights per sample, both given/,
      MetricsTypeError,
    ],
    [() => compareNps([9], [3], { weights: [[1], [1]] as never }), /^options.weights must be \{ a, b \}/, MetricsTypeError],
    [
      () => compareCes([5, 6], [3, 4], { weights: { a: [1, 1], b: [1] } }),
      /^options.weights.b must be one weight per response \(2 of them, not 1\)/,
      MetricsInputError,
    ],
    [
      () => compareCsat([5, 4], [3, 2], { weights: { a: [1, 2], b: [1, 1] }, method: "fisher" }),
      /^options.method must be "newcombe" or "wald" with weights/,
      MetricsInputError,
    ],
    [
      () => compareNps(tally([9, 3], { scale: [0, 10], weights: [1, 2] }), [9, 3]),
      /^b must be a weighted sample, as a is/,
      MetricsTypeError,
    ],
  ];
  it.each(cases.map(([call, message, kind], i) => ({ call, message, kind, i })))("case $i: $message", ({ call, message, kind }) => {
    expect(call).toThrow(message);
    expect(call).toThrow(kind);
  });

  it("leave the inputs alone", () => {
    const scores = [10, 9, 3];
    const weights = [1, 2, 3];
    npsSummary(scores, { weights });
    tally(scores, { scale: [0, 10], weights });
    expect(scores).toEqual([10, 9, 3]);
    expect(weights).toEqual([1, 2, 3]);
  });
});

describe("a weight field in report metric specs", () => {
  const records = Array.from({ length: 300 }, (_, i) => ({
    region: ["north", "south", "east"][i % 3]!,
    month: `2026-0${1 + (i % 4)}-15`,
    ltr: (i * 7) % 11,
    sat: 1 + ((i * 3) % 5),
    arr: 1000 * (1 + ((i * 13) % 17)),
  }));

  it("weights each segment's summary as npsSummary and csatSummary with weights do, with weighted tallies that merge", () => {
    const report = segmentReport(records, {
      by: "region",
      metrics: { nps: { value: "ltr", weight: "arr" }, csat: { value: "sat", weight: "arr" } },
    });
    for (const s of report.segments) {
      const rows = records.filter((r) => r.region === s.key);
      const expected = npsSummary(
        rows.map((r) => r.ltr),
        { weights: rows.map((r) => r.arr) },
      );
      expect(s.nps!.estimate).toBeCloseTo(expected.estimate, 10);
      expect(s.nps!.interval.lower).toBeCloseTo(expected.interval.lower, 10);
      expect(s.nps!.effectiveN).toBeCloseTo(expected.effectiveN, 10);
      expect(s.csat!.estimate).toBeCloseTo(
        csatSummary(
          rows.map((r) => r.sat),
          { weights: rows.map((r) => r.arr) },
        ).estimate,
        12,
      );
      // The segment against the rest: the weighted comparison of the two samples
      const rest = records.filter((r) => r.region !== s.key);
      const vs = compareNps(
        rows.map((r) => r.ltr),
        rest.map((r) => r.ltr),
        { weights: { a: rows.map((r) => r.arr), b: rest.map((r) => r.arr) } },
      );
      expect(s.nps!.vsRest!.difference).toBeCloseTo(vs.difference, 9);
      expect(s.nps!.vsRest!.pValue).toBeCloseTo(vs.pValue, 9);
    }
    const merged = mergeTallies(...report.segments.map((s) => s.tallies.nps!));
    expect(npsSummary(merged).estimate).toBeCloseTo(report.total.nps!.estimate, 10);
    expect(npsSummary(merged).estimate).toBeCloseTo(
      nps(
        records.map((r) => r.ltr),
        { weights: records.map((r) => r.arr) },
      ),
      10,
    );
  });

  it("weights each period of a trend", () => {
    const t = trend(records, { time: "month", every: "month", timeZone: "UTC", metrics: { nps: { value: "ltr", weight: "arr" } } });
    const jan = records.filter((r) => r.month.startsWith("2026-01"));
    expect(t.periods[0]!.nps!.estimate).toBeCloseTo(
      nps(
        jan.map((r) => r.ltr),
        { weights: jan.map((r) => r.arr) },
      ),
      10,
    );
  });

  it("reads a missing or invalid weight as a value: an error naming it, or skipped and counted", () => {
    const bad = [...records.slice(0, 10), { ...records[10]!, arr: -5 }, { ...records[11]!, arr: null }];
    const spec = { by: "region", metrics: { nps: { value: "ltr", weight: "arr" } } } as const;
    expect(() => segmentReport(bad as never, spec)).toThrow(
      /^records\[10\].arr must be a weight, a finite number >= 0 \(or pass onInvalid: "skip"\); got -5/,
    );
    expect(() => segmentReport(bad.slice(0, 10).concat(bad[11]!) as never, spec)).toThrow(
      /^records\[10\].arr must be a weight, a finite number >= 0, not missing/,
    );
    const r = segmentReport(bad as never, { ...spec, onInvalid: "skip", missing: "skip" });
    expect(r.skipped.nps).toEqual({ missing: 1, invalid: 1, firstMissing: 11, firstInvalid: 10 });
    expect(() => segmentReport(records, { by: "region", metrics: { nps: { value: "ltr", weight: "ARR" } } } as never)).toThrow(
      /records\[0\] has no field "ARR" \(options.metrics.nps.weight\).*did you mean "arr"\?/,
    );
  });

  it("gives the unweighted estimates with weights all 1", () => {
    const ones = records.map((r) => ({ ...r, one: 1 }));
    const w = segmentReport(ones, { by: "region", metrics: { nps: { value: "ltr", weight: "one" } } });
    const u = segmentReport(ones, { by: "region", metrics: { nps: "ltr" } });
    for (const [i, s] of w.segments.entries()) {
      expect(s.nps!.estimate).toBeCloseTo(u.segments[i]!.nps!.estimate, 12);
      expect(s.nps!.interval.upper).toBeCloseTo(u.segments[i]!.nps!.interval.upper, 10);
    }
  });
});

describe("weighted comparisons and margins: the method chosen is the one used", () => {
  const z = 1.959963984540054; // R: qnorm(0.975)

  it("Wald's interval is the difference ± z·SE on the linearised SE, for NPS and CSAT", () => {
    const { a, b } = R.sets.compare;
    const weights = { a: a.w, b: b.w };
    for (const c of [compareNps(a.ltr, b.ltr, { weights, method: "wald" }), compareCsat(a.sat, b.sat, { weights, method: "wald" })]) {
      expectRelative(c.interval.lower, c.difference - z * c.standardError, 1e-12);
      expectRelative(c.interval.upper, c.difference + z * c.standardError, 1e-12);
    }
  });

  it("with equal weights, compareCsat's Newcombe interval is the unweighted one (Wilson on n_eff = n)", () => {
    const a = [5, 5, 4, 4, 3, 2, 1, 5, 4, 2];
    const b = [3, 2, 1, 1, 2, 5, 4, 1, 2, 3, 3, 1];
    const weights = { a: a.map(() => 2.5), b: b.map(() => 2.5) };
    const plain = compareCsat(a, b);
    const equal = compareCsat(a, b, { weights });
    expectAbsolute(equal.interval.lower, plain.interval.lower, 1e-12);
    expectAbsolute(equal.interval.upper, plain.interval.upper, 1e-12);
    expect(equal.difference).toBeCloseTo(plain.difference, 14);
    // the reversed comparison mirrors it
    const reversed = compareCsat(b, a, { weights: { a: weights.b, b: weights.a } });
    expectAbsolute(reversed.interval.lower, -equal.interval.upper, 1e-12);
  });

  it("a weighted CSAT margin is z·SE for Wald even where the interval is clipped at 1, and half the interval otherwise", () => {
    const sat = [5, 5, 5, 1];
    const weights = [1, 1, 1, 1];
    const wald = csatSummary(sat, { weights, method: "wald" });
    expect(wald.interval.upper).toBe(1);
    expectRelative(wald.marginOfError, z * wald.standardError, 1e-15);
    for (const method of PROPORTION_INTERVAL_METHODS.filter((m) => m !== "wald")) {
      const s = csatSummary(sat, { weights: [1, 2, 3, 4], method });
      expectRelative(s.marginOfError, (s.interval.upper - s.interval.lower) / 2, 1e-15);
    }
  });

  it("says why a weighted z test is undefined, and names a method that does not exist", () => {
    const weights = { a: [1, 1], b: [1, 2] };
    // No method would give a test here: the error names the samples, not options.method.
    expect(() => compareCsat([5, 5], [1, 1], { weights })).toThrow(
      /^a and b must be samples with some spread: both weighted shares are 0 or 1 and differ, so the z test is undefined; their difference is 1 with a standard error of 0$/,
    );
    expect(() => compareNps([10, 10], [0, 0], { weights })).toThrow(
      /^a and b must be samples with some spread: each weighted sample is all promoters, all passives or all detractors, and they differ, so the z test is undefined; their difference is 200 with a standard error of 0$/,
    );
    expect(() => compareNps([10, 10], [0, 0], { weights })).toThrow(
      expect.objectContaining({ code: "UNDEFINED_RESULT", argument: "a and b" }),
    );
    expect(() => compareNps([10], [0], { method: "exact" as never })).toThrow(
      /^options\.method must be one of "adjusted-wald", "wald"; got "exact"$/,
    );
  });
});

describe("weighted means and tallies at their edges", () => {
  it("the weighted mean of one score is that score, to the last bit (Σwy/Σw rounds an ulp away)", () => {
    // (0.97·3)/0.97 and (1.7·100 + 0.3·100)/2 round above 3 and 100 in doubles.
    expect(ces([3], { weights: [0.97] })).toBe(3);
    expect(nps([10, 9], { weights: [1.7, 0.3] })).toBe(100);
  });

  it("all missing with weights is no responses, not weights all 0; squared weights that overflow are named", () => {
    expectError(
      () => nps(["", ""], { missing: "skip", weights: [1, 1] }),
      MetricsInputError,
      "EMPTY_INPUT",
      "input",
      'input must be at least one response (all 2 values were missing); got ["", ""]',
    );
    // Σw² is taken relative to the largest weight, so a weight of 1e200 (whose square is no double) is a weight like 1.
    expect(nps([9], { weights: [1e200] })).toBe(100);
    expect(() => tally([9], { scale: [0, 10], weights: [1e200] })).toThrow(
      /^options\.weights must be a value for which the result fits in a double \(this one overflows\); got \[1e\+200\]$/,
    );
  });

  it("a tally's weights and squaredWeights go together, as arrays", () => {
    const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0];
    const sums = "must be 11 sums, one per scale point (weights and squaredWeights go together)";
    expect(() => nps({ scale: [0, 10], counts, squaredWeights: counts } as never)).toThrow(`input.weights ${sums}; got undefined`);
    expect(() => nps({ scale: [0, 10], counts, weights: null, squaredWeights: counts } as never)).toThrow(
      expect.objectContaining({ name: "MetricsTypeError", message: `input.weights ${sums}; got null` }),
    );
  });
});
