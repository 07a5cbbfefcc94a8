// trend by segment, over windows, smoothed and one response per respondent (issue #35, items
// 1-4): every figure against a brute-force re-count of the records with the summary functions,
// and the smoothed standard errors against R's survey package.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareNps,
  csatSummary,
  holmAdjust,
  MetricsInputError,
  MetricsTypeError,
  mergeTallies,
  npsSummary,
  segmentReport,
  tally,
  trend,
} from "../../src/index.ts";
import { rng } from "./records.ts";

interface Row {
  at: string;
  region: string;
  who: string;
  ltr: number;
  sat: number;
}

const DAY = 86_400_000;

interface SvyMean {
  estimate: number;
  standardError: number;
  lower: number;
  upper: number;
}
/** R survey's figures for the smoothed trend: test/fixtures/r/smoothing.R. */
const smoothing = JSON.parse(readFileSync(new URL("../fixtures/r/smoothing.json", import.meta.url), "utf8")) as {
  halfLife: number;
  data: { month: number; ltr: number; sat: number; effort: number }[];
  periods: { month: number; n: number; effectiveN: number; nps: SvyMean; csat: SvyMean; ces: SvyMean }[];
};

/** 600 responses from 2026-01-01 to 2026-06-30 by 40 respondents in 3 regions, seeded. */
function rows(seed = 35, n = 600): Row[] {
  const next = rng(seed);
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: n }, () => {
    const t = start + Math.floor(next() * 181) * DAY + Math.floor(next() * 86_400) * 1000;
    return {
      at: new Date(t).toISOString(),
      region: ["EMEA", "APAC", "NA"][Math.floor(next() * 3)]!,
      who: `c${Math.floor(next() * 40)}`,
      ltr: Math.min(10, Math.floor(next() * 12)),
      sat: 1 + Math.floor(next() * 5),
    };
  });
}

const month = (r: Row) => r.at.slice(0, 7);
const dayOf = (r: Row) => Math.floor(Date.parse(r.at) / DAY);
const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];

/** A report entry's summary without its comparison, to compare with a summary function's. */
function summaryOf<T extends object | null>(entry: T): object | null {
  if (entry === null) return null;
  const { change: _change, ...summary } = entry as Record<string, unknown>;
  return summary;
}

const npsOf = (rs: readonly Row[]) => (rs.length === 0 ? null : npsSummary(rs.map((r) => r.ltr)));

describe("trend by segment", () => {
  const data = rows();
  const t = trend(data, { time: "at", every: "month", by: "region", metrics: { nps: "ltr", csat: "sat" } });

  it("lists one trend per segment over the same periods, each period re-counted exactly", () => {
    expect(t.segments!.map((s) => s.key)).toEqual(["APAC", "EMEA", "NA"]);
    expect(t.periods.map((p) => p.period)).toEqual(MONTHS);
    for (const s of t.segments!) {
      const mine = data.filter((r) => r.region === s.key);
      expect(s.n).toBe(mine.length);
      expect(s.periods.map((p) => p.period)).toEqual(MONTHS);
      s.periods.forEach((p, i) => {
        const inside = mine.filter((r) => month(r) === MONTHS[i]);
        expect(p.n).toBe(inside.length);
        expect(summaryOf(p.nps)).toEqual(npsOf(inside));
        expect(summaryOf(p.csat)).toEqual(csatSummary(inside.map((r) => r.sat)));
        expect(p.tallies.nps.counts).toEqual(
          tally(
            inside.map((r) => r.ltr),
            { scale: [0, 10] },
          ).counts,
        );
        expect(p.window).toBeNull();
        expect(p.dropped).toBe(0);
      });
    }
    // Overall periods pool every segment, and carry their tallies too.
    t.periods.forEach((p, i) => {
      const inside = data.filter((r) => month(r) === MONTHS[i]);
      expect(summaryOf(p.nps)).toEqual(npsOf(inside));
      expect(mergeTallies(...t.segments!.map((s) => s.periods[i]!.tallies.nps)).counts).toEqual(p.tallies.nps.counts);
    });
  });

  it("tests each segment's change from its previous period, Holm-adjusted across the segments of the period", () => {
    for (let i = 1; i < MONTHS.length; i++) {
      const raw = t.segments!.map((s) => {
        const mine = data.filter((r) => r.region === s.key);
        const now = mine.filter((r) => month(r) === MONTHS[i]).map((r) => r.ltr);
        const before = mine.filter((r) => month(r) === MONTHS[i - 1]).map((r) => r.ltr);
        return compareNps(now, before);
      });
      const adjusted = holmAdjust(raw.map((c) => c.pValue));
      t.segments!.forEach((s, k) => {
        const change = s.periods[i]!.nps!.change!;
        expect(change).toEqual({
          ...raw[k],
          period: MONTHS[i - 1],
          tooFew: change.tooFew,
          adjustedPValue: adjusted[k],
          significant: adjusted[k]! < 0.05 && !change.tooFew,
        });
        expect(change.tooFew).toBe(Math.min(s.periods[i]!.n, s.periods[i - 1]!.n) < 30);
      });
      // The overall change is one test: not adjusted.
      expect(t.periods[i]!.nps!.change).not.toHaveProperty("adjustedPValue");
    }
  });

  it("skips a record whose segment key is missing from overall and per segment alike, naming by", () => {
    const holes = [...data.slice(0, 50), { ...data[50]!, region: " " }];
    expect(() => trend(holes, { time: "at", every: "month", by: "region", metrics: { nps: "ltr" } })).toThrow(/records\[50\] segment key/);
    const skipped = trend(holes, { time: "at", every: "month", by: "region", missing: "skip", metrics: { nps: "ltr" } });
    expect(skipped.skipped.records).toMatchObject({ missing: 1, firstMissing: 50 });
    expect(skipped.periods.reduce((a, p) => a + p.n, 0)).toBe(50);
    // "NA" is North America, a segment, never a missing key.
    expect(skipped.segments!.map((s) => s.key)).toContain("NA");
    expect(() => trend(data, { time: "at", every: "month", by: "regoin", metrics: { nps: "ltr" } } as never)).toThrow(
      /has no field "regoin" \(options\.by\).*did you mean "region"/,
    );
  });
});

