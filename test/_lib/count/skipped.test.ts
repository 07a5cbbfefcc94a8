// What the counting layer (src/_lib/count/tallies.ts, weighted.ts) says and keeps when values are
// skipped: the empty-input hint by kind, a tally's invalid count through validation, and a
// response's weight read as a cell (missing, invalid, a numeric string, a BigInt), all exact.
import { describe, expect, it } from "vitest";
import { MetricsInputError, MetricsTypeError, npsSummary, tally } from "../../../src/index.ts";

describe("skipped values, counted by kind", () => {
  it("an input with nothing left says what was skipped, by kind", () => {
    const both = { missing: "skip", onInvalid: "skip" } as const;
    expect(() => npsSummary(["", "x"], both)).toThrow(
      "input must be at least one response (all 2 values were skipped: 1 missing, 1 invalid); got",
    );
    expect(() => npsSummary(["", null], both)).toThrow("input must be at least one response (all 2 values were missing); got");
    expect(() => npsSummary([11], both)).toThrow(
      "input must be at least one response (all 1 values were skipped: 0 missing, 1 invalid); got",
    );
    expect(() => npsSummary({ counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] } as never)).toThrow(/^input must be at least one response; got/);
  });

  it("a tally's invalid count is validated, kept, and counted towards the exact total", () => {
    const t = { scale: [1, 3] as [number, number], counts: [1, 2, 3], missing: 1, invalid: 2 };
    expect(tally([1, 2, 2, 3, 3, 3, 7, "x", ""], { scale: [1, 3], missing: "skip", onInvalid: "skip" })).toEqual(t);
    expect(npsSummary({ ...t, scale: [0, 2] } as never, { scale: [0, 2], promoterFrom: 2, passiveFrom: 1 }).invalid).toBe(2);
    expect(() => npsSummary({ scale: [0, 10], counts: new Array(11).fill(1), invalid: -1 } as never)).toThrow(
      /^input.invalid must be a count >= 0; got -1/,
    );
    expect(() => npsSummary({ scale: [0, 10], counts: new Array(11).fill(0).fill(2 ** 52, 10), invalid: 2 ** 52 } as never)).toThrow(
      /^input.counts must be counts that add up to at most Number.MAX_SAFE_INTEGER/,
    );
    // Without an invalid count the tally has none (not 0): tallies from before keep their shape.
    expect(Object.keys(tally([1, 2], { scale: [1, 3] }))).toEqual(["scale", "counts", "missing"]);
  });

  it("a response's weight is read as a cell: missing, invalid, numeric strings and BigInts", () => {
    const scores = [9, 10, 3];
    const base = npsSummary([9, 10], { weights: [1.5, 2] });
    // A missing weight: skipped with its response (and counted missing), or an error naming it.
    const skippedMissing = npsSummary(scores, { weights: ["1.5", 2n, ""] as never, missing: "skip" });
    expect({ ...skippedMissing, missing: 0 }).toEqual(base);
    expect(skippedMissing.missing).toBe(1);
    expect(() => npsSummary(scores, { weights: [1.5, 2, null] as never })).toThrow(
      'options.weights[2] must be a weight, a finite number >= 0, not missing (pass missing: "skip" to skip missing values); got null',
    );
    // An invalid weight: skipped with its response (counted invalid), or an error of its kind.
    for (const bad of [-1, Number.POSITIVE_INFINITY, "heavy", true]) {
      const s = npsSummary(scores, { weights: [1.5, 2, bad] as never, onInvalid: "skip" });
      expect({ ...s, invalid: 0 }).toEqual(base);
      expect(s.invalid).toBe(1);
    }
    expect(() => npsSummary(scores, { weights: [1.5, 2, -1] })).toThrow(MetricsInputError);
    expect(() => npsSummary(scores, { weights: [1.5, 2, Number.POSITIVE_INFINITY] })).toThrow(
      expect.objectContaining({ code: "NOT_FINITE", argument: "options.weights[2]" }),
    );
    expect(() => npsSummary(scores, { weights: [1.5, 2, "heavy"] as never })).toThrow(MetricsTypeError);
  });

  it("weights given as strings set the unit too: 1e200 as text gives the estimates of 1 (it would overflow Σw²)", () => {
    const asNumbers = npsSummary([9, 3, 10], { weights: [1, 1, 2] });
    const asText = npsSummary([9, 3, 10], { weights: ["1e200", "1e200", "2e200"] as never });
    expect(asText.estimate).toBe(asNumbers.estimate);
    expect(asText.standardError).toBeCloseTo(asNumbers.standardError, 12);
    expect(asText.effectiveN).toBeCloseTo(asNumbers.effectiveN, 12);
  });
});
