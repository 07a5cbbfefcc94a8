import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { churnRate, MetricsTypeError, movementRates, mrrChurn, mrrMovements } from "../../src/index.ts";
import { CHANGES } from "./billing.ts";

describe("movementRates", () => {
  it("movementRates(report) gives each period's rates by the revenue functions, null where undefined (hand example)", () => {
    const rates = movementRates(mrrMovements(CHANGES));
    // January starts from nothing: no MRR or customers to divide by.
    expect(rates[0]).toEqual({
      period: "2026-01",
      grossMrrChurn: null,
      netMrrChurn: null,
      netRevenueRetention: null,
      grossRevenueRetention: null,
      quickRatio: null,
      customerChurn: null,
      trailing: null,
    });
    // February by hand: lost 80 churn + 80 contraction of 390; gained 90 new; 2 of 5 customers churned.
    expect(rates[1]).toMatchObject({
      grossMrrChurn: 160 / 390,
      netMrrChurn: 160 / 390,
      netRevenueRetention: 230 / 390,
      grossRevenueRetention: 230 / 390,
      quickRatio: 90 / 160,
      customerChurn: 2 / 5,
    });
    // March: only 50 of expansion on 320; nothing lost, so no quick ratio.
    expect(rates[2]).toMatchObject({
      grossMrrChurn: 0,
      netMrrChurn: -50 / 320,
      netRevenueRetention: 370 / 320,
      quickRatio: null,
      customerChurn: 0,
    });
  });

  it("movementRates(report, { trailing: 2 }) compounds the window's rates: retention multiplies, churn is 1 − Π(1 − rate)", () => {
    const rates = movementRates(mrrMovements(CHANGES), { trailing: 2 });
    expect(rates[1]!.trailing).toBeNull(); // the window holds January, which has no rates
    const t = rates[2]!.trailing!;
    expect(t.netRevenueRetention).toBeCloseTo((230 / 390) * (370 / 320), 15);
    expect(t.grossMrrChurn).toBeCloseTo(1 - (1 - 160 / 390) * (1 - 0), 15);
    expect(t.customerChurn).toBeCloseTo(1 - (1 - 2 / 5) * 1, 15);
    // April: NRR 1 (its 175 of new and reactivated MRR are not retention), so the window is March alone.
    expect(rates[3]!.trailing!.netRevenueRetention).toBeCloseTo((370 / 320) * 1, 15);
  });

  it("movementRates(report, { trailing }) fills a row only once its window is whole, and not when a period in it has no rates", () => {
    // From February on, the first period already has revenue to lose (January's), so its rates exist.
    const rates = movementRates(mrrMovements(CHANGES, { start: "2026-02-01" }), { trailing: 2 });
    expect(rates[0]!.grossMrrChurn).toBe(160 / 390);
    expect(rates[0]!.trailing).toBeNull(); // February alone is half a window
    expect(rates[1]!.trailing!.netRevenueRetention).toBeCloseTo((230 / 390) * (370 / 320), 15);
    const three = movementRates(mrrMovements(CHANGES, { start: "2026-02-01" }), { trailing: 3 });
    expect(three.map((r) => r.trailing === null)).toEqual([true, true, false, ...three.slice(3).map((r) => r.trailing === null)]);
  });

  it("movementRates(report) equals mrrChurn and churnRate applied to each row, for random histories", () => {
    const change = fc.record({
      customer: fc.integer({ min: 0, max: 8 }),
      day: fc.integer({ min: 0, max: 120 }),
      mrr: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
    });
    fc.assert(
      fc.property(
        fc.array(change, { minLength: 1, maxLength: 40 }),
        fc.constantFrom("start", "start-plus-new", "average" as const),
        (raw, denominator) => {
          const report = mrrMovements(
            raw.map((c, i) => ({ customer: c.customer, time: Date.UTC(2026, 0, 1 + c.day, 0, 0, i), mrr: c.mrr })),
          );
          const rates = movementRates(report, { denominator });
          report.periods.forEach((p, i) => {
            if (p.startingMrr > 0) expect(rates[i]!.netMrrChurn).toBe(mrrChurn(p).net);
            else expect(rates[i]!.netMrrChurn).toBeNull();
            let expected: number | null;
            try {
              expected = churnRate(p.customers, { denominator });
            } catch {
              expected = null;
            }
            expect(rates[i]!.customerChurn).toBe(expected);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("movementRates(x) rejects what is not an mrrMovements report, and unknown options", () => {
    expect(() => movementRates({ rows: [] } as never)).toThrow(MetricsTypeError);
    expect(() => movementRates(mrrMovements(CHANGES), { trailling: 3 } as never)).toThrow(/did you mean trailing\?/);
    expect(() => movementRates(mrrMovements(CHANGES), { trailing: 0 })).toThrow(/options.trailing/);
  });
});