describe("windows: the pooled rolling metric", () => {
  const data = rows(7);

  it("{ periods: 3 } pools each month with the two before, and compares with the previous window that does not overlap", () => {
    const t = trend(data, { time: "at", every: "month", window: { periods: 3 }, metrics: { nps: "ltr" } });
    t.periods.forEach((p, i) => {
      const inWindow = data.filter((r) => MONTHS.indexOf(month(r)) <= i && MONTHS.indexOf(month(r)) > i - 3);
      expect(p.n).toBe(inWindow.length);
      expect(summaryOf(p.nps)).toEqual(npsOf(inWindow));
      expect(p.window).toMatchObject({ last: MONTHS[i], complete: i >= 2 });
      const before = data.filter((r) => MONTHS.indexOf(month(r)) <= i - 3 && MONTHS.indexOf(month(r)) > i - 6);
      if (i < 3) {
        expect(p.nps!.change).toBeNull();
      } else {
        expect(p.nps!.change).toMatchObject({
          ...compareNps(
            inWindow.map((r) => r.ltr),
            before.map((r) => r.ltr),
          ),
          period: MONTHS[i - 3],
        });
        expect(p.nps!.change!.window).toMatchObject({ last: MONTHS[i - 3], complete: i >= 5 });
      }
    });
    expect(t.periods[3]!.window).toEqual({ start: "2026-02-01", end: "2026-04-30", first: "2026-02", last: "2026-04", complete: true });
    expect(t.window).toEqual({ periods: 3 });
  });

  it("{ days: 30 } by week: the 30 days ending with each week's Sunday, re-counted by day", () => {
    const t = trend(data, { time: "at", every: "week", window: { days: 30 }, by: "region", metrics: { nps: "ltr" } });
    for (const p of t.periods) {
      const end = Date.parse(p.start) / DAY + 6;
      const inside = data.filter((r) => dayOf(r) <= end && dayOf(r) > end - 30);
      expect(summaryOf(p.nps)).toEqual(npsOf(inside));
      expect(p.window!.end).toBe(new Date(end * DAY).toISOString().slice(0, 10));
      expect(p.window!.start).toBe(new Date((end - 29) * DAY).toISOString().slice(0, 10));
      if (p.nps?.change) {
        const before = data.filter((r) => dayOf(r) <= end - 30 && dayOf(r) > end - 60).map((r) => r.ltr);
        expect(p.nps.change).toMatchObject(
          compareNps(
            inside.map((r) => r.ltr),
            before,
          ),
        );
        expect(p.nps.change.window!.end).toBe(new Date((end - 30) * DAY).toISOString().slice(0, 10));
      }
      for (const s of t.segments!) {
        const seg = s.periods.find((q) => q.period === p.period)!;
        expect(summaryOf(seg.nps)).toEqual(npsOf(inside.filter((r) => r.region === s.key)));
      }
    }
  });

  it("a window's tallies are the merged tallies of its periods", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 1000 }), (k, seed) => {
        const d = rows(seed, 120);
        const plain = trend(d, { time: "at", every: "month", metrics: { nps: "ltr" } });
        const w = trend(d, { time: "at", every: "month", window: { periods: Math.min(k, plain.periods.length) }, metrics: { nps: "ltr" } });
        const size = w.window!.periods!;
        w.periods.forEach((p, i) => {
          const parts = plain.periods.slice(Math.max(0, i - size + 1), i + 1).map((q) => q.tallies.nps);
          expect(p.tallies.nps.counts).toEqual(mergeTallies(...parts).counts);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("does not depend on the records' order: a trend by segment over windows, smoothed, or one vote per respondent", () => {
    const data = rows(21, 150).map((r, i) => ({ ...r, at: new Date(Date.parse(r.at) + i).toISOString() })); // no tied times
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: data.length, maxLength: data.length }), (keys) => {
        const order = data
          .map((r, i) => [keys[i]!, r] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, r]) => r);
        for (const shape of [{ window: { periods: 2 } }, { window: { days: 40 } }, { smoothing: { halfLife: 1.5 } }] as const) {
          const options = { time: "at", every: "month", by: "region", metrics: { nps: "ltr" }, ...shape } as const;
          const { skipped: _a, ...a } = trend(data, options);
          const { skipped: _b, ...b } = trend(order, options);
          expect(b).toEqual(a);
        }
        const dedupe = {
          time: "at",
          every: "month",
          by: "region",
          dedupe: { by: "who", keep: "latest" },
          metrics: { nps: "ltr" },
        } as const;
        expect(trend(order, dedupe).segments).toEqual(trend(data, dedupe).segments);
      }),
      { numRuns: 25 },
    );
  });

  it("refuses a window longer than the data, a window with smoothing, and a window without a time", () => {
    const d = rows(3, 50).filter((r) => month(r) <= "2026-02");
    expect(() => trend(d, { time: "at", every: "month", window: { periods: 3 }, metrics: { nps: "ltr" } })).toThrow(
      /^options\.window\.periods must be at most 2, the month periods the records span \(2026-01 to 2026-02\)/,
    );
    expect(() => trend(d, { time: "at", every: "month", window: { days: 60 }, metrics: { nps: "ltr" } })).toThrow(
      /^options\.window\.days must be at most 59/,
    );
    expect(() => trend(d, { time: "at", every: "month", window: { periods: 0 }, metrics: { nps: "ltr" } })).toThrow(MetricsInputError);
    expect(() => trend(d, { time: "at", every: "month", window: { weeks: 2 }, metrics: { nps: "ltr" } } as never)).toThrow(
      /options\.window/,
    );
    expect(() => trend(d, { time: "at", every: "month", window: { periods: 1, days: 3 }, metrics: { nps: "ltr" } } as never)).toThrow(
      /options\.window must be \{ periods: k \} or \{ days: d \}/,
    );
    expect(() =>
      trend(d, { time: "at", every: "month", window: { periods: 1 }, smoothing: { halfLife: 2 }, metrics: { nps: "ltr" } }),
    ).toThrow(/^options\.smoothing/);
    expect(() => segmentReport(d, { by: "region", window: { periods: 2 }, metrics: { nps: "ltr" } } as never)).toThrow(
      /^options\.window needs a time: use trend/,
    );
    expect(() => segmentReport(d, { by: "region", smoothing: { halfLife: 2 }, metrics: { nps: "ltr" } } as never)).toThrow(
      /^options\.smoothing needs a time: use trend/,
    );
  });
});

