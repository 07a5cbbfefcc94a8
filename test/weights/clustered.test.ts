// Standard errors clustered by account (issue #35, item 5): npsSummary, csatSummary, cesSummary
// and the comparisons with `cluster`, and accountNps' three roll-ups, against R's survey package
// on a B2B export (test/fixtures/r/clustered.R) and against hand counts.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountAnswers } from "../../docs/examples/weights-data.ts";
import {
  accountNps,
  cesSummary,
  compareCes,
  compareCsat,
  compareNps,
  csatSummary,
  MetricsInputError,
  MetricsTypeError,
  npsSummary,
  segmentReport,
  trend,
} from "../../src/index.ts";

interface SvyMean {
  estimate: number;
  standardError: number;
  lower: number;
  upper: number;
}
interface SvyDifference {
  difference: number;
  standardError: number;
  degfA: number;
  degfB: number;
}
const R = JSON.parse(readFileSync(new URL("../fixtures/r/clustered.json", import.meta.url), "utf8")) as {
  data: { account: string; arr: number; ltr: number; sat: number; effort: number }[];
  clustered: { nps: SvyMean; csat: SvyMean; ces: SvyMean; degf: number };
  ignoringAccounts: { nps: SvyMean };
  respondentRollup: { nps: SvyMean };
  unweightedClustered: { nps: SvyMean };
  compare: { nps: SvyDifference; csat: SvyDifference; ces: SvyDifference };
};
const rows = R.data;
const ltr = rows.map((r) => r.ltr);
const arr = rows.map((r) => r.arr);
const account = rows.map((r) => r.account);

function close(actual: number, expected: number, digits = 10): void {
  expect(actual).toBeCloseTo(expected, digits);
}

