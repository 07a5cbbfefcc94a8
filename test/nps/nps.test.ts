import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNps, MetricsInputError, MetricsTypeError, nps, npsSummary, tally } from "../../src/index.ts";
import { npsScores } from "../arbitraries.ts";

describe("nps", () => {
  it("nps(counts) matches the R package NPS test suite: 3 promoters, 2 passives, 1 detractor give NPS 1/3", () => {
    // R package NPS (B. Rocks): its test suite's counts (1 detractor, 2 passives, 3 promoters)
    // give NPS 1/3 (a fraction there, 100/3 points here).
    expect(nps({ promoters: 3, passives: 2, detractors: 1 })).toBe(100 / 3);
    expect(nps([9, 10, 9, 7, 8, 1])).toBe(100 / 3);
  });

  it("is 100 for all promoters and -100 for all detractors", () => {
    expect(nps([9, 10, 10])).toBe(100);
    expect(nps([0, 3, 6])).toBe(-100);
    expect(nps({ promoters: 0, passives: 5, detractors: 0 })).toBe(0);
  });

  it("accepts typed arrays and a tally, and a 1-10 scale", () => {
    expect(nps(new Uint8Array([10, 10, 9, 5]))).toBe(50);
    expect(nps(new Float64Array([10, 7, 0]))).toBe(0);
    expect(nps(tally([10, 10, 9, 5], { scale: [0, 10] }))).toBe(50);
    expect(nps([1, 10, 10, 8], { scale: [1, 10] })).toBe(25);
    expect(nps(tally([1, 10, 10, 8], { scale: [1, 10] }))).toBe(25);
  });

  it("rejects empty input, scores off the scale, bad counts and wrong types", () => {
    expect(() => nps([])).toThrow(/input must be at least one response/);
    expect(() => nps([9, 11])).toThrow(/input\[1\] must be a whole number from 0 to 10; got 11/);
    expect(() => nps([9, 0], { scale: [1, 10] })).toThrow(MetricsInputError);
    expect(() => nps([9, Number.NaN])).toThrow(/input\[1\] .*not missing \(pass missing: "skip"/);
    expect(() => nps([9, 8.5])).toThrow(MetricsInputError);
    expect(() => nps([9, "nine"])).toThrow(MetricsTypeError);
    expect(() => nps([9, true])).toThrow(MetricsTypeError);
    expect(() => nps({ promoters: -1, passives: 2, detractors: 3 })).toThrow(/input.promoters/);
    expect(() => nps({ promoters: 1.5, passives: 2, detractors: 3 })).toThrow(MetricsInputError);
    expect(() => nps({ promoters: 0, passives: 0, detractors: 0 })).toThrow(MetricsInputError);
    expect(() => nps(null as never)).toThrow(MetricsTypeError);
    expect(() => nps(42 as never)).toThrow(MetricsTypeError);
    expect(() => nps(tally([9], { scale: [0, 10] }), { scale: [1, 10] })).toThrow(/input.scale/);
  });

  it("nps(scores) reads numeric strings as numbers, as a CSV read as text gives them", () => {
    expect(nps(["10", " 9 ", "7", "3"])).toBe(nps([10, 9, 7, 3]));
    expect(nps(["9.0", "+10"])).toBe(100);
    expect(() => nps(["9.5"])).toThrow(/input\[0\] must be a whole number from 0 to 10; got 9.5/);
    expect(() => nps(["0x9"])).toThrow(MetricsTypeError);
  });

  it('nps(scores, { missing: "skip" }) skips null, undefined, NaN, blanks and markers, never reading them as 0', () => {
    const messy = [10, null, undefined, Number.NaN, "", "  ", "NA", "N/A", "n/a", "-", "3"];
    expect(nps(messy, { missing: "skip" })).toBe(nps([10, 3]));
    expect(nps(["10", "skip me", "3"].filter((x) => x !== "skip me"))).toBe(0);
    expect(nps([10, "none", 3], { missing: "skip", missingValues: ["none"] })).toBe(0);
    // With custom markers the default ones are no longer missing: "NA" is then a word.
    expect(() => nps([10, "NA"], { missing: "skip", missingValues: ["none"] })).toThrow(MetricsTypeError);
    expect(() => nps([null, ""], { missing: "skip" })).toThrow(/at least one response \(all 2 values were missing\)/);
  });

  it("nps(scores) with a missing value throws MISSING_VALUE naming the option", () => {
    for (const cell of [null, undefined, "", " ", "N/A"]) {
      try {
        nps([9, cell]);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(MetricsInputError);
        expect((error as MetricsInputError).code).toBe("MISSING_VALUE");
        expect((error as Error).message).toContain('missing: "skip"');
      }
    }
  });

  it("nps(scores, options) rejects unknown options, suggesting the nearest", () => {
    expect(() => nps([9], { promotorFrom: 8 } as never)).toThrow(
      "options.promotorFrom is not an option of nps; did you mean promoterFrom?",
    );
    expect(() => nps({ promoters: 1, passives: 0, detractors: 0, promotors: 1 } as never)).toThrow(
      /input.promotors is not a field of NPS counts; did you mean promoters\?/,
    );
  });

  it("nps(scores, { scale: [1, 5] }) says the default band does not fit the scale", () => {
    expect(() => nps([1, 5], { scale: [1, 5] })).toThrow(
      /options.promoterFrom must be a score in \(1, 5\]; the default 9 does not fit this scale, so pass options.promoterFrom; got 9/,
    );
    expect(nps([1, 5], { scale: [1, 5], promoterFrom: 5, passiveFrom: 4 })).toBe(0);
  });

  it("does not mutate its input", () => {
    const scores = Object.freeze([10, 9, 3]);
    expect(nps(scores)).toBeCloseTo(100 / 3, 12);
  });

  it("stays within [-100, 100] and equals the mean of the +100/0/-100 recoding", () => {
    fc.assert(
      fc.property(npsScores, (scores) => {
        const score = nps(scores);
        expect(score).toBeGreaterThanOrEqual(-100);
        expect(score).toBeLessThanOrEqual(100);
        const recoded = scores.map((s) => (s >= 9 ? 100 : s >= 7 ? 0 : -100));
        const mean = recoded.reduce((acc: number, x) => acc + x, 0) / scores.length;
        expect(score).toBeCloseTo(mean, 10);
      }),
    );
  });

  it("is invariant under permutation and agrees across raw scores, counts and tallies", () => {
    fc.assert(
      fc.property(npsScores, fc.integer(), (scores, seed) => {
        const shuffled = scores.slice();
        for (let i = shuffled.length - 1, s = seed; i > 0; i--) {
          s = (s * 1103515245 + 12345) | 0;
          const j = Math.abs(s) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const counts = {
          promoters: scores.filter((s) => s >= 9).length,
          passives: scores.filter((s) => s === 7 || s === 8).length,
          detractors: scores.filter((s) => s <= 6).length,
        };
        const score = nps(scores);
        expect(nps(shuffled)).toBe(score);
        expect(nps(counts)).toBe(score);
        expect(nps(tally(scores, { scale: [0, 10] }))).toBe(score);
        expect(nps(Uint8Array.from(scores))).toBe(score);
      }),
    );
  });
});

describe("NPS counts: what makes an object counts, and each count named", () => {
  it("reads an object with any one of the three count fields as counts, naming the first count left out", () => {
    const missing = (name: string) => new RegExp(`^input\\.${name} must be a finite number; got undefined$`);
    expect(() => nps({ promoters: 3 } as never)).toThrow(missing("passives"));
    expect(() => nps({ passives: 3 } as never)).toThrow(missing("promoters"));
    expect(() => nps({ detractors: 3 } as never)).toThrow(missing("promoters"));
  });

  it("names the count at fault, in nps, npsSummary and both samples of compareNps", () => {
    const ok = { promoters: 1, passives: 1, detractors: 1 };
    expect(() => nps({ ...ok, passives: -1 })).toThrow(/^input\.passives must be a count >= 0; got -1$/);
    expect(() => nps({ ...ok, detractors: 1.5 })).toThrow(/^input\.detractors must be/);
    expect(() => npsSummary({ ...ok, promoters: -1 })).toThrow(/^input\.promoters must be a count >= 0; got -1$/);
    expect(() => compareNps({ ...ok, passives: -1 }, ok)).toThrow(/^a\.passives must be a count >= 0; got -1$/);
    expect(() => compareNps(ok, { ...ok, promoters: -2 })).toThrow(/^b\.promoters must be a count >= 0; got -2$/);
  });
});

describe("nps's bands and scores at their edges", () => {
  it("rejects a promoter band that starts below the scale, and a score that is not finite", () => {
    expect(() => nps([9], { promoterFrom: -1 })).toThrow(/^options\.promoterFrom must be a score in \(0, 10\]; got -1$/);
    expect(() => nps([9, Number.POSITIVE_INFINITY])).toThrow(expect.objectContaining({ code: "NOT_FINITE", argument: "input[1]" }));
  });
});
