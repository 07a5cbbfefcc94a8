import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.ts";
import { expectError } from "../helpers.ts";

// The edges of a double and of an array that 1.0 crossed silently: totals past 2^53 (where a
// double stops holding every whole number), array-likes whose length lies, and the exported
// constant lists, which a caller could otherwise change for every other caller.
const big = Number.MAX_SAFE_INTEGER; // 2^53 − 1

describe("counts past 2^53 are refused, never silently inexact", () => {
  it("mergeTallies of two tallies whose counts add up past 2^53 − 1 throws (1.0 returned an inexact sum)", () => {
    const a = { scale: [1, 5] as const, counts: [big - 10, 0, 0, 0, 0] };
    const b = { scale: [1, 5] as const, counts: [11, 0, 0, 0, 0] };
    expectError(
      () => lib.mergeTallies(a, b),
      lib.MetricsInputError,
      "OUT_OF_RANGE",
      "tallies",
      'tallies must be counts that add up to at most Number.MAX_SAFE_INTEGER (2^53 − 1), where every count is exact (these add up to 9007199254740992); got "2 tallies"',
    );
    // 2^53 − 1 exactly is still exact.
    expect(lib.mergeTallies(a, { ...b, counts: [10, 0, 0, 0, 0] }).counts[0]).toBe(big);
  });

  it("summaries from counts whose total passes 2^53 − 1 throw: { counts } and group counts", () => {
    expect(() => lib.csat({ counts: [0, 0, 0, big, 1] })).toThrow(
      /^responses.counts must be counts that add up to at most Number.MAX_SAFE_INTEGER/,
    );
    expect(() => lib.nps({ promoters: big, passives: 0, detractors: 1 })).toThrow(
      /must be counts that add up to at most Number.MAX_SAFE_INTEGER/,
    );
    expect(lib.nps({ promoters: big - 1, passives: 0, detractors: 1 })).toBeCloseTo(100, 10);
  });
});

describe("array-likes are read only when their length is one an array can have", () => {
  it.each([1e300, 2 ** 32, -1, 1.5, Number.POSITIVE_INFINITY])("tally({ 0: 9, length: %d }) and such weights throw at once", (length) => {
    const lying = { 0: 9, length } as never;
    expect(() => lib.tally(lying, { scale: [0, 10] })).toThrow(
      /^scores.length must be a whole number from 0 to 2\^32 − 1, as an array's length is/,
    );
    expect(() => lib.nps([9], { weights: lying })).toThrow(/^options.weights.length must be a whole number from 0 to 2\^32 − 1/);
    expect(() => lib.segmentReportFromCounts(lying, { by: "g", metrics: { nps: "v" } })).toThrow(/^rows.length must be a whole number/);
    // Records too: with onInvalid "skip", 1.0 skipped undefined records up to the length, for ever.
    const records = { 0: { g: "a", v: 9 }, length } as never;
    const skip = { metrics: { nps: "v" }, onInvalid: "skip" } as const;
    expect(() => lib.segmentReport(records, { by: "g", ...skip })).toThrow(/^records.length must be a whole number from 0 to 2\^32 − 1/);
    expect(() => lib.trend(records, { time: "g", every: "day", ...skip })).toThrow(/^records.length must be a whole number/);
  });

  it("an honest array-like is still read", () => {
    expect(lib.tally({ 0: 9, 1: 10, length: 2 } as never, { scale: [0, 10] }).counts[10]).toBe(1);
    const report = lib.segmentReport({ 0: { g: "a", v: 9 }, 1: { g: "a", v: 3 }, length: 2 } as never, { by: "g", metrics: { nps: "v" } });
    expect(report.total.n).toBe(2);
  });
});

describe("the exported constant lists are frozen", () => {
  const lists = {
    MISSING_MODES: lib.MISSING_MODES,
    DEFAULT_MISSING_VALUES: lib.DEFAULT_MISSING_VALUES,
    PERIOD_UNITS: lib.PERIOD_UNITS,
    TIME_UNITS: lib.TIME_UNITS,
    SQL_DIALECTS: lib.SQL_DIALECTS,
    CHURN_DENOMINATORS: lib.CHURN_DENOMINATORS,
    COMPARE_NPS_METHODS: lib.COMPARE_NPS_METHODS,
    ACCOUNT_ROLLUPS: lib.ACCOUNT_ROLLUPS,
    NPS_INTERVAL_METHODS: lib.NPS_INTERVAL_METHODS,
    PROPORTION_INTERVAL_METHODS: lib.PROPORTION_INTERVAL_METHODS,
    PROPORTION_COMPARISON_METHODS: lib.PROPORTION_COMPARISON_METHODS,
  };
  it.each(Object.entries(lists))("%s cannot be changed by one caller for all the others", (_name, list) => {
    expect(Object.isFrozen(list)).toBe(true);
    expect(() => (list as string[]).push("x")).toThrow(TypeError);
  });

  it("every exported array is in the list above", () => {
    const exported = Object.entries(lib)
      .filter(([, v]) => Array.isArray(v))
      .map(([k]) => k);
    expect(exported.sort()).toEqual(Object.keys(lists).sort());
  });
});