describe("cluster: standard errors clustered by account, as R survey's svydesign(ids = ~account, weights = ~w)", () => {
  it("npsSummary: estimate, SE and Wald interval equal svymean's; the design's degrees of freedom are accounts - 1", () => {
    const s = npsSummary(ltr, { weights: arr, cluster: account, method: "wald" });
    close(s.estimate, R.clustered.nps.estimate);
    close(s.standardError, R.clustered.nps.standardError);
    close(s.interval.lower, R.clustered.nps.lower);
    close(s.interval.upper, R.clustered.nps.upper);
    expect(s).toMatchObject({ n: 575, clusters: 80, designDf: R.clustered.degf });
    // Ignoring the accounts halves the standard error on this export: the "95 %" interval is far too narrow.
    const flat = npsSummary(ltr, { weights: arr, method: "wald" });
    close(flat.standardError, R.ignoringAccounts.nps.standardError);
    expect(s.standardError / flat.standardError).toBeGreaterThan(1.9);
    // Unweighted answers clustered by account.
    close(npsSummary(ltr, { cluster: account, method: "wald" }).standardError, R.unweightedClustered.nps.standardError);
  });

  it("the design's effective n makes every interval method account for the clusters", () => {
    const wald = npsSummary(ltr, { weights: arr, cluster: account, method: "wald" });
    // effectiveN is the n whose simple-random-sample variance is the clustered one.
    close((wald.standardError * wald.standardError * wald.effectiveN) / 1e4, wald.variance / 1e4);
    const s = npsSummary(ltr, { weights: arr, cluster: account });
    expect(s.effectiveN).toBe(wald.effectiveN);
    expect(s.designEffect).toBeCloseTo(575 / s.effectiveN, 12);
    expect(s.method).toBe("adjusted-wald");
    const plain = npsSummary(ltr, { weights: arr });
    expect(s.interval.upper - s.interval.lower).toBeGreaterThan(1.9 * (plain.interval.upper - plain.interval.lower));
  });

  it("csatSummary and cesSummary (t interval on accounts - 1 degrees of freedom) equal svymean's", () => {
    const c = csatSummary(
      rows.map((r) => r.sat),
      { weights: arr, cluster: account, method: "wald" },
    );
    close(c.estimate, R.clustered.csat.estimate);
    close(c.standardError, R.clustered.csat.standardError);
    close(c.interval.lower, R.clustered.csat.lower);
    close(c.interval.upper, R.clustered.csat.upper);
    expect(c).toMatchObject({ clusters: 80, designDf: 79 });
    const e = cesSummary(
      rows.map((r) => r.effort),
      { weights: arr, cluster: account },
    );
    close(e.estimate, R.clustered.ces.estimate);
    close(e.standardError, R.clustered.ces.standardError);
    close(e.interval.lower, R.clustered.ces.lower);
    close(e.interval.upper, R.clustered.ces.upper);
    expect(e).toMatchObject({ clusters: 80, designDf: 79 });
  });

  it("compareNps, compareCsat and compareCes with cluster { a, b }: SE = sqrt(SEa² + SEb²) of the clustered svymeans", () => {
    const half = (r: (typeof rows)[number]) => Number(r.account.slice(5)) <= 40;
    const A = rows.filter(half);
    const B = rows.filter((r) => !half(r));
    const options = {
      weights: { a: A.map((r) => r.arr), b: B.map((r) => r.arr) },
      cluster: { a: A.map((r) => r.account), b: B.map((r) => r.account) },
    };
    const n = compareNps(
      A.map((r) => r.ltr),
      B.map((r) => r.ltr),
      { ...options, method: "wald" },
    );
    close(n.difference, R.compare.nps.difference);
    close(n.standardError, R.compare.nps.standardError);
    const c = compareCsat(
      A.map((r) => r.sat),
      B.map((r) => r.sat),
      { ...options, method: "wald" },
    );
    close(c.difference, R.compare.csat.difference);
    close(c.standardError, R.compare.csat.standardError);
    const e = compareCes(
      A.map((r) => r.effort),
      B.map((r) => r.effort),
      options,
    );
    close(e.difference, R.compare.ces.difference);
    close(e.standardError, R.compare.ces.standardError);
    // Welch's degrees of freedom count accounts: never more than the two designs' together.
    expect(e.df).toBeLessThanOrEqual(R.compare.ces.degfA + R.compare.ces.degfB);
  });

  it("one answer per cluster is the weighted design without clusters (an identity)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.integer({ min: 0, max: 10 }), w: fc.double({ min: 0.1, max: 100, noNaN: true }) }), {
          minLength: 3,
          maxLength: 60,
        }),
        (xs) => {
          const scores = xs.map((x) => x.s);
          const weights = xs.map((x) => x.w);
          const own = xs.map((_, i) => `id${i}`);
          const a = npsSummary(scores, { weights, cluster: own, method: "wald" });
          const b = npsSummary(scores, { weights, method: "wald" });
          expect(a.standardError).toBeCloseTo(b.standardError, 9);
          expect(a.estimate).toBeCloseTo(b.estimate, 9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("does not depend on the answers' order or on the accounts' names", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        let a = seed;
        const next = () => {
          a = (a * 1103515245 + 12345) % 2147483648;
          return a / 2147483648;
        };
        const order = rows.map((_, i) => [next(), i] as const).sort((x, y) => x[0] - y[0]);
        const shuffled = order.map(([, i]) => rows[i]!);
        const s = npsSummary(
          shuffled.map((r) => r.ltr),
          { weights: shuffled.map((r) => r.arr), cluster: shuffled.map((r) => `x${r.account}`), method: "wald" },
        );
        expect(s.standardError).toBeCloseTo(R.clustered.nps.standardError, 9);
      }),
      { numRuns: 20 },
    );
  });

  it("refuses cluster ids of another length, a missing id, counts or tallies, and a single cluster", () => {
    expect(() => npsSummary(ltr, { cluster: account.slice(1) })).toThrow(
      /^options\.cluster must be one cluster id per response \(575 of them, not 574\)/,
    );
    const holes = [...account];
    holes[7] = " ";
    expect(() => npsSummary(ltr, { cluster: holes })).toThrow(/^options\.cluster\[7\] must be a cluster id/);
    expect(() => npsSummary({ promoters: 3, passives: 1, detractors: 1 }, { cluster: ["a", "b", "c", "d", "e"] })).toThrow(
      MetricsTypeError,
    );
    expect(() => npsSummary([9, 10, 3], { cluster: ["a", "a", "a"] })).toThrow(
      /^options\.cluster must be responses from at least 2 clusters/,
    );
    expect(() => compareNps([9], [3], { cluster: { a: ["x"] } } as never)).toThrow(/^options\.cluster must be \{ a, b \}/);
    expect(() => csatSummary([5, 4], { cluster: ["a"] })).toThrow(MetricsInputError);
  });
});

