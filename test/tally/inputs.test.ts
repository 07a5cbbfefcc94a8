// Scale input given as a tally or { counts }: every field checked and named, moments exact for
// tallies too large for doubles, and the weights option of the comparisons read strictly.
import { describe, expect, it } from "vitest";
import { cesSummary, compareCes, compareCsat, csat, MetricsInputError, MetricsTypeError, tally } from "../../src/index.ts";
import { expectError } from "../helpers.ts";

describe("a tally as input", () => {
  it("needs one count per point of its scale, in an array", () => {
    for (const counts of ["12345", null, [1, 2, 3, 4]]) {
      expectError(
        () => csat({ scale: [1, 5], counts } as never),
        MetricsInputError,
        "OUT_OF_RANGE",
        "responses.counts",
        `responses.counts must be 5 counts, one per point of the scale [1, 5]; got ${counts === null ? "null" : typeof counts === "string" ? '"12345"' : "[1, 2, 3, 4]"}`,
      );
    }
    expectError(
      () => csat({ scale: [1, 5], counts: [1, 1, 1, 1, 1], missing: -1 }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "responses.missing",
      "responses.missing must be a count >= 0; got -1",
    );
    expect(() => csat({ scale: [5, 1], counts: [1, 1, 1, 1, 1] })).toThrow(expect.objectContaining({ argument: "responses.scale" }));
  });

  it("must agree with options.scale, and is neither responses nor { counts } when it has neither field", () => {
    expectError(
      () => csat({ scale: [1, 5], counts: [1, 1, 1, 1, 1] }, { scale: [1, 7] }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "responses.scale",
      "responses.scale must be options.scale, [1, 7]; got [1, 5]",
    );
    expectError(
      () => csat({} as never),
      MetricsTypeError,
      "INVALID_TYPE",
      "responses",
      "responses must be an array of responses, a tally { scale, counts }, or { counts }; got {}",
    );
    // { counts } takes the scale from the options (1-5 by default for CSAT).
    expect(csat({ counts: [0, 0, 0, 1, 1] })).toBe(1);
  });

  it("too large for doubles: the variance is exact, 100·a·b/(n(n − 1)) for a scores of 10 and b of 0", () => {
    // n·span² ≥ 2⁵³: the sum Σd² = 100·a would round in doubles (100·(2⁵⁰ + 1) needs 57 bits).
    const a = 2 ** 50 + 1;
    const b = 3;
    const n = a + b;
    const counts = [b, 0, 0, 0, 0, 0, 0, 0, 0, 0, a];
    const summary = cesSummary({ scale: [0, 10], counts });
    const variance = (100 * a * b) / (n * (n - 1));
    expect(summary.n).toBe(n);
    expect(Math.abs(summary.standardDeviation / Math.sqrt(variance) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(summary.estimate - (10 * a) / n)).toBeLessThanOrEqual(1e-14);
  });

  it("too large for doubles on a wide scale: the unbiased variance divides by n(n − 1), not n²", () => {
    // Scale [0, 1000], 5·10⁹ scores at each end: n·span² = 10¹⁶ ≥ 2⁵³, so the BigInt path. The
    // variance is 1000²·a·b/(n(n − 1)) = 1000²/4 · n/(n − 1): the unbiased factor n/(n − 1) differs
    // from 1 by 10⁻¹⁰, well above the rounding of doubles.
    const a = 5e9;
    const counts = Array.from({ length: 1001 }, (_, i) => (i === 0 || i === 1000 ? a : 0));
    const n = 2 * a;
    const summary = cesSummary({ scale: [0, 1000], counts });
    expect(summary.estimate).toBe(500);
    expect(Math.abs(summary.standardDeviation / (500 * Math.sqrt(n / (n - 1))) - 1)).toBeLessThan(1e-14);
  });
});

describe("the weights option of a comparison", () => {
  it("is { a, b }, both given, known keys only", () => {
    expectError(
      () => compareCsat([5, 4], [3, 4], { weights: [1, 2] as never }),
      MetricsTypeError,
      "INVALID_TYPE",
      "options.weights",
      "options.weights must be { a, b }: one array of weights per sample; got [1, 2]",
    );
    expectError(
      () => compareCsat([5, 4], [3, 4], { weights: { a: [1, 1] } as never }),
      MetricsTypeError,
      "INVALID_TYPE",
      "options.weights",
      "options.weights must be { a, b }: one array of weights per sample, both given; got { a: […] }",
    );
    expect(() => compareCsat([5, 4], [3, 4], { weights: { a: [1, 1], b: [1, 1], c: [1] } as never })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION", argument: "options.weights.c" }),
    );
    expect(() => compareCes([5, 4], [3, 4], { weights: { a: [1, -1], b: [1, 1] } })).toThrow(
      expect.objectContaining({ argument: "options.weights.a[1]" }),
    );
    expect(() => compareCes([5, 4], [3, 4], { weights: { a: [1, 1], b: [1, -1] } })).toThrow(
      expect.objectContaining({ argument: "options.weights.b[1]" }),
    );
  });

  it("a weighted tally compared with an unweighted sample names the unweighted one", () => {
    const weighted = tally([5, 4, 3], { scale: [1, 5], weights: [1, 2, 1] });
    expectError(
      () => compareCsat(weighted, [3, 4]),
      MetricsTypeError,
      "INVALID_TYPE",
      "b",
      "b must be a weighted sample, as a is: compare weighted with weighted (weights: { a, b }) or unweighted with unweighted; got [3, 4]",
    );
    expectError(
      () => compareCsat([3, 4], weighted),
      MetricsTypeError,
      "INVALID_TYPE",
      "a",
      "a must be a weighted sample, as b is: compare weighted with weighted (weights: { a, b }) or unweighted with unweighted; got [3, 4]",
    );
  });
});

describe("the weights option of a comparison, each way it can be wrong", () => {
  it("a number, an unknown key and a missing a each get their own message", () => {
    const expected = "options.weights must be { a, b }: one array of weights per sample";
    expectError(
      () => compareCsat([5], [4], { weights: 5 as never }),
      MetricsTypeError,
      "INVALID_TYPE",
      "options.weights",
      `${expected}; got 5`,
    );
    expect(() => compareCsat([5], [4], { weights: { a: [1], b: [1], c: [1] } as never })).toThrow(
      /^options\.weights\.c is not a sample's weights; did you mean a\?$/,
    );
    expectError(
      () => compareCsat([5], [4], { weights: { b: [1] } as never }),
      MetricsTypeError,
      "INVALID_TYPE",
      "options.weights",
      `${expected}, both given; got { b: […] }`,
    );
  });
});
