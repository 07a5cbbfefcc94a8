import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countBytePairs } from "../../../src/_lib/count/bytePairs.ts";
import { countPlain } from "../../../src/_lib/count/count.ts";
import { csat, distribution, nps, npsSummary, tally } from "../../../src/index.ts";

// Every metric counts a long Uint8Array two scores at a time, through a table of pairs. Whatever
// the bytes, scale, bands and alignment, it must give what the score-by-score path gives (the
// same result, or the same error at the same index); a plain array takes that path.
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    return (error as Error).message;
  }
}

/** Bytes on [min, max] at any alignment, perhaps with one byte set to anything. */
const case_ = fc
  .record({
    min: fc.integer({ min: 0, max: 250 }),
    span: fc.integer({ min: 1, max: 11 }),
    length: fc.integer({ min: 9216, max: 12_000 }), // 64 × 12², enough for the table on any span here
    offset: fc.integer({ min: 0, max: 7 }),
    seed: fc.nat(),
    bad: fc.option(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { nil: undefined }),
  })
  .map(({ min, span, length, offset, seed, bad }) => {
    const max = Math.min(255, min + span);
    const buffer = new Uint8Array(length + offset);
    let x = seed;
    for (let i = 0; i < buffer.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      buffer[i] = min + ((x >>> 8) % (max - min + 1));
    }
    const bytes = buffer.subarray(offset); // any alignment
    if (bad !== undefined) bytes[bad.at % length] = bad.value;
    return { bytes, min, max };
  });

/** Counts per point of [min, max], one score at a time, or the error. */
function plainCounts(bytes: ArrayLike<number>, min: number, max: number): unknown {
  const counts = new Array<number>(max - min + 1).fill(0);
  return outcome(() => {
    countPlain(bytes, min, max, counts, 0);
    return counts;
  });
}