describe("reports with { value, weight, cluster }: clustered per segment, period and window", () => {
  // The B2B export with a region per account and a month per answer (both seeded from the row).
  const regions = ["EMEA", "APAC", "NA"];
  const records = rows.map((r, i) => ({
    ...r,
    region: regions[Number(r.account.slice(5)) % 3]!,
    at: `2026-0${1 + ((i * 7) % 6)}-1${i % 9}`,
  }));
  const spec = { nps: { value: "ltr", weight: "arr", cluster: "account", method: "wald" } } as const;
  const direct = (rs: typeof records) =>
    npsSummary(
      rs.map((r) => r.ltr),
      { weights: rs.map((r) => r.arr), cluster: rs.map((r) => r.account), method: "wald" },
    );

  it("segmentReport: every segment's summary is npsSummary with cluster on its answers; the total too", () => {
    const report = segmentReport(records, { by: "region", metrics: spec });
    for (const s of report.segments) {
      const mine = records.filter((r) => r.region === s.key);
      const expected = direct(mine);
      expect(s.nps!.standardError).toBeCloseTo(expected.standardError, 9);
      expect(s.nps!.estimate).toBeCloseTo(expected.estimate, 9);
      expect(s.nps).toMatchObject({ clusters: expected.clusters, designDf: expected.designDf });
    }
    close(report.total.nps!.standardError, R.clustered.nps.standardError, 9);
    // Regions hold whole accounts: each segment against the rest is two independent samples of accounts.
    const emea = report.segments.find((s) => s.key === "EMEA")!;
    const inside = records.filter((r) => r.region === "EMEA");
    const rest = records.filter((r) => r.region !== "EMEA");
    const vs = compareNps(
      inside.map((r) => r.ltr),
      rest.map((r) => r.ltr),
      {
        weights: { a: inside.map((r) => r.arr), b: rest.map((r) => r.arr) },
        cluster: { a: inside.map((r) => r.account), b: rest.map((r) => r.account) },
      },
    );
    expect(emea.nps!.vsRest!.standardError).toBeCloseTo(vs.standardError, 9);
    expect(emea.nps!.vsRest!.pValue).toBeCloseTo(vs.pValue, 9);
  });

  it("trend: each window's summary is npsSummary with cluster on the window's answers; smoothing is cluster with decayed weights", () => {
    const t = trend(records, { time: "at", every: "month", window: { periods: 2 }, by: "region", metrics: spec });
    const month = (r: (typeof records)[number]) => Number(r.at.slice(5, 7));
    t.periods.forEach((p, i) => {
      const inside = records.filter((r) => month(r) === i + 1 || month(r) === i);
      const expected = direct(inside);
      // The same sums in another order: equal to the last few ulps.
      for (const key of ["estimate", "standardError", "effectiveN"] as const) expect(p.nps![key]).toBeCloseTo(expected[key], 9);
      expect(p.nps!.interval.lower).toBeCloseTo(expected.interval.lower, 9);
      expect(p.nps).toMatchObject({ n: expected.n, clusters: expected.clusters, designDf: expected.designDf });
    });
    const s = trend(records, { time: "at", every: "month", smoothing: { halfLife: 2 }, metrics: spec });
    s.periods.forEach((p, i) => {
      const past = records.filter((r) => month(r) <= i + 1);
      const expected = npsSummary(
        past.map((r) => r.ltr),
        { weights: past.map((r) => r.arr * 0.5 ** ((i + 1 - month(r)) / 2)), cluster: past.map((r) => r.account), method: "wald" },
      );
      expect(p.nps!.standardError).toBeCloseTo(expected.standardError, 9);
      expect(p.nps!.estimate).toBeCloseTo(expected.estimate, 9);
    });
  });

  it("a segment of one account: the whole scale as its interval, and no test", () => {
    const one = [...records.filter((r) => r.account === "acct-01").map((r) => ({ ...r, region: "solo" })), ...records];
    const report = segmentReport(one, { by: "region", metrics: spec });
    const solo = report.segments.find((s) => s.key === "solo")!;
    expect(solo.nps).toMatchObject({ clusters: 1, designDf: 0, standardError: 0, interval: { lower: -100, upper: 100 }, vsRest: null });
  });

  it('refuses a missing account id by default, and skips it with missing: "skip"', () => {
    const holes = records.map((r, i) => (i === 5 ? { ...r, account: "" } : r));
    expect(() => segmentReport(holes, { by: "region", metrics: spec })).toThrow(/^records\[5\]\.account/);
    const skipped = segmentReport(holes, { by: "region", missing: "skip", metrics: spec });
    expect(skipped.skipped.nps).toMatchObject({ missing: 1, firstMissing: 5 });
    expect(() => segmentReport(records, { by: "region", metrics: { nps: { value: "ltr", cluster: "acount" } } } as never)).toThrow(
      /has no field "acount" \(options\.metrics\.nps\.cluster\).*did you mean "account"/,
    );
  });
});

