// Accuracy at 10^8 values (fuzz run only: it allocates 900 MB).
import { describe, expect, it } from "vitest";
import { compareMeans, nps, tally } from "../../src/index.ts";
import { relativeError, toRational } from "./exact.ts";

const N = 100_000_000;

describe("10^8 values", () => {
  it("the mean of 10^8 raw values is correct to the last bit or two (compensated summation)", () => {
    // v_i = 1e9 + 0.1·(i mod 10): ten distinct doubles, each 10^7 times. Their exact sum is
    // Σ_k 10^7 · v_k over the doubles actually stored, computed with BigInt.
    const values = new Float64Array(N);
    for (let i = 0; i < N; i++) values[i] = 1e9 + 0.1 * (i % 10);
    let num = 0n;
    let den = 1n;
    for (let k = 0; k < 10; k++) {
      const [a, b] = toRational(values[k]!);
      num = num * b + a * BigInt(N / 10) * den;
      den *= b;
    }
    const mean = compareMeans(values, { mean: 0, standardDeviation: 1, n: 2 }).difference;
    expect(relativeError(mean, num, den * BigInt(N))).toBeLessThanOrEqual(2 ** -52);
  });

  it("counts and NPS of 10^8 scores are exact", () => {
    const scores = new Uint8Array(N);
    for (let i = 0; i < N; i++) scores[i] = i % 11;
    const t = tally(scores, { scale: [0, 10] });
    expect(t.counts.reduce((a, b) => a + b, 0)).toBe(N);
    // 0-10 repeated: per 11 scores 2 promoters and 7 detractors; the remainder 1 score (a 0).
    const cycles = Math.floor(N / 11);
    const promoters = 2 * cycles;
    const detractors = 7 * cycles + (N % 11);
    expect(nps(scores)).toBe((100 * (promoters - detractors)) / N);
  });
});