describe("counting bytes two at a time", () => {
  it("countBytePairs: the score-by-score counts when every byte is on the scale; false and nothing counted otherwise (property)", () => {
    fc.assert(
      fc.property(case_, ({ bytes, min, max }) => {
        const counts = new Array<number>(max - min + 1).fill(1);
        const counted = countBytePairs(bytes, min, max, counts);
        const valid = bytes.every((x) => x >= min && x <= max);
        expect(counted).toBe(valid);
        const plain = plainCounts(bytes, min, max);
        expect(counts).toEqual(valid ? (plain as number[]).map((c) => c + 1) : new Array(max - min + 1).fill(1));
        // The table is left clear either way: the next count starts from nothing.
        const again = new Array<number>(max - min + 1).fill(0);
        const clean = bytes.map((b) => (b < min || b > max ? min : b));
        expect(countBytePairs(clean, min, max, again)).toBe(true);
        expect(again).toEqual(plainCounts(clean, min, max));
      }),
      { numRuns: 200 },
    );
  });

  it("counts a run of one score, the whole 0-255 scale, and Uint8ClampedArray", () => {
    const tens = new Uint8Array(10_001).fill(10);
    const counts = new Array<number>(11).fill(0);
    expect(countBytePairs(tens, 0, 10, counts)).toBe(true);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10_001]);
    const all = Uint8Array.from({ length: 64 * 256 ** 2 + 3 }, (_, i) => i % 256);
    const wide = new Array<number>(256).fill(0);
    expect(countBytePairs(all, 0, 255, wide)).toBe(true);
    expect(wide).toEqual(plainCounts(all, 0, 255));
    expect(tally(new Uint8ClampedArray(tens), { scale: [0, 10] }).counts[10]).toBe(10_001);
  });

  it("leaves short arrays, scales the table does not pay for, and scales off 0-255 to the ordinary loops", () => {
    const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    // 64 × 11² = 7,744 scores are the least a 0-10 scale takes the table for.
    expect(countBytePairs(new Uint8Array(7743).fill(3), 0, 10, counts)).toBe(false);
    expect(countBytePairs(new Uint8Array(7744).fill(3), 0, 10, counts)).toBe(true);
    expect(counts[3]).toBe(7744);
    expect(countBytePairs(new Uint8Array(4095).fill(3), 3, 3, [0])).toBe(false);
    expect(countBytePairs(new Uint8Array(4096).fill(3), 3, 3, [0])).toBe(true);
    expect(countBytePairs(new Uint8Array(20_000), -1, 10, new Array(12).fill(0))).toBe(false);
    expect(countBytePairs(new Uint8Array(20_000), 0, 256, new Array(257).fill(0))).toBe(false);
    expect(countBytePairs(new Uint8Array(4_194_303), 0, 255, new Array(256).fill(0))).toBe(false);
    // A scale past 255 long enough for the table (64 × 257²): its 256th row would read the next quarter.
    expect(countBytePairs(new Uint8Array(64 * 257 ** 2).fill(3), 0, 256, new Array(257).fill(0))).toBe(false);
  });

  it("checks the bytes before the first whole word and after the last one, which the table never sees", () => {
    // Offset 1: bytes 0-2 come before the first 4-byte boundary; 10,003 − 3 = 2,500 words and 0 left,
    // so the last byte of 10,004 − 3 is after the last word.
    for (const [length, at] of [
      [10_003, 0],
      [10_003, 2],
      [10_004, 10_003],
    ] as const) {
      const bytes = new Uint8Array(length + 1).fill(9).subarray(1);
      bytes[at] = 11;
      const counts = new Array<number>(11).fill(0);
      expect(countBytePairs(bytes, 0, 10, counts), `${length}: ${at}`).toBe(false);
      expect(counts).toEqual(new Array(11).fill(0));
      expect(() => nps(bytes)).toThrow(new RegExp(`^input\\[${at}\\] must be a whole number from 0 to 10; got 11`));
    }
    // and below the scale's low end, on 1-10
    for (const at of [0, 10_003]) {
      const bytes = new Uint8Array(10_005).fill(9).subarray(1);
      bytes[at] = 0;
      expect(countBytePairs(bytes, 1, 10, new Array<number>(10).fill(0)), `${at}`).toBe(false);
    }
  });

  it("nps, npsSummary, csat, tally and distribution: the same result as one score at a time, or the same error (property)", () => {
    fc.assert(
      fc.property(case_, fc.nat(), fc.nat(), ({ bytes, min, max }, a, b) => {
        const plain = Array.from(bytes);
        const span = max - min;
        const promoterFrom = min + 1 + (a % span);
        const passiveFrom = min + (b % (promoterFrom - min));
        const npsOptions = { scale: [min, max] as const, promoterFrom, passiveFrom };
        expect(outcome(() => npsSummary(bytes, npsOptions))).toEqual(outcome(() => npsSummary(plain, npsOptions)));
        expect(outcome(() => nps(bytes, npsOptions))).toEqual(outcome(() => nps(plain, npsOptions)));
        const csatOptions = { scale: [min, max] as const, satisfiedFrom: promoterFrom };
        expect(outcome(() => csat(bytes, csatOptions))).toEqual(outcome(() => csat(plain, csatOptions)));
        const scale = { scale: [min, max] as const };
        expect(outcome(() => tally(bytes, scale))).toEqual(outcome(() => tally(plain, scale)));
        expect(outcome(() => distribution(bytes, scale))).toEqual(outcome(() => distribution(plain, scale)));
      }),
      { numRuns: 150 },
    );
  });

  it("finds a byte off the scale in any position: the error names its index", () => {
    const bytes = new Uint8Array(10_000).fill(9);
    for (const at of [0, 1, 2, 3, 4, 5, 4095, 4096, 9998, 9999]) {
      for (const value of [11, 128, 255]) {
        const b = bytes.slice();
        b[at] = value;
        expect(() => nps(b), `${at}: ${value}`).toThrow(new RegExp(`^input\\[${at}\\] must be a whole number from 0 to 10; got ${value}`));
      }
    }
    const low = new Uint8Array(8192).fill(5);
    low[777] = 0;
    expect(() => nps(low, { scale: [1, 10] })).toThrow(/^input\[777\] must be a whole number from 1 to 10; got 0/);
    expect(() => csat(low)).toThrow(/^responses\[777\] must be a whole number from 1 to 5; got 0/);
    expect(() => tally(low, { scale: [1, 5] })).toThrow(/^scores\[777\] must be a whole number from 1 to 5; got 0/);
  });
});
