// parseTime and periodOf: the time reader under trend, exported. Wall-clock times in a zone
// against Python's zoneinfo (test/fixtures/python/wall-clock-instants.py, an IANA reader
// independent of Intl); exports' formats against Date.parse of the same instant in RFC 3339;
// period labels against trend itself on the same records.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricsInputError, MetricsTypeError, parseTime, periodOf, trend } from "../../src/index.ts";
import wall from "../fixtures/python/wall-clock-instants.json" with { type: "json" };

describe("parseTime", () => {
  it("reads a wall-clock time in a zone as zoneinfo does, across every DST gap and overlap of 2011-2025 (fold=0)", () => {
    let checked = 0;
    for (const [zone, text, ms] of wall.cases as [string, string, number][]) {
      expect(parseTime(text, { timeZone: zone }), `${zone} ${text}`).toBe(ms);
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it("reads exports' formats: PostgreSQL +00, +01 and +05:30, BigQuery's UTC suffix, fractions", () => {
    const cases: [string, string][] = [
      ["2025-03-14 09:30:00+00", "2025-03-14T09:30:00Z"],
      ["2025-03-14 09:30:00+01", "2025-03-14T09:30:00+01:00"],
      ["2025-03-14 09:30:00-08", "2025-03-14T09:30:00-08:00"],
      ["2025-03-14 09:30:00.123456+05:30", "2025-03-14T09:30:00.123+05:30"],
      ["2025-03-14 09:30:00 UTC", "2025-03-14T09:30:00Z"],
      ["2025-03-14 09:30:00.5 UTC", "2025-03-14T09:30:00.500Z"],
      ["2025-03-14T09:30:00Z", "2025-03-14T09:30:00Z"],
    ];
    for (const [text, rfc] of cases) expect(parseTime(text), text).toBe(Date.parse(rfc));
  });

  it("reads epoch time as numbers, BigInts (DuckDB's epoch_ms) and digit strings with timeUnit", () => {
    const ms = Date.parse("2025-03-14T09:30:00Z");
    expect(parseTime(ms)).toBe(ms);
    expect(parseTime(BigInt(ms))).toBe(ms);
    expect(parseTime(String(ms), { timeUnit: "ms" })).toBe(ms);
    expect(parseTime(String(ms / 1000), { timeUnit: "s" })).toBe(ms);
    expect(parseTime(BigInt(ms / 1000), { timeUnit: "s" })).toBe(ms);
    expect(parseTime(" 1741944600 ", { timeUnit: "s" })).toBe(ms);
    expect(parseTime(new Date(ms))).toBe(ms);
  });

  it("refuses a digit string without timeUnit, seconds given as milliseconds, and bad offsets", () => {
    expect(() => parseTime("1741944600")).toThrow(/value must be an ISO 8601 date, or epoch time with timeUnit naming its unit/);
    expect(() => parseTime("1741944600", { timeUnit: "ms" })).toThrow(/looks like seconds: pass timeUnit: "s"/);
    expect(() => parseTime("1741944600000", { timeUnit: "s" })).toThrow(/looks like milliseconds/);
    expect(() => parseTime("2025-03-14 09:30:00+24")).toThrow(/valid UTC offset/);
    expect(() => parseTime("2025-03-14 09:30:00 utc")).toThrow(/ISO 8601/);
    expect(() => parseTime("2025-03-14 09:30:00+1")).toThrow(/ISO 8601/);
    expect(() => parseTime(9007199254740993n)).toThrow(/years 0000 to 9999/);
    expect(() => parseTime({} as never)).toThrow(expect.objectContaining({ code: "INVALID_TYPE", argument: "value" }));
    // A value of a time's type that is not a valid time is an input error; another type a type error.
    for (const bad of ["soon", 10n ** 18n, Number.NaN, new Date(Number.NaN)]) {
      expect(() => parseTime(bad as never), String(bad)).toThrow(MetricsInputError);
      expect(() => periodOf(bad as never, { every: "day" }), String(bad)).toThrow(MetricsInputError);
    }
    for (const bad of [true, null, Symbol("t")]) expect(() => parseTime(bad as never)).toThrow(MetricsTypeError);
    expect(() => parseTime("2025-01-01", { timeZone: "+05:00" })).toThrow(/IANA/);
    expect(() => parseTime("2025-01-01", { zone: "UTC" } as never)).toThrow(/options.zone is not an option of parseTime/);
  });

  it("an instant does not depend on the zone; a wall-clock time moves by the zone's offset (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("1975-01-01"), max: Date.parse("2090-01-01") }),
        fc.constantFrom("UTC", "Asia/Tokyo", "America/Denver"),
        (ms, zone) => {
          const iso = new Date(ms).toISOString();
          expect(parseTime(iso, { timeZone: zone })).toBe(ms);
          expect(parseTime(iso.slice(0, -1))).toBe(ms); // no Z, read in UTC
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("periodOf", () => {
  it("labels a time as trend labels the period of a record with that time (property)", () => {
    const unit = fc.constantFrom("day", "week", "month", "quarter", "year" as const);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("1975-01-01"), max: Date.parse("2090-01-01") }),
        unit,
        fc.constantFrom("UTC", "Pacific/Kiritimati", "America/St_Johns"),
        (ms, every, timeZone) => {
          const records = [{ at: ms, s: 9 }];
          const want = trend(records, { time: "at", every, timeZone, metrics: { nps: "s" } }).periods[0]!.period;
          expect(periodOf(ms, { every, timeZone })).toBe(want);
          expect(periodOf(new Date(ms).toISOString(), { every, timeZone })).toBe(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("puts 2025-01-31 20:00 UTC in January in UTC and in February in Tokyo; ISO weeks from Monday", () => {
    expect(periodOf("2025-01-31T20:00:00Z", { every: "month" })).toBe("2025-01");
    expect(periodOf("2025-01-31T20:00:00Z", { every: "month", timeZone: "Asia/Tokyo" })).toBe("2025-02");
    expect(periodOf("2024-12-30", { every: "week" })).toBe("2025-W01"); // a Monday in ISO week 1 of 2025
    expect(periodOf("2021-01-03", { every: "week" })).toBe("2020-W53");
    expect(periodOf("2025-03-14", { every: "quarter" })).toBe("2025-Q1");
  });

  it("requires every, and reads times as parseTime does", () => {
    expect(() => periodOf("2025-01-01", undefined as never)).toThrow(/options must be an object with the period length/);
    expect(() => periodOf("2025-01-01", { every: "fortnight" as never })).toThrow(/options.every/);
    expect(() => periodOf("2025-02-30", { every: "day" })).toThrow(/time must be a real calendar date/);
    expect(periodOf("1741944600", { every: "day", timeUnit: "s" })).toBe("2025-03-14");
  });
});

describe("trend reads exports' times", () => {
  it("PostgreSQL and BigQuery text, BigInt epoch ms, and digit strings with timeUnit give the periods Date strings give", () => {
    const iso = ["2025-01-31T23:30:00Z", "2025-02-01T00:30:00Z", "2025-03-14T09:30:00Z"];
    const forms = [
      ["2025-01-31 23:30:00+00", "2025-02-01 01:30:00+01", "2025-03-14 09:30:00 UTC"],
      iso.map((t) => BigInt(Date.parse(t))),
      iso.map((t) => String(Date.parse(t) / 1000)),
    ];
    const want = trend(
      iso.map((at, i) => ({ at, s: 6 + i })),
      { time: "at", every: "month", metrics: { nps: "s" } },
    );
    forms.forEach((times, f) => {
      const got = trend(
        times.map((at, i) => ({ at, s: 6 + i })),
        { time: "at", every: "month", metrics: { nps: "s" }, ...(f === 2 ? { timeUnit: "s" as const } : {}) },
      );
      expect(got.periods.map((p) => [p.period, p.n])).toEqual(want.periods.map((p) => [p.period, p.n]));
    });
    expect(want.periods.map((p) => [p.period, p.n])).toEqual([
      ["2025-01", 1],
      ["2025-02", 1],
      ["2025-03", 1],
    ]);
  });
});
