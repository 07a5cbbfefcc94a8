import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ces, cesSummary, tally } from "../../src/index.ts";

// ces over a long typed array takes a summing pass; it must give exactly the mean the tally
// gives, and hand every value that is not a score to the counting path (its error, at its index).
describe("ces: the summing pass over long typed arrays", () => {
  it("equals the tally's mean exactly, for any scores and scale (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.nat(), { minLength: 256, maxLength: 2000 }),
        (min, span, raw) => {
          const scores = Float64Array.from(raw, (r) => min + (r % (span + 1)));
          const t = tally(scores, { scale: [min, min + span] });
          const total = t.counts.reduce((s, c, k) => s + c * (min + k), 0);
          expect(ces(scores, { scale: [min, min + span] })).toBe(total / scores.length);
          expect(ces(Int16Array.from(scores), { scale: [min, min + span] })).toBe(total / scores.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("hands a value that is not a score to the counting path: the same error at the same index, or the skip", () => {
    const scores = new Float64Array(1003).fill(4);
    // Each of the four lanes of the summing loop, and the three values after its last step.
    for (const at of [776, 777, 778, 779, 1000, 1001, 1002]) {
      for (const [bad, message] of [
        [8, `must be a whole number from 1 to 7; got 8`],
        [3.5, `must be a whole number from 1 to 7; got 3.5`],
        [4 + 2 ** -40, `must be a whole number from 1 to 7; got 4.0000000000009095`],
        [7 - 2 ** -50, `must be a whole number from 1 to 7; got 6.999999999999999`],
        [0, `must be a whole number from 1 to 7; got 0`],
        [-4, `must be a whole number from 1 to 7; got -4`],
        [2 ** 32 + 4, `must be a whole number from 1 to 7; got 4294967300`],
        [Number.POSITIVE_INFINITY, `must be a whole number from 1 to 7; got Infinity`],
        [Number.NaN, `must be a whole number from 1 to 7, not missing`],
      ] as const) {
        const a = scores.slice();
        a[at] = bad;
        expect(() => ces(a), `${at}: ${bad}`).toThrow(`responses[${at}] ${message}`);
      }
    }
    // On a scale through 0, the fractions just either side of it, and -0 (a whole 0).
    const centred = new Float64Array(300).fill(1);
    for (const bad of [-1e-300, 1e-300, -2.5]) {
      const a = centred.slice();
      a[150] = bad;
      expect(() => ces(a, { scale: [-3, 3] }), String(bad)).toThrow(`responses[150] must be a whole number from -3 to 3; got ${bad}`);
    }
    const zero = centred.slice();
    zero[150] = -0;
    expect(ces(zero, { scale: [-3, 3] })).toBe(299 / 300);
    const withMissing = scores.slice();
    withMissing[5] = Number.NaN;
    withMissing[6] = 7;
    expect(ces(withMissing, { missing: "skip" })).toBe((4 * 1001 + 7) / 1002);
    const last = scores.slice(0, 257);
    last[256] = 9;
    expect(() => ces(last)).toThrow(/^responses\[256\]/);
  });

  it("leaves weighted responses, and a scale narrower than the default, to the counting path", () => {
    const scores = Float64Array.from({ length: 300 }, (_, i) => 1 + (i % 5));
    const weights = Array.from({ length: 300 }, (_, i) => (i % 5 === 4 ? 3 : 1));
    // scores 1..5 once each per five, the 5 weighted 3: (1 + 2 + 3 + 4 + 15) / 7
    expect(ces(scores, { weights, scale: [1, 5] })).toBeCloseTo(25 / 7, 14);
    const six = scores.slice();
    six[100] = 6;
    expect(() => ces(six, { scale: [1, 5] })).toThrow(/^responses\[100\] must be a whole number from 1 to 5; got 6$/);
    expect(() => ces(scores, { scale: [5, 1] })).toThrow(/^options.scale /);
  });
});

// cesSummary over a long typed array takes the same kind of pass, summing each score's distance
// from the scale's start and its square: it must give exactly the summary of the tally.
describe("cesSummary: the summing pass over long typed arrays", () => {
  it("equals the summary of the same scores' tally, field for field (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.nat(), { minLength: 256, maxLength: 2000 }),
        fc.boolean(),
        fc.nat(),
        (min, span, raw, higherIsEasier, at) => {
          const scale: [number, number] = [min, min + span];
          const agreeFrom = min + (at % (span + 1));
          const scores = Float64Array.from(raw, (r) => min + (r % (span + 1)));
          const counted = cesSummary(tally(scores, { scale }), { scale, higherIsEasier, agreeFrom });
          expect(cesSummary(scores, { scale, higherIsEasier, agreeFrom })).toEqual(counted);
          expect(cesSummary(Int16Array.from(scores), { scale, higherIsEasier, agreeFrom })).toEqual(counted);
          expect(cesSummary(scores, { scale, higherIsEasier })).toEqual(cesSummary(tally(scores, { scale }), { scale, higherIsEasier }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("counts agreeShare on the right side of agreeFrom, from every lane", () => {
    // 300 scores: 1..7 in turn from index 4 on; four 7s before them.
    const scores = Float64Array.from({ length: 300 }, (_, i) => (i < 4 ? 7 : 1 + ((i - 4) % 7)));
    const count = (test: (s: number) => boolean) => scores.filter(test).length;
    const sevens = count((s) => s === 7); // 4 + 42
    expect(cesSummary(scores).agreeShare).toBe(count((s) => s >= 5) / 300);
    expect(cesSummary(scores, { agreeFrom: 7 }).agreeShare).toBe(sevens / 300);
    expect(cesSummary(scores, { higherIsEasier: false }).agreeShare).toBe(count((s) => s <= 3) / 300);
    expect(cesSummary(scores, { higherIsEasier: false, agreeFrom: 1 }).agreeShare).toBe(count((s) => s === 1) / 300);
  });

  it("hands a value that is not a score to the counting path, and checks every option first", () => {
    const scores = new Float64Array(1003).fill(4);
    for (const at of [776, 777, 778, 779, 1002]) {
      for (const bad of [8, 3.5, 4 + 2 ** -40, 0, Number.NaN]) {
        const a = scores.slice();
        a[at] = bad;
        expect(() => cesSummary(a), `${at}: ${bad}`).toThrow(`responses[${at}] must be a whole number from 1 to 7`);
      }
    }
    const centred = new Float64Array(300).fill(1);
    centred[150] = -1e-300;
    expect(() => cesSummary(centred, { scale: [-3, 3] })).toThrow("responses[150] must be a whole number from -3 to 3; got -1e-300");
    const withMissing = scores.slice();
    withMissing[5] = Number.NaN;
    expect(cesSummary(withMissing, { missing: "skip" })).toMatchObject({ n: 1002, missing: 1, estimate: 4, standardDeviation: 0 });
    // Options are checked even when every value is a score (ces returned the mean here before).
    for (const f of [ces, cesSummary]) {
      expect(() => f(scores, { missing: "ignore" as never })).toThrow(/^options\.missing /);
      expect(() => f(scores, { missingValues: "N/A" as never })).toThrow(/^options\.missingValues /);
      expect(() => f(scores, { higherIsEasier: "yes" as never })).toThrow(/^options\.higherIsEasier /);
    }
    expect(() => cesSummary(scores, { agreeFrom: 8 })).toThrow(/^options\.agreeFrom /);
    expect(() => cesSummary(scores, { confidence: 95 })).toThrow(/^options\.confidence /);
  });
});
