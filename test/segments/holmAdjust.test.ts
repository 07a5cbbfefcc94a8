import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holmAdjust, MetricsInputError } from "../../src/index.ts";
import { expectRelative } from "../helpers.ts";

describe("holmAdjust", () => {
  it("matches R's p.adjust(p, 'holm')", () => {
    // R 4.2: p.adjust(c(0.01, 0.04, 0.03), "holm") = 0.03 0.06 0.06
    const a = holmAdjust([0.01, 0.04, 0.03]);
    for (const [i, v] of [0.03, 0.06, 0.06].entries()) expectRelative(a[i]!, v, 1e-15);
    // R 4.2: p.adjust(c(0.2, 0.001, 0.5, 0.04, 0.0301), "holm") = 0.4 0.005 0.5 0.1204 0.1204
    const b = holmAdjust([0.2, 0.001, 0.5, 0.04, 0.0301]);
    for (const [i, v] of [0.4, 0.005, 0.5, 0.1204, 0.1204].entries()) expectRelative(b[i]!, v, 1e-14);
    // A plain array of one adjusted value per p-value: nothing else on it (JSON and spreads see the same).
    expect(Object.keys(b)).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("never lowers a p-value and stays in [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (ps) => {
        holmAdjust(ps).forEach((q, i) => {
          expect(q).toBeGreaterThanOrEqual(ps[i]!);
          expect(q).toBeLessThanOrEqual(1);
        });
      }),
    );
    expect(() => holmAdjust([0.5, 1.5])).toThrow(MetricsInputError);
  });
});
