import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanOfWholeScores, sumWholeScores } from "../../../src/_lib/count/count.ts";

// The one-pass sums that CES takes over long typed arrays instead of counting. Each returns
// undefined for input it leaves to the counting path, so a sum that gives up too often still
// gives the right CES: these tests hold it to its contract directly. Whole numbers of at most
// 2²⁰ add up exactly in a double, so the references below (plain loops) are exact too.

const KINDS = [Int8Array, Int16Array, Int32Array, Float32Array, Float64Array] as const;

/** Scores on [min, max] in a typed array of at least 256, with min and max at chosen places. */
const wholeScores = fc
  .record({
    min: fc.integer({ min: -10, max: 5 }),
    span: fc.integer({ min: 0, max: 10 }),
    length: fc.integer({ min: 256, max: 300 }),
    kind: fc.integer({ min: 0, max: KINDS.length - 1 }),
    seed: fc.array(fc.nat(), { minLength: 300, maxLength: 300 }),
    ends: fc.tuple(fc.nat(), fc.nat()),
  })
  .map(({ min, span, length, kind, seed, ends }) => {
    const max = min + span;
    const values = Array.from({ length }, (_, i) => min + (seed[i]! % (span + 1)));
    values[ends[0] % length] = min;
    values[ends[1] % length] = max;
    return { min, max, values, scores: KINDS[kind]!.from(values) };
  });

function reference(values: readonly number[], min: number, from: number, below: boolean) {
  let sum = 0;
  let sumOfSquares = 0;
  let reaching = 0;
  for (const x of values) {
    sum += x - min;
    sumOfSquares += (x - min) ** 2;
    if (below ? x <= from : x >= from) reaching++;
  }
  return { n: values.length, sum, sumOfSquares, reaching };
}

describe("meanOfWholeScores and sumWholeScores", () => {
  it("give the exact mean and sums of whole scores on the scale, whatever the length's remainder by 4 and wherever min and max sit", () => {
    fc.assert(
      fc.property(wholeScores, fc.nat(), fc.boolean(), ({ min, max, values, scores }, at, below) => {
        const from = min + (at % (max - min + 1));
        expect(meanOfWholeScores(scores, min, max)).toBe(values.reduce((s, x) => s + x, 0) / values.length);
        expect(sumWholeScores(scores, min, max, from, below)).toEqual(reference(values, min, from, below));
      }),
    );
  });

  it("count the scores reaching max by default", () => {
    const scores = Int8Array.from({ length: 257 }, (_, i) => 1 + (i % 7));
    const values = Array.from(scores);
    expect(sumWholeScores(scores, 1, 7)).toEqual(reference(values, 1, 7, false));
    expect(sumWholeScores(scores, 1, 7)?.reaching).toBe(36); // i % 7 === 6 for i = 6, 13, …, 251
  });

  it("leave to counting any value off the scale, fractional or NaN, wherever it sits", () => {
    const bad = fc.constantFrom("below", "above", "half", "hair", "nan");
    fc.assert(
      fc.property(wholeScores, fc.nat(), bad, ({ min, max, values }, at, kind) => {
        const copy = Float64Array.from(values);
        const i = at % copy.length;
        copy[i] = { below: min - 1, above: max + 1, half: min + 0.5, hair: max - 2 ** -40, nan: Number.NaN }[kind];
        expect(meanOfWholeScores(copy, min, max)).toBeUndefined();
        expect(sumWholeScores(copy, min, max)).toBeUndefined();
      }),
    );
  });

  it("leave to counting two values with the same fraction, wherever they sit (a fraction's sign slip would cancel them)", () => {
    fc.assert(
      fc.property(wholeScores, fc.nat(), fc.nat(), fc.constantFrom(0.5, 0.25), ({ min, max, values }, at1, at2, part) => {
        const copy = Float64Array.from(values);
        const i = at1 % copy.length;
        const j = (i + 1 + (at2 % (copy.length - 1))) % copy.length; // any other place
        copy[i] = min + part;
        copy[j] = Math.max(min, max - 1) + part;
        if (copy[j]! > max) return; // a scale of one point has no room for a fraction
        expect(meanOfWholeScores(copy, min, max)).toBeUndefined();
        expect(sumWholeScores(copy, min, max)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("leave short arrays, plain arrays and BigInt arrays to counting", () => {
    const short = new Int8Array(255).fill(3);
    expect(meanOfWholeScores(short, 1, 7)).toBeUndefined();
    expect(sumWholeScores(short, 1, 7)).toBeUndefined();
    const plain = new Array<number>(300).fill(3);
    expect(meanOfWholeScores(plain, 1, 7)).toBeUndefined();
    expect(sumWholeScores(plain, 1, 7)).toBeUndefined();
    const bigints = new BigInt64Array(300).fill(3n);
    expect(meanOfWholeScores(bigints, 1, 7)).toBeUndefined();
    expect(sumWholeScores(bigints, 1, 7)).toBeUndefined();
    // At exactly 256 the sums take over.
    expect(meanOfWholeScores(new Int8Array(256).fill(3), 1, 7)).toBe(3);
    expect(sumWholeScores(new Int8Array(256).fill(3), 1, 7)).toEqual({ n: 256, sum: 512, sumOfSquares: 1024, reaching: 0 });
  });

  it("sum scales reaching 2²⁰ either side of 0, and leave wider ones to counting", () => {
    const p = 2 ** 20;
    const ends = (n: number, min: number, max: number) => Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? min : max));
    expect(meanOfWholeScores(ends(256, -p, p), -p, p)).toBe(0);
    expect(meanOfWholeScores(ends(256, p - 1, p), p - 1, p)).toBe(p - 0.5);
    expect(meanOfWholeScores(ends(256, -p, -p + 1), -p, -p + 1)).toBe(-p + 0.5);
    expect(meanOfWholeScores(ends(256, p, p + 1), p, p + 1)).toBeUndefined();
    expect(meanOfWholeScores(ends(256, -p - 1, -p), -p - 1, -p)).toBeUndefined();
    expect(sumWholeScores(ends(256, p - 1, p), p - 1, p)).toEqual({ n: 256, sum: 128, sumOfSquares: 128, reaching: 128 });
    expect(sumWholeScores(ends(256, -p, -p + 1), -p, -p + 1)).toEqual({ n: 256, sum: 128, sumOfSquares: 128, reaching: 128 });
    expect(sumWholeScores(ends(256, p, p + 1), p, p + 1)).toBeUndefined();
    expect(sumWholeScores(ends(256, -p - 1, -p), -p - 1, -p)).toBeUndefined();
  });

  it("sum the squares only while n·(max − min)² stays under 2⁵³", () => {
    // On [−2²⁰, 2²⁰] a square is at most 2⁴², so 2¹¹ of them could reach 2⁵³.
    const p = 2 ** 20;
    const ends = (n: number) => Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -p : p));
    expect(sumWholeScores(ends(2047), -p, p)).toEqual({ n: 2047, sum: 1023 * 2 * p, sumOfSquares: 1023 * 4 * p * p, reaching: 1023 });
    expect(sumWholeScores(ends(2048), -p, p)).toBeUndefined();
    expect(meanOfWholeScores(ends(2048), -p, p)).toBe(0); // the mean needs no squares
  });
});