describe("smoothing: each response weighs 0.5^(age / halfLife)", () => {
  const records = smoothing.data.map((r) => ({ at: `2026-0${r.month + 1}-15`, ltr: r.ltr, sat: r.sat, effort: r.effort }));
  const t = trend(records, {
    time: "at",
    every: "month",
    smoothing: { halfLife: smoothing.halfLife },
    metrics: { nps: { value: "ltr", method: "wald" }, csat: { value: "sat", method: "wald" }, ces: "effort" },
  });

  it("equals R survey's svymean with those weights, estimate, linearised SE and interval (test/fixtures/r/smoothing.R)", () => {
    expect(t.periods.map((p) => p.period)).toEqual(MONTHS);
    smoothing.periods.forEach((r, i) => {
      const p = t.periods[i]!;
      // NPS in points (R's variable is 100 × promoter − 100 × detractor), CSAT a share, CES a mean.
      for (const [name, low, high] of [
        ["nps", -100, 100],
        ["csat", 0, 1],
        ["ces", 1, 7],
      ] as const) {
        const mine = p[name]!;
        const ref = r[name];
        expect(mine.estimate).toBeCloseTo(ref.estimate, 10);
        expect(mine.standardError).toBeCloseTo(ref.standardError, 10);
        expect(mine.interval.lower).toBeCloseTo(Math.max(low, ref.lower), 10);
        expect(mine.interval.upper).toBeCloseTo(Math.min(high, ref.upper), 10);
        expect(mine.effectiveN).toBeCloseTo(r.effectiveN, 10);
        expect(mine.n).toBe(r.n);
        expect(mine.change).toBeNull();
      }
    });
    // April has no responses: its smoothed figures are March's (one common factor on every weight).
    expect(t.periods[3]!.n).toBe(0);
    expect(summaryOf(t.periods[3]!.nps)).toEqual(summaryOf(t.periods[2]!.nps));
    expect(t.smoothing).toEqual({ halfLife: 1.5 });
  });

  it("a half-life must be a number > 0", () => {
    for (const halfLife of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => trend(records, { time: "at", every: "month", smoothing: { halfLife }, metrics: { nps: "ltr" } })).toThrow(
        /^options\.smoothing\.halfLife must be/,
      );
    }
    expect(() => trend(records, { time: "at", every: "month", smoothing: { halflife: 2 }, metrics: { nps: "ltr" } } as never)).toThrow(
      /options\.smoothing.*halfLife/,
    );
  });

  it("weighs old responses down to nothing without losing the recent ones (2,000 daily periods, half-life 1 day)", () => {
    const old = [{ at: "2020-01-01", ltr: 3 }, ...Array.from({ length: 3 }, (_, i) => ({ at: `2025-06-0${i + 1}`, ltr: 9 + (i % 2) }))];
    const s = trend(old, { time: "at", every: "day", smoothing: { halfLife: 1 }, metrics: { nps: "ltr" } });
    const lastDay = s.periods.at(-1)!;
    // The 2020 detractor weighs 0.5^1980 (0 in a double): it drops out, with its count.
    expect(lastDay.nps).toMatchObject({ estimate: 100, n: 3 });
    expect(s.periods.length).toBe((Date.UTC(2025, 5, 3) - Date.UTC(2020, 0, 1)) / DAY + 1);
  });
});

