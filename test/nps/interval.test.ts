// The bisection behind the Tango score interval for NPS (src/nps/interval.ts): its steps are
// exact in doubles on [0, 1], so each result below is worked by hand.
import { describe, expect, it } from "vitest";
import { bisect } from "../../src/_lib/core/math.ts";

describe("bisect", () => {
  it("halves the bracket while it is wider than tol and returns the midpoint of what is left", () => {
    // [0, 1] → f(0.5) > 0 → [0, 0.5] → f(0.25) < 0 → [0.25, 0.5], as wide as tol: its midpoint.
    expect(bisect((x) => x - 0.3, 0, 1, 0.25)).toBe(0.375);
    // Decreasing f: the same brackets, read the other way round.
    expect(bisect((x) => 0.3 - x, 0, 1, 0.25)).toBe(0.375);
  });

  it("returns a midpoint where f is exactly 0", () => {
    expect(bisect((x) => x - 0.5, 0, 1, 0.25)).toBe(0.5);
  });

  it("stops after 200 halvings when tol is 0 and no double is an exact root (the bracket stops shrinking at one ulp)", () => {
    let calls = 0;
    const root = bisect(
      (x) => {
        calls++;
        return x * x - 2;
      },
      1,
      2,
      0,
    );
    expect(calls).toBe(201);
    expect(Math.abs(root - Math.SQRT2)).toBeLessThanOrEqual(Number.EPSILON);
  });
});
