import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareCsat,
  compareProportions,
  csat,
  csatSummary,
  MetricsInputError,
  MetricsTypeError,
  mergeTallies,
  tally,
} from "../../src/index.ts";
import { expectRelative } from "../helpers.ts";

describe("csat", () => {
  it("is the top-2-box share on 1-5 by default", () => {
    expect(csat([5, 4, 3, 5, 2])).toBe(0.6);
    expect(csat({ counts: [2, 3, 10, 40, 45] })).toBe(0.85);
    expect(csat(tally([5, 4, 3, 5, 2], { scale: [1, 5] }))).toBe(0.6);
    expect(csat(new Uint8Array([5, 5, 1]))).toBe(2 / 3);
  });

  it("supports other scales and thresholds", () => {
    expect(csat([7, 6, 5, 1], { scale: [1, 7] })).toBe(0.5); // top-2 box: 6 and 7
    expect(csat([5, 4, 3], { satisfiedFrom: 5 })).toBe(1 / 3); // top box only
    expect(csat([10, 8, 3, 9], { scale: [0, 10], satisfiedFrom: 8 })).toBe(0.75);
  });

  it("rejects empty input, off-scale responses and bad thresholds", () => {
    expect(() => csat([])).toThrow(/responses must be at least one response/);
    expect(() => csat([6])).toThrow(/responses\[0\] must be a whole number from 1 to 5; got 6/);
    expect(() => csat([0])).toThrow(MetricsInputError);
    expect(() => csat([3], { satisfiedFrom: 1 })).toThrow(/satisfiedFrom/);
    expect(() => csat({ counts: [1, 2, 3] })).toThrow(/responses.counts must be 5 counts, one per point of the scale \[1, 5\]/);
    expect(() => csat({ counts: [1, 2, 3, -1, 0] })).toThrow(/counts\[3\]/);
    expect(() => csat(tally([3], { scale: [1, 7] }), { scale: [1, 5] })).toThrow(/responses.scale/);
    expect(() => csat([4, 5], { threshold: 5 } as never)).toThrow(
      "options.threshold is not an option of csat; known: scale, satisfiedFrom, missing, missingValues",
    );
  });

  it('csat(responses, { missing: "skip" }) reads a CSV column: numeric strings, blanks and markers', () => {
    expect(csat(["5", "4", "", "N/A", " 2 "], { missing: "skip" })).toBe(csat([5, 4, 2]));
    expect(() => csat(["5", ""])).toThrow(/responses\[1\] must be a whole number from 1 to 5, not missing/);
    expect(() => csat(["5", "five"])).toThrow(MetricsTypeError);
  });
});

describe("csatSummary", () => {
  it("matches R: mean and the Wilson interval of prop.test(85, 100, correct = FALSE)", () => {
    // R 4.2: x <- rep(1:5, c(2,3,10,40,45)); mean(x) = 4.23;
    // prop.test(85, 100, correct = FALSE)$conf.int = 0.7671644040916763 0.90694014716343363
    const s = csatSummary({ counts: [2, 3, 10, 40, 45] });
    expect(s.estimate).toBe(0.85);
    expect(s.n).toBe(100);
    expect(s.satisfied).toBe(85);
    expectRelative(s.mean, 4.23, 1e-15);
    expectRelative(s.interval.lower, 0.7671644040916763, 1e-13);
    expectRelative(s.interval.upper, 0.90694014716343363, 1e-13);
    expect(s.method).toBe("wilson");
  });

  it("matches R at 90%: prop.test(3, 5, correct = FALSE, conf.level = 0.9)", () => {
    const s = csatSummary([5, 4, 4, 2, 1], { confidence: 0.9 });
    expectRelative(s.interval.lower, 0.27248317186619292, 1e-13);
    expectRelative(s.interval.upper, 0.85729352798078684, 1e-13);
  });

  it("gives the same summary from raw responses, counts, and merged tallies of any split", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), fc.nat(), (responses, cut) => {
        const k = cut % (responses.length + 1);
        const whole = csatSummary(responses);
        const merged = mergeTallies(tally(responses.slice(0, k), { scale: [1, 5] }), tally(responses.slice(k), { scale: [1, 5] }));
        expect(csatSummary(merged)).toEqual(whole);
        expect(csatSummary({ counts: merged.counts })).toEqual(whole);
        expect(whole.interval.lower).toBeLessThanOrEqual(whole.estimate);
        expect(whole.interval.upper).toBeGreaterThanOrEqual(whole.estimate);
      }),
    );
  });
});

describe("compareCsat", () => {
  it("compareCsat(a, b) equals compareProportions on the satisfied counts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom("newcombe", "wald", "fisher" as const),
        (a, b, method) => {
          const count = (xs: number[]) => ({ successes: xs.filter((x) => x >= 4).length, n: xs.length });
          expect(compareCsat(a, b, { method })).toEqual(compareProportions(count(a), count(b), { method }));
        },
      ),
    );
  });

  it("compareCsat(tallies) takes counts and tallies like csat, and names the sample in errors", () => {
    const r = compareCsat({ counts: [5, 5, 20, 80, 90] }, tally([1, 2, 4, 5], { scale: [1, 5] }));
    expectRelative(r.difference, 0.85 - 0.5, 1e-15);
    expect(() => compareCsat([5], [9])).toThrow(/^b\[0\] must be a whole number from 1 to 5/);
    expect(() => compareCsat([5], [4], { method: "z" } as never)).toThrow(MetricsTypeError);
  });
});