describe("accountNps: the roll-up from answers to accounts, named", () => {
  // A, weight 100: 10, 10, 10, then 2 (latest); B, weight 50: 6 then 9; C, weight 30: 5.
  const answers = accountAnswers;
  const base = { account: "account", score: "ltr", weight: "arr" } as const;

  it("gives three answers, of different signs, on one example (hand counts)", () => {
    // Respondent: A's four answers weigh 25 each (+50 of 100), B's two 25 each (0), C's one 30 (-100).
    const respondent = accountNps(answers, { ...base, rollup: "respondent" });
    expect(respondent.estimate).toBeCloseTo((100 * 50 + 50 * 0 - 30 * 100) / 180, 12);
    // Mean score: A 8 and B 7.5 are passive, C 5 a detractor.
    const mean = accountNps(answers, { ...base, rollup: "account-mean-score" });
    expect(mean.estimate).toBeCloseTo((-30 * 100) / 180, 12);
    // Latest: A's 2 and C's 5 are detractors, B's 9 a promoter.
    const latest = accountNps(answers, { ...base, rollup: "latest", time: "at" });
    expect(latest.estimate).toBeCloseTo((50 * 100 - 130 * 100) / 180, 12);
    expect([respondent, mean, latest].map((r) => [r.rollup, r.accounts, r.n])).toEqual([
      ["respondent", 3, 7],
      ["account-mean-score", 3, 3],
      ["latest", 3, 3],
    ]);
    expect(Math.sign(respondent.estimate)).toBe(1);
    expect(Math.sign(latest.estimate)).toBe(-1);
  });

  it('"respondent" equals R survey with weights ARR / answers of the account, clustered by account', () => {
    const s = accountNps(rows, { ...base, score: "ltr", rollup: "respondent", method: "wald" });
    close(s.estimate, R.respondentRollup.nps.estimate);
    close(s.standardError, R.respondentRollup.nps.standardError);
    expect(s.designDf).toBe(79);
  });

  it('"account-mean-score" is npsSummary over accounts classified by their mean score (brute force)', () => {
    const byAccount = new Map<string, { scores: number[]; arr: number }>();
    for (const r of rows) {
      const seen = byAccount.get(r.account) ?? { scores: [], arr: r.arr };
      seen.scores.push(r.ltr);
      byAccount.set(r.account, seen);
    }
    let promoters = 0;
    let detractors = 0;
    let total = 0;
    for (const { scores, arr: w } of byAccount.values()) {
      const m = scores.reduce((a, b) => a + b, 0) / scores.length;
      total += w;
      if (m >= 9) promoters += w;
      else if (m < 7) detractors += w;
    }
    const s = accountNps(rows, { ...base, rollup: "account-mean-score" });
    close(s.estimate, (100 * (promoters - detractors)) / total);
    expect(s.n).toBe(80);
  });

  it("refuses a missing roll-up, a latest without time, a time elsewhere, and weights that differ within an account", () => {
    expect(() => accountNps(answers, base as never)).toThrow(
      /^options\.rollup must be one of "respondent", "account-mean-score", "latest"/,
    );
    expect(() => accountNps(answers, { ...base, rollup: "latest" })).toThrow(/^options\.time .*needs each answer's time/);
    expect(() => accountNps(answers, { ...base, rollup: "respondent", time: "at" })).toThrow(/^options\.time must be no time/);
    const mixed = answers.map((a, i) => (i === 1 ? { ...a, arr: 90 } : a));
    expect(() => accountNps(mixed, { ...base, rollup: "respondent" })).toThrow(/^records\[1\] weight must be the weight of account "A"/);
    expect(() => accountNps(answers, { ...base, rollup: "respondent", seats: 1 } as never)).toThrow(MetricsTypeError);
  });
});
