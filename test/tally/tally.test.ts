import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countInto, countPlain } from "../../src/_lib/count/count.ts";
import { ces, csat, MetricsInputError, MetricsTypeError, mergeTallies, nps, tally } from "../../src/index.ts";

describe("tally and mergeTallies", () => {
  it("counts scores per scale point", () => {
    expect(tally([10, 9, 7, 3, 10], { scale: [0, 10] })).toEqual({ scale: [0, 10], counts: [0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 2], missing: 0 });
    expect(tally(new Uint8Array([1, 5, 5]), { scale: [1, 5] }).counts).toEqual([1, 0, 0, 0, 2]);
  });

  it("merging the tallies of any split equals the tally of the whole", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 })), fc.array(fc.nat()), (scores, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (scores.length + 1)))].sort((a, b) => a - b);
        const parts = [0, ...points, scores.length]
          .slice(0, -1)
          .map((start, i, arr) => scores.slice(start, [...arr.slice(1), scores.length][i]));
        const whole = tally(scores, { scale: [1, 7] });
        const merged = mergeTallies(...parts.map((p) => tally(p, { scale: [1, 7] })));
        expect(merged).toEqual(whole);
        expect(JSON.parse(JSON.stringify(merged))).toEqual(whole);
      }),
    );
  });

  it("rejects mismatched scales, bad counts and scores off the scale", () => {
    expect(() => mergeTallies()).toThrow(MetricsInputError);
    expect(() => mergeTallies(tally([1], { scale: [1, 5] }), tally([1], { scale: [0, 5] }))).toThrow(/tallies\[1\].scale/);
    expect(() => mergeTallies({ scale: [1, 3], counts: [1, -1, 0] })).toThrow(/counts\[1\]/);
    expect(() => mergeTallies({ scale: [1, 3], counts: [1, 0] })).toThrow(
      /tallies\[0\].counts must be 3 counts, one per point of the scale \[1, 3\]; got \[1, 0\]/,
    );
    expect(() => mergeTallies({ scale: [1, 3], counts: [1, 0, 0], weight: [1] } as never)).toThrow(
      /tallies\[0\].weight is not a field of a tally/,
    );
    expect(() => mergeTallies({ scale: [1, 3], counts: [1, 0, 0], weights: [1] } as never)).toThrow(
      /tallies\[0\].weights must be 3 sums, one per scale point \(weights and squaredWeights go together\); got \[1\]/,
    );
    expect(() => tally([6], { scale: [1, 5] })).toThrow(/scores\[0\]/);
    expect(() => tally([1], {} as never)).toThrow(/options.scale/);
    expect(() => tally([1], { scale: [1, 5], missingValue: ["x"] } as never)).toThrow(
      /options.missingValue is not an option of tally; did you mean missingValues\?/,
    );
  });

  it("has a weights field only when weighted", () => {
    expect(Object.keys(tally([1, 2], { scale: [1, 5] }))).toEqual(["scale", "counts", "missing"]);
    expect(Object.keys(tally([1, 2], { scale: [1, 5], weights: [1, 2] }))).toContain("weights");
  });

  it("does not mutate its inputs", () => {
    const a = Object.freeze({ scale: [1, 3] as const, counts: Object.freeze([1, 2, 3]) });
    const b = Object.freeze({ scale: [1, 3] as const, counts: Object.freeze([1, 1, 1]) });
    expect(mergeTallies(a, b).counts).toEqual([2, 3, 4]);
    expect(a.counts).toEqual([1, 2, 3]);
  });

  it("tally(scores) rejects values that are numbers only by coercion, but reads numeric strings", () => {
    for (const v of [true, [9], {}, "9 points"] as unknown[]) {
      expect(() => tally([9, v], { scale: [0, 10] })).toThrow(MetricsTypeError);
      expect(() => nps([9, v])).toThrow(MetricsTypeError);
    }
    expect(tally(["9", " 10", "0 "], { scale: [0, 10] })).toEqual(tally([9, 10, 0], { scale: [0, 10] }));
    expect(() => tally([9, null], { scale: [0, 10] })).toThrow(/scores\[1\] must be a whole number from 0 to 10, not missing/);
    expect(() => ces([false as never])).toThrow(MetricsTypeError);
  });

  it('tally(scores, { missing: "skip" }) counts missing values, and merging adds them up', () => {
    const a = tally([9, "", null], { scale: [0, 10], missing: "skip" });
    const b = tally([Number.NaN, "N/A", 3], { scale: [0, 10], missing: "skip" });
    expect(a.missing).toBe(2);
    expect(mergeTallies(a, b)).toEqual({ scale: [0, 10], counts: [0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0], missing: 4 });
    expect(csat({ scale: [1, 5], counts: [0, 0, 0, 1, 1], missing: 3 })).toBe(1);
  });

  it("counts typed arrays on the unrolled path exactly as the plain reference loop does", () => {
    // Scales through and below 0, and values a hair off a whole number: on a scale from −3,
    // value − min rounds −1e-300 to exactly 3, so the test must be on the value itself.
    const nearWhole = fc
      .tuple(fc.integer({ min: -8, max: 12 }), fc.constantFrom(1e-300, -1e-300, 0.1 + 0.2 - 0.3, -(2 ** -50), 2 ** -40))
      .map(([w, d]) => w + d);
    const typed = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 250, maxLength: 700 }).map((a) => Uint8Array.from(a)),
      fc
        .array(fc.oneof(fc.integer({ min: -8, max: 12 }), fc.double(), nearWhole), { minLength: 250, maxLength: 700 })
        .map((a) => Float64Array.from(a)),
      fc
        .array(fc.oneof({ weight: 20, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 1, arbitrary: nearWhole }), {
          minLength: 250,
          maxLength: 700,
        })
        .map((a) => Float64Array.from(a)),
    );
    fc.assert(
      fc.property(typed, fc.integer({ min: -5, max: 2 }), (scores, min) => {
        const max = min + 10;
        const run = (f: (c: number[]) => void) => {
          const counts = new Array<number>(11).fill(0);
          try {
            f(counts);
            return counts;
          } catch (error) {
            return (error as Error).message;
          }
        };
        expect(run((c) => void countInto(scores, min, max, c))).toEqual(run((c) => void countPlain(scores, min, max, c, 0)));
      }),
    );
  });

  it("rejects a fraction a hair off a whole score in a long Float64Array on a scale below 0, as in a plain array", () => {
    for (const bad of [-1e-300, 1e-300, 0.1 + 0.2 - 0.3]) {
      const scores = new Float64Array(600).fill(1);
      scores[300] = bad;
      const message = `scores[300] must be a whole number from -3 to 3; got ${bad}`;
      expect(() => tally(scores, { scale: [-3, 3] }), String(bad)).toThrow(message);
      expect(() => tally([...scores], { scale: [-3, 3] }), String(bad)).toThrow(message);
    }
  });
});

describe("tally and mergeTallies name what is wrong, and add no fields", () => {
  const a = tally([9, 10], { scale: [0, 10] });

  it("names a weighted tally's bad score, each merged tally by its place, and a scale that differs at either end", () => {
    expect(() => tally(["x"] as never, { scale: [0, 10], weights: [1] })).toThrow(
      /^scores\[0\] must be a whole number from 0 to 10; got "x"$/,
    );
    expect(() => mergeTallies(a, { scale: [0, 10], counts: [1] } as never)).toThrow(/^tallies\[1\]\.counts must be 11 counts/);
    const other = "must be the same scale as tallies[0], [0, 10]; got";
    expect(() => mergeTallies(a, tally([1], { scale: [0, 5] }))).toThrow(`tallies[1].scale ${other} [0, 5]`);
    expect(() => mergeTallies(a, tally([1], { scale: [1, 10] }))).toThrow(`tallies[1].scale ${other} [1, 10]`);
  });

  it("merging unweighted tallies gives an unweighted tally: no weights fields, not even undefined ones", () => {
    expect(mergeTallies(a, a)).toStrictEqual({ scale: [0, 10], counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2], missing: 0 });
  });
});