describe("dedupe: one respondent, one vote", () => {
  const data = rows(11, 400);

  /** Each respondent's latest (or first) response among rs, by time, then by input order. */
  function oncePer(rs: readonly Row[], keep: "latest" | "first"): Row[] {
    const chosen = new Map<string, Row>();
    for (const r of rs) {
      const seen = chosen.get(r.who);
      const later = seen === undefined || Date.parse(r.at) >= Date.parse(seen.at);
      if (seen === undefined || (keep === "latest" ? later : Date.parse(r.at) < Date.parse(seen.at))) chosen.set(r.who, r);
    }
    return [...chosen.values()];
  }

  for (const keep of ["latest", "first"] as const) {
    it(`keep: "${keep}" counts one response per respondent in each period and each window, per segment, and says how many it dropped`, () => {
      const plain = trend(data, { time: "at", every: "month", by: "region", dedupe: { by: "who", keep }, metrics: { nps: "ltr" } });
      const windowed = trend(data, {
        time: "at",
        every: "month",
        window: { periods: 2 },
        dedupe: { by: "who", keep },
        metrics: { nps: "ltr" },
      });
      let dropped = 0;
      MONTHS.forEach((m, i) => {
        const inside = data.filter((r) => month(r) === m);
        const once = oncePer(inside, keep);
        expect(plain.periods[i]!.n).toBe(once.length);
        expect(plain.periods[i]!.dropped).toBe(inside.length - once.length);
        dropped += inside.length - once.length;
        expect(summaryOf(plain.periods[i]!.nps)).toEqual(npsOf(once));
        for (const s of plain.segments!) {
          const mine = oncePer(
            inside.filter((r) => r.region === s.key),
            keep,
          );
          expect(summaryOf(s.periods[i]!.nps)).toEqual(npsOf(mine));
        }
        const win = data.filter((r) => MONTHS.indexOf(month(r)) <= i && MONTHS.indexOf(month(r)) >= i - 1);
        expect(summaryOf(windowed.periods[i]!.nps)).toEqual(npsOf(oncePer(win, keep)));
      });
      expect(plain.dedupe).toEqual({ by: "who", keep, dropped });
    });
  }

  it("in segmentReport: one response per respondent in each segment, by dedupe.time or by the records' order", () => {
    for (const keep of ["latest", "first"] as const) {
      const r = segmentReport(data, { by: "region", dedupe: { by: "who", keep, time: "at" }, metrics: { nps: "ltr" } });
      let dropped = 0;
      for (const s of r.segments) {
        const mine = data.filter((x) => x.region === s.key);
        const once = oncePer(mine, keep);
        expect(s.n).toBe(once.length);
        expect(s.dropped).toBe(mine.length - once.length);
        dropped += s.dropped;
        const { vsRest: _vs, ...summary } = s.nps!;
        expect(summary).toEqual(npsOf(once));
      }
      expect(r.dedupe).toEqual({ by: "who", keep, dropped });
      expect(r.total.n).toBe(r.segments.reduce((a, s) => a + s.n, 0));
    }
    // Without a time, the records' order: the last record of a respondent is the latest.
    const ordered = [
      { region: "EMEA", who: 1, ltr: 10 },
      { region: "EMEA", who: 1, ltr: 0 },
      { region: "EMEA", who: 2, ltr: 9 },
    ];
    const latest = segmentReport(ordered, { by: "region", dedupe: { by: "who", keep: "latest" }, metrics: { nps: "ltr" } });
    expect(latest.segments[0]).toMatchObject({ n: 2, dropped: 1, nps: { estimate: 0 } });
    const first = segmentReport(ordered, { by: "region", dedupe: { by: "who", keep: "first" }, metrics: { nps: "ltr" } });
    expect(first.segments[0]).toMatchObject({ n: 2, dropped: 1, nps: { estimate: 100 } });
    expect(segmentReport(ordered, { by: "region", metrics: { nps: "ltr" } })).toMatchObject({ dedupe: null, segments: [{ dropped: 0 }] });
    expect(() =>
      segmentReport(ordered, { by: "region", dedupe: { by: "who", keep: "latest", time: "at" }, metrics: { nps: "ltr" } } as never),
    ).toThrow(/has no field "at" \(options\.dedupe\.time\)/);
  });

  it("ties in time keep the later record for latest and the earlier for first", () => {
    const tied = [
      { at: "2026-01-05", who: "a", ltr: 0 },
      { at: "2026-01-05", who: "a", ltr: 10 },
      { at: "2026-01-09", who: "b", ltr: 10 },
    ];
    const latest = trend(tied, { time: "at", every: "month", dedupe: { by: "who", keep: "latest" }, metrics: { nps: "ltr" } });
    const first = trend(tied, { time: "at", every: "month", dedupe: { by: "who", keep: "first" }, metrics: { nps: "ltr" } });
    expect(latest.periods[0]!.nps!.estimate).toBe(100);
    expect(first.periods[0]!.nps!.estimate).toBe(0);
  });

  it("refuses a dedupe without a respondent field, or a record without an id, naming dedupe.by", () => {
    expect(() =>
      trend(data, { time: "at", every: "month", dedupe: { by: "whom", keep: "latest" }, metrics: { nps: "ltr" } } as never),
    ).toThrow(/has no field "whom" \(options\.dedupe\.by\).*did you mean "who"/);
    expect(() => trend(data, { time: "at", every: "month", dedupe: { by: "who" }, metrics: { nps: "ltr" } } as never)).toThrow(
      /^options\.dedupe\.keep must be one of "latest", "first"/,
    );
    expect(() =>
      trend(data, { time: "at", every: "month", dedupe: { by: "who", keep: "latest", order: 1 }, metrics: { nps: "ltr" } } as never),
    ).toThrow(MetricsTypeError);
    const blank = [...data.slice(0, 9), { ...data[9]!, who: "" }];
    expect(() => trend(blank, { time: "at", every: "month", dedupe: { by: "who", keep: "latest" }, metrics: { nps: "ltr" } })).toThrow(
      /^records\[9\] respondent id/,
    );
  });
});
