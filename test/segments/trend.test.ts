import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNps, compareProportions, MetricsInputError, MetricsTypeError, npsSummary, trend } from "../../src/index.ts";

describe("trend", () => {
  const records = [
    { at: "2026-01-05", ltr: 9 },
    { at: "2026-01-20", ltr: 6 },
    { at: "2026-02-03", ltr: 10 },
    { at: "2026-02-17", ltr: 9 },
    { at: new Date("2026-04-01T10:00:00Z"), ltr: 8 },
  ];

  it("groups by calendar month in order, with the change from the previous period", () => {
    const t = trend(records, { time: "at", every: "month", metrics: { nps: "ltr" } });
    expect(t.periods.map((p) => [p.period, p.start, p.n, p.nps?.estimate ?? null])).toEqual([
      ["2026-01", "2026-01-01", 2, 0],
      ["2026-02", "2026-02-01", 2, 100],
      ["2026-03", "2026-03-01", 0, null],
      ["2026-04", "2026-04-01", 1, 0],
    ]);
    expect(t.periods[0]!.nps!.change).toBeNull();
    expect(t.periods[2]!.nps).toBeNull();
    // Each change names the period it compares with: April against February, across empty March.
    expect(t.periods[1]!.nps!.change).toEqual({ ...compareNps([10, 9], [9, 6]), tooFew: true, significant: false, period: "2026-01" });
    expect(t.periods[3]!.nps!.change).toEqual({ ...compareNps([8], [10, 9]), tooFew: true, significant: false, period: "2026-02" });
  });

  it("labels ISO weeks and quarters", () => {
    const t = trend(
      [
        { at: "2024-12-30", ltr: 9 },
        { at: "2026-01-01", ltr: 9 },
        { at: "2026-12-31", ltr: 9 },
        { at: "2021-01-03", ltr: 9 },
      ],
      { time: "at", every: "week", metrics: { nps: "ltr" } },
    );
    // 2024-12-30 is the Monday of ISO week 2025-W01; 2021-01-03 (a Sunday) is in 2020-W53.
    const withData = t.periods.filter((p) => p.n > 0).map((p) => [p.period, p.start]);
    expect(withData).toEqual([
      ["2020-W53", "2020-12-28"],
      ["2025-W01", "2024-12-30"],
      ["2026-W01", "2025-12-29"],
      ["2026-W53", "2026-12-28"],
    ]);
    // Weeks are consecutive Mondays, empty ones included: 2020-12-28 to 2026-12-28.
    expect(t.periods.length).toBe((Date.UTC(2026, 11, 28) - Date.UTC(2020, 11, 28)) / (7 * 86400000) + 1);
    expect(t.periods.every((p, i) => i === 0 || Date.parse(p.start) - Date.parse(t.periods[i - 1]!.start) === 7 * 86400000)).toBe(true);
    const q = trend(records, { time: "at", every: "quarter", metrics: { nps: "ltr" } });
    expect(q.periods.map((p) => p.period)).toEqual(["2026-Q1", "2026-Q2"]);
    const y = trend(
      [
        { at: "2024-06-01", ltr: 9 },
        { at: "2026-01-01", ltr: 3 },
      ],
      { time: "at", every: "year", metrics: { nps: "ltr" } },
    );
    expect(y.periods.map((p) => [p.period, p.start, p.n])).toEqual([
      ["2024", "2024-01-01", 1],
      ["2025", "2025-01-01", 0],
      ["2026", "2026-01-01", 1],
    ]);
  });

  it("equals per-period summaries on random data (days)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 20 }), ltr: fc.integer({ min: 0, max: 10 }) }), {
          minLength: 1,
          maxLength: 150,
        }),
        (rows) => {
          const recs = rows.map((r) => ({ at: Date.UTC(2026, 2, 1 + r.day, 12), ltr: r.ltr }));
          const t = trend(recs, { time: "at", every: "day", metrics: { nps: "ltr" } });
          const first = Math.min(...rows.map((r) => r.day));
          const last = Math.max(...rows.map((r) => r.day));
          expect(t.periods.length).toBe(last - first + 1);
          let seen = 0;
          t.periods.forEach((p, i) => {
            const inside = rows.filter((r) => r.day === first + i).map((r) => r.ltr);
            expect(p.n).toBe(inside.length);
            if (inside.length === 0) {
              expect(p.nps).toBeNull();
              return;
            }
            const { change, ...summary } = p.nps!;
            expect(summary).toEqual(npsSummary(inside));
            expect(change === null).toBe(seen++ === 0);
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it("rejects an invalid time unless skipping", () => {
    expect(() => trend([{ at: "soon", ltr: 9 }], { time: "at", every: "day", metrics: { nps: "ltr" } })).toThrow(MetricsTypeError);
    const skipping = trend(
      [
        { at: "soon", ltr: 9 },
        { at: "2026-01-01", ltr: 9 },
      ],
      { time: "at", every: "day", metrics: { nps: "ltr" }, onInvalid: "skip" },
    );
    expect(skipping.skipped.records).toEqual({ missing: 0, invalid: 1, firstMissing: null, firstInvalid: 0 });
    expect(() => trend([], { time: "at", every: "decade" as never, metrics: { nps: "ltr" } })).toThrow(MetricsTypeError);
  });
});

describe("trend dates", () => {
  const at = (time: unknown, options: Record<string, unknown> = {}) =>
    trend([{ time, ltr: 9 }], { time: "time", every: "day", metrics: { nps: "ltr" }, ...options }).periods.map((p) => p.period);

  it("trend(records) computes periods in UTC unless timeZone says otherwise", () => {
    expect(at("2025-11-30T23:30:00Z")).toEqual(["2025-11-30"]);
    expect(at("2025-11-30T23:30:00Z", { timeZone: "Asia/Tokyo" })).toEqual(["2025-12-01"]);
    expect(at("2025-12-01T00:30:00+09:00", { timeZone: "America/New_York" })).toEqual(["2025-11-30"]);
    expect(at(new Date(Date.UTC(2025, 11, 1, 3)), { timeZone: "America/Los_Angeles" })).toEqual(["2025-11-30"]);
    // A wall-clock time without an offset is taken as written, in the report's zone.
    expect(at("2025-12-01T00:30", { timeZone: "Asia/Tokyo" })).toEqual(["2025-12-01"]);
    expect(at("2025-12-01T00:30", { timeZone: "America/New_York" })).toEqual(["2025-12-01"]);
    expect(at("2025-12-01 00:30:15.123")).toEqual(["2025-12-01"]);
  });

  it("trend(records) rejects dates that are not real or not ISO 8601", () => {
    expect(() => at("2025-02-30")).toThrow(/records\[0\] time must be a real calendar date \(2025-02 has no day 30\)/);
    expect(() => at("2025-13-01")).toThrow(/records\[0\] time must be a real calendar date \(there is no month 13\)/);
    expect(() => at("2025-00-10")).toThrow(/records\[0\] time must be a real calendar date \(there is no month 00\)/);
    expect(() => at("2024-02-29")).not.toThrow();
    expect(() => at("2025-12-00")).toThrow(/\(2025-12 has no day 00\)/);
    expect(() => at("2024-02-30")).toThrow(MetricsInputError);
    expect(at("2024-02-29")).toEqual(["2024-02-29"]);
    expect(() => at("2025-13-01")).toThrow(MetricsInputError);
    expect(() => at("2025-12-01T24:00")).toThrow(/a valid time of day/);
    for (const text of ["12/17/2025", "Dec 17, 2025", "17.12.2025", "2025-1-5", "tomorrow"]) {
      expect(() => at(text)).toThrow(/must be an ISO 8601 date such as "2025-12-17"/);
    }
    expect(() => at(new Date(Number.NaN))).toThrow(/Invalid Date/);
    // Found by the fuzz run: a number beyond the Date range escaped as a plain RangeError.
    expect(() => at(8640000000060000)).toThrow(/records\[0\] time must be a time in the years 0000 to 9999/);
    expect(() => at(-8e15, {})).toThrow(MetricsInputError);
    expect(() => at("2025-12-17", { timeZone: "Mars/Olympus" })).toThrow(/options.timeZone must be an IANA time zone name/);
  });

  it("trend(records) reads every ISO 8601 form as Date does (random instants, offsets and precisions)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1973, 0, 2), max: Date.UTC(9998, 11, 1) }),
        fc.constantFrom("Z", "+05:30", "-08:00", "+0100", "-0930"),
        fc.constantFrom(0, 3, 6, 9),
        fc.constantFrom("T", " "),
        (t, zone, decimals, sep) => {
          const iso = new Date(t).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
          const fraction = decimals === 0 ? "" : `.${iso.slice(20, 23).padEnd(decimals, "7")}`;
          const text = `${iso.slice(0, 10)}${sep}${iso.slice(11, 19)}${fraction}${zone}`;
          // Date.parse wants the colon in the offset and at most milliseconds.
          const forDate = text
            .replace(" ", "T")
            .replace(/([+-]\d\d)(\d\d)$/, "$1:$2")
            .replace(/\.(\d{3})\d*/, ".$1");
          const day = trend([{ at: text, v: 9 }], { time: "at", every: "day", metrics: { nps: "v" } }).periods[0]!.period;
          expect(day).toBe(new Date(Date.parse(forDate)).toISOString().slice(0, 10));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('trend(records) reads numbers as epoch milliseconds, or seconds with timeUnit: "s"', () => {
    expect(at(1735689600000)).toEqual(["2025-01-01"]);
    expect(() => at(1735689600)).toThrow(/epoch milliseconds after 1973 \(this looks like seconds: pass timeUnit: "s"\)/);
    expect(at(1735689600, { timeUnit: "s" })).toEqual(["2025-01-01"]);
    expect(() => at(1735689600000, { timeUnit: "s" })).toThrow(/looks like milliseconds/);
    expect(() => at(1735689600, { timeUnit: "ns" })).toThrow(MetricsTypeError);
  });

  it("trend(records) lists every period between the first and the last, and refuses a span of 100,000+", () => {
    const t = trend(
      [
        { at: "2026-01-01", ltr: 9 },
        { at: "2026-01-04", ltr: 9 },
      ],
      { time: "at", every: "day", metrics: { nps: "ltr" } },
    );
    expect(t.periods.map((p) => [p.period, p.n])).toEqual([
      ["2026-01-01", 1],
      ["2026-01-02", 0],
      ["2026-01-03", 0],
      ["2026-01-04", 1],
    ]);
    expect(() =>
      trend(
        [
          { at: "2026-01-01", ltr: 9 },
          { at: "2926-01-01", ltr: 9 },
        ],
        { time: "at", every: "day", metrics: { nps: "ltr" } },
      ),
    ).toThrow(/mistyped year/);
  });
});

describe("trend small samples", () => {
  it("trend(records) never flags a change between two months of 2 CSAT responses (0.1.0 did)", () => {
    const records = [
      { at: "2025-01-02", sat: 5 },
      { at: "2025-01-03", sat: 5 },
      { at: "2025-02-02", sat: 1 },
      { at: "2025-02-03", sat: 1 },
    ];
    const change = trend(records, { time: "at", every: "month", metrics: { csat: "sat" } }).periods[1]!.csat!.change!;
    // Fisher's exact test on 0 of 2 against 2 of 2: p = 1/3 (R: fisher.test(matrix(c(0,2,2,0),2))).
    expect(change.method).toBe("fisher");
    expect(change.pValue).toBeCloseTo(1 / 3, 14);
    expect(change).toEqual({
      ...compareProportions({ successes: 0, n: 2 }, { successes: 2, n: 2 }, { method: "fisher" }),
      tooFew: true,
      period: "2025-01",
    });
    expect(change.significant).toBe(false);
    // Even with minN lowered to 1, the exact test does not find it significant.
    const low = trend(records, { time: "at", every: "month", metrics: { csat: "sat" }, minN: 1 }).periods[1]!.csat!.change!;
    expect(low.tooFew).toBe(false);
    expect(low.significant).toBe(false);
  });
});
