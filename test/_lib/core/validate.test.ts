import { describe, expect, it } from "vitest";
import { readOptions } from "../../../src/_lib/core/options.ts";
import { assertArrayLike, assertCount, assertFraction, assertInRange, assertScale } from "../../../src/_lib/core/validate.ts";
import { MetricsInputError, MetricsTypeError } from "../../../src/index.ts";
import { expectError } from "../../helpers.ts";

// The validators every export calls at its boundary, at the edges of what they accept: each
// edge value on both sides, with the error (kind, code, argument, message) written out by hand.
describe("the boundary validators", () => {
  it("a range includes its closed ends and excludes its open ones", () => {
    expect(assertInRange(1, "x", 1, 5)).toBe(1);
    expect(assertInRange(5, "x", 1, 5)).toBe(5);
    expect(assertInRange(1, "x", 1, 5, { openMax: true })).toBe(1);
    expectError(
      () => assertInRange(5, "x", 1, 5, { openMax: true }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "x",
      "x must be a number in [1, 5); got 5",
    );
    expectError(
      () => assertInRange(1, "x", 1, 5, { openMin: true }),
      MetricsInputError,
      "OUT_OF_RANGE",
      "x",
      "x must be a number in (1, 5]; got 1",
    );
    expectError(() => assertInRange(0.5, "x", 1, 5), MetricsInputError, "OUT_OF_RANGE", "x", "x must be a number in [1, 5]; got 0.5");
  });

  it("a fraction above 1 gets the percentage hint up to 100 included, and not past it", () => {
    const message = (x: number, hint: string) => `p must be a fraction in [0, 1]${hint}; got ${x}`;
    expectError(
      () => assertFraction(100, "p"),
      MetricsInputError,
      "OUT_OF_RANGE",
      "p",
      message(100, " (a fraction, not a percentage: did you mean 1?)"),
    );
    expectError(() => assertFraction(101, "p"), MetricsInputError, "OUT_OF_RANGE", "p", message(101, ""));
    expectError(() => assertFraction(-0.5, "p"), MetricsInputError, "OUT_OF_RANGE", "p", message(-0.5, ""));
  });

  it("a count is at most 2^53 − 1, the largest whole number a double holds exactly", () => {
    expect(assertCount(Number.MAX_SAFE_INTEGER, "n")).toBe(2 ** 53 - 1);
    expectError(
      () => assertCount(2 ** 53, "n"),
      MetricsInputError,
      "OUT_OF_RANGE",
      "n",
      "n must be a count <= Number.MAX_SAFE_INTEGER; got 9007199254740992",
    );
  });

  it("a scale is two whole numbers within ±2^31, min below max, at most 1000 apart", () => {
    const expected = "[min, max]: whole numbers from -2^31 to 2^31, min < max, at most 1000 apart";
    expect(assertScale([0, 1000], "s")).toEqual([0, 1000]);
    expect(assertScale([2 ** 31 - 10, 2 ** 31], "s")).toEqual([2 ** 31 - 10, 2 ** 31]);
    expect(assertScale([-(2 ** 31), -(2 ** 31) + 1], "s")).toEqual([-(2 ** 31), -(2 ** 31) + 1]);
    expect(assertScale([-500, 500], "s")).toEqual([-500, 500]);
    for (const scale of [["1", 5], [1, "5"], [1], [1, 2, 3], "1-5"]) {
      expectError(
        () => assertScale(scale, "s"),
        MetricsTypeError,
        "INVALID_TYPE",
        "s",
        `s must be ${expected}; got ${JSON.stringify(scale).replaceAll(",", ", ")}`,
      );
    }
    // Not whole, equal ends, too far apart (1100 apart, though the ends sum to 100).
    for (const [scale, shown] of [
      [[1.5, 5], "[1.5, 5]"],
      [[1, 5.5], "[1, 5.5]"],
      [[3, 3], "[3, 3]"],
      [[5, 1], "[5, 1]"],
      [[-600, 500], "[-600, 500]"],
      // Far past a double's range apart, yet summing to 0: out of range, not infinite.
      [[1e308, -1e308], "[1e+308, -1e+308]"],
      // Past ±2^31: at 2^53 a loop's s++ stands still (countsQuery looped until memory ran out in 1.0).
      [[2 ** 53, 2 ** 53 + 2], "[9007199254740992, 9007199254740994]"],
      [[2 ** 31, 2 ** 31 + 1], "[2147483648, 2147483649]"],
      [[-(2 ** 31) - 1, -(2 ** 31)], "[-2147483649, -2147483648]"],
    ] as const) {
      expectError(() => assertScale(scale, "s"), MetricsInputError, "OUT_OF_RANGE", "s", `s must be ${expected}; got ${shown}`);
    }
    expectError(
      () => assertScale([0, Number.POSITIVE_INFINITY], "s"),
      MetricsInputError,
      "NOT_FINITE",
      "s",
      `s must be ${expected}; got [0, Infinity]`,
    );
  });

  it("an array-like is an object with a numeric length: null and plain objects are not", () => {
    const list = [1, 2];
    expect(assertArrayLike(list, "xs")).toBe(list);
    for (const [value, shown] of [
      [null, "null"],
      [{}, "{}"],
      [{ length: "2" }, '{ length: "2" }'],
      ["12", '"12"'],
    ] as const) {
      expectError(
        () => assertArrayLike(value, "xs"),
        MetricsTypeError,
        "INVALID_TYPE",
        "xs",
        `xs must be an array or typed array of numbers; got ${shown}`,
      );
    }
  });

  it("an unknown option suggests a known one it starts with, however long the rest, and nothing for a key unlike any", () => {
    const known = ["confidence", "method"];
    expectError(
      () => readOptions({ confidenceLevelInPercent: 95 } as never, "npsSummary", known as never),
      MetricsTypeError,
      "INVALID_OPTION",
      "options.confidenceLevelInPercent",
      "options.confidenceLevelInPercent is not an option of npsSummary; did you mean confidence?",
    );
    // Six letters, all different from "method"'s: an edit distance of 6, over the limit of 2.
    expectError(
      () => readOptions({ abcxyz: 1 } as never, "npsSummary", known as never),
      MetricsTypeError,
      "INVALID_OPTION",
      "options.abcxyz",
      "options.abcxyz is not an option of npsSummary; known: confidence, method",
    );
    // Three letters of "method" replaced (m, h and d by x): three edits, over the limit of 2.
    expectError(
      () => readOptions({ xetxox: 1 } as never, "npsSummary", known as never),
      MetricsTypeError,
      "INVALID_OPTION",
      "options.xetxox",
      "options.xetxox is not an option of npsSummary; known: confidence, method",
    );
    // Two edits from "method": suggested.
    expectError(
      () => readOptions({ mehtod: "wald" } as never, "npsSummary", known as never),
      MetricsTypeError,
      "INVALID_OPTION",
      "options.mehtod",
      "options.mehtod is not an option of npsSummary; did you mean method?",
    );
  });
});
