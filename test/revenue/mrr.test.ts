import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grossRevenueRetention, MetricsInputError, mrrChurn, netRevenueRetention, quickRatio } from "../../src/index.ts";
import { expectAbsolute } from "../helpers.ts";

const movement = fc.double({ min: 0, max: 1e6, noNaN: true });

describe("mrrChurn, netRevenueRetention, grossRevenueRetention", () => {
  it("worked example: 100k start, 3k churned, 1k contraction, 6k expansion", () => {
    const input = { startingMrr: 100000, churnedMrr: 3000, contractionMrr: 1000, expansionMrr: 6000 };
    expect(mrrChurn(input)).toEqual({ gross: 0.04, net: -0.02 });
    expect(netRevenueRetention(input)).toBe(1.02);
    expect(grossRevenueRetention(input)).toBe(0.96);
  });

  it("matches ChurnZero's published example: $27,000 start, $8,000 upsells, $5,000 churn give NRR 111%", () => {
    // ChurnZero, "Churnopedia: Net Revenue Retention": enters January at $27,000 MRR, upsells
    // take the same customers to $35,000, $5,000 churns; NRR = $30,000 / $27,000 = 111%.
    expect(netRevenueRetention({ startingMrr: 27000, expansionMrr: 8000, churnedMrr: 5000 })).toBeCloseTo(30000 / 27000, 15);
    expect(Math.round(100 * netRevenueRetention({ startingMrr: 27000, expansionMrr: 8000, churnedMrr: 5000 }))).toBe(111);
  });

  it("identities: NRR = 1 − net churn without reactivation; GRR = 1 − gross churn; GRR <= NRR", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e7, noNaN: true }), movement, movement, movement, (start, a, b, expansion) => {
        const churnedMrr = Math.min(a, start / 2);
        const contractionMrr = Math.min(b, start / 2);
        const input = { startingMrr: start, churnedMrr, contractionMrr, expansionMrr: expansion };
        const c = mrrChurn(input);
        // Both sides are differences of terms of size up to 1 + expansion/start: compare on that
        // scale, since a retention near 0 is a cancellation whichever way it is written.
        const scale = 1 + expansion / start;
        expectAbsolute(netRevenueRetention(input), 1 - c.net, 1e-14 * scale);
        expectAbsolute(grossRevenueRetention(input), 1 - c.gross, 1e-14);
        expect(grossRevenueRetention(input)).toBeLessThanOrEqual(netRevenueRetention(input) + 1e-12);
        expect(c.gross).toBeGreaterThanOrEqual(0);
        expect(c.gross).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("reactivation lowers net churn but not NRR", () => {
    const base = { startingMrr: 1000, churnedMrr: 100 };
    expect(mrrChurn({ ...base, reactivationMrr: 50 }).net).toBe(0.05);
    expect(netRevenueRetention({ ...base, reactivationMrr: 50 })).toBe(0.9);
  });

  it("rejects losing more than the start, negative money and a zero start", () => {
    expect(() => mrrChurn({ startingMrr: 100, churnedMrr: 80, contractionMrr: 30 })).toThrow(MetricsInputError);
    expect(() => mrrChurn({ startingMrr: 100, churnedMrr: -1 })).toThrow(/movements.churnedMrr must be a number >= 0; got -1/);
    expect(() => netRevenueRetention({ startingMrr: 0 })).toThrow(/startingMrr/);
    expect(() => grossRevenueRetention({ startingMrr: Number.NaN })).toThrow(MetricsInputError);
  });

  it("mrrChurn({ startingMrr, churned }) rejects the misspelt field (0.1.0 returned { gross: 0, net: 0 })", () => {
    expect(() => mrrChurn({ startingMrr: 100, churned: 5 } as never)).toThrow(
      "movements.churned is not a field of mrrChurn's movements; did you mean churnedMrr?",
    );
  });

  it("mrrChurn(movements) takes a whole movement row and checks it adds up to endingMrr", () => {
    const row = {
      startingMrr: 1000,
      newMrr: 200,
      expansionMrr: 50,
      contractionMrr: 30,
      churnedMrr: 100,
      reactivationMrr: 10,
      endingMrr: 1130,
    };
    expect(mrrChurn(row)).toEqual({ gross: 0.13, net: 0.07 });
    expect(quickRatio(row)).toBe(260 / 130);
    expect(() => mrrChurn({ ...row, endingMrr: 1000 })).toThrow(
      /movements.endingMrr must be starting \+ new \+ expansion \+ reactivation − contraction − churned = 1130/,
    );
  });
});

describe("quickRatio", () => {
  it("matches ProfitWell's published examples: $24K / $4K = 6 and $30K / $10K = 3", () => {
    // ProfitWell (Paddle), "SaaS Quick Ratio": (New + Expansion) / (Contraction + Churned).
    expect(quickRatio({ newMrr: 20000, expansionMrr: 4000, churnedMrr: 3000, contractionMrr: 1000 })).toBe(6);
    expect(quickRatio({ newMrr: 25000, expansionMrr: 5000, churnedMrr: 6000, contractionMrr: 4000 })).toBe(3);
  });

  it("is (new + expansion) / (churned + contraction)", () => {
    expect(quickRatio({ newMrr: 10000, expansionMrr: 5000, churnedMrr: 3000, contractionMrr: 2000 })).toBe(3);
    expect(quickRatio({ newMrr: 10000, expansionMrr: 5000, churnedMrr: 3000, contractionMrr: 2000, reactivationMrr: 5000 })).toBe(4);
  });

  it("is unbounded (an error) when nothing was lost, and rejects negative money", () => {
    expect(() => quickRatio({ newMrr: 1, expansionMrr: 0, churnedMrr: 0, contractionMrr: 0 })).toThrow(MetricsInputError);
    expect(() => quickRatio({ newMrr: -1, expansionMrr: 0, churnedMrr: 1, contractionMrr: 0 })).toThrow(MetricsInputError);
  });
});
