import { describe, expect, it } from "vitest";
import { compareMeans, isMetricsError, MetricsInputError, MetricsTypeError, nps, trend } from "../src/index.ts";

/** The message of what `call` throws. */
function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(isMetricsError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error("did not throw");
}

describe("error messages", () => {
  it("show the value they got, in the form it was written", () => {
    expect(messageOf(() => nps([9], { scale: [1, 100_000] }))).toMatch(/got \[1, 100000\]$/);
    expect(messageOf(() => nps({ promoters: 0, passives: 0, detractors: 0 }))).toMatch(
      /got \{ promoters: 0, passives: 0, detractors: 0 \}$/,
    );
    expect(messageOf(() => trend([{ at: "Dec 17, 2025", v: 9 }], { time: "at", every: "month", metrics: { nps: "v" } }))).toMatch(
      /got "Dec 17, 2025"$/,
    );
    expect(messageOf(() => trend([{ at: new Date(Number.NaN), v: 9 }], { time: "at", every: "month", metrics: { nps: "v" } }))).toMatch(
      /got Invalid Date$/,
    );
    expect(messageOf(() => nps([9, -0.5]))).toMatch(/got -0.5$/);
    expect(messageOf(() => nps(new Uint8Array([9, 11]).subarray(0, 0)))).toMatch(/got Uint8Array \[\]$/);
  });

  it("shorten long values to about 80 characters", () => {
    const long = Array.from({ length: 500 }, (_, i) => i);
    const m = messageOf(() => compareMeans({ mean: 1, standardDeviation: -1, n: 3 }, long));
    expect(m).toMatch(/got -1$/);
    const shown = messageOf(() => nps({ promoters: 1, passives: 1, detractors: 1, extra: long } as never));
    expect(shown).toContain("input.extra is not a field of NPS counts");
    const big = messageOf(() => nps([9], { scale: long as never }));
    const got = big.slice(big.indexOf("; got ") + 6);
    expect(got.length).toBeLessThanOrEqual(80);
    expect(got).toMatch(/^\[0, 1, 2, .*…\]$/);
  });

  it("say when the value at fault is a default, and what to pass", () => {
    expect(messageOf(() => nps([1, 5], { scale: [1, 5] }))).toBe(
      "options.promoterFrom must be a score in (1, 5]; the default 9 does not fit this scale, so pass options.promoterFrom; got 9",
    );
  });

  it("carry code, argument and value, and are RangeError or TypeError", () => {
    try {
      nps([9, 11]);
    } catch (error) {
      expect(error).toBeInstanceOf(MetricsInputError);
      expect(error).toBeInstanceOf(RangeError);
      expect(error).toMatchObject({ code: "OUT_OF_RANGE", argument: "input[1]", value: 11, name: "MetricsInputError" });
    }
    try {
      nps([9], { confidence: 0.9 } as never);
    } catch (error) {
      expect(error).toBeInstanceOf(MetricsTypeError);
      expect(error).toBeInstanceOf(TypeError);
      expect(error).toMatchObject({ code: "INVALID_OPTION", argument: "options.confidence", value: 0.9 });
    }
  });
});
