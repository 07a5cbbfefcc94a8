import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countBytesAtLeast } from "../../src/_lib/swar.ts";
import { csat, nps, npsSummary } from "../../src/index.ts";

// nps, npsSummary and csat count a long Uint8Array four scores per 32-bit word. Whatever the
// bytes, scale, bands and alignment, they must give what the score-by-score path gives (the same
// result, or the same error at the same index); a plain array takes that path.
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    return (error as Error).message;
  }
}

const case_ = fc
  .record({
    min: fc.integer({ min: 0, max: 100 }),
    span: fc.integer({ min: 2, max: 27 }),
    length: fc.integer({ min: 1024, max: 4000 }),
    offset: fc.integer({ min: 0, max: 7 }),
    seed: fc.nat(),
    bad: fc.option(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { nil: undefined }),
  })
  .map(({ min, span, length, offset, seed, bad }) => {
    const max = Math.min(127, min + span);
    const buffer = new Uint8Array(length + offset);
    let x = seed;
    for (let i = 0; i < buffer.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      buffer[i] = min + (x % (max - min + 1));
    }
    const bytes = buffer.subarray(offset); // any alignment
    if (bad !== undefined) bytes[bad.at % length] = bad.value;
    return { bytes, min, max };
  });

describe("counting bytes a word at a time", () => {
  it("countBytesAtLeast: the brute-force counts when every byte is on the scale, undefined otherwise (property)", () => {
    fc.assert(
      fc.property(case_, fc.nat(), fc.nat(), ({ bytes, min, max }, a, b) => {
        const t1 = min + (a % (max - min + 1));
        const t2 = min + (b % (max - min + 1));
        const valid = bytes.every((x) => x >= min && x <= max);
        const brute = [bytes.filter((x) => x >= t1).length, bytes.filter((x) => x >= t2).length];
        expect(countBytesAtLeast(bytes, min, max, t1, t2)).toEqual(valid ? brute : undefined);
      }),
      { numRuns: 300 },
    );
    expect(countBytesAtLeast(new Uint8Array(2000).fill(9), 0, 10, 9, 7)).toEqual([2000, 2000]);
  });

  it("nps and npsSummary: the same counts as one score at a time, or the same error (property)", () => {
    fc.assert(
      fc.property(case_, fc.nat(), fc.nat(), ({ bytes, min, max }, a, b) => {
        const span = max - min;
        const promoterFrom = min + 1 + (a % span);
        const passiveFrom = min + (b % (promoterFrom - min));
        const options = { scale: [min, max] as const, promoterFrom, passiveFrom };
        const plain = Array.from(bytes);
        expect(outcome(() => npsSummary(bytes, options))).toEqual(outcome(() => npsSummary(plain, options)));
        expect(outcome(() => nps(bytes, options))).toEqual(outcome(() => nps(plain, options)));
      }),
      { numRuns: 300 },
    );
  });

  it("csat: the same share as one score at a time, or the same error (property)", () => {
    fc.assert(
      fc.property(case_, fc.nat(), ({ bytes, min, max }, a) => {
        const satisfiedFrom = min + 1 + (a % (max - min));
        const options = { scale: [min, max] as const, satisfiedFrom };
        expect(outcome(() => csat(bytes, options))).toEqual(outcome(() => csat(Array.from(bytes), options)));
      }),
      { numRuns: 300 },
    );
  });

  it("finds a byte off the scale in any position of any block: the error names its index", () => {
    const bytes = new Uint8Array(5000).fill(9);
    for (const at of [0, 1, 3, 4, 1015, 1016, 2031, 4999]) {
      for (const value of [11, 128, 255]) {
        const b = bytes.slice();
        b[at] = value;
        expect(() => nps(b), `${at}: ${value}`).toThrow(new RegExp(`^input\\[${at}\\] must be a whole number from 0 to 10; got ${value}`));
      }
    }
    const low = new Uint8Array(2048).fill(5);
    low[777] = 0;
    expect(() => nps(low, { scale: [1, 10] })).toThrow(/^input\[777\] must be a whole number from 1 to 10; got 0/);
    expect(() => csat(low)).toThrow(/^responses\[0\] must be a whole number from 1 to 5; got 5|^responses\[777\]/);
  });
});
