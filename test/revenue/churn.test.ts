import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MetricsInputError, churnRate, compoundRate, periodicRate, retentionRate } from "../../src/index.ts";
import { expectRelative } from "../helpers.ts";

describe("churnRate", () => {
  it("divides by the chosen base", () => {
    expect(churnRate({ customersAtStart: 1000, customersLost: 50 })).toBe(0.05);
    expect(churnRate({ customersAtStart: 1000, customersLost: 50, newCustomers: 250, denominator: "start-plus-new" })).toBe(0.04);
    expect(churnRate({ customersAtStart: 1000, customersLost: 50, customersAtEnd: 1200, denominator: "average" })).toBe(50 / 1100);
  });

  it("orders the bases for a growing business: start-plus-new <= start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.nat(1e6), fc.double({ min: 0, max: 1, noNaN: true }), (start, fresh, share) => {
        const lost = Math.floor(share * start);
        const a = churnRate({ customersAtStart: start, customersLost: lost });
        const b = churnRate({ customersAtStart: start, customersLost: lost, newCustomers: fresh, denominator: "start-plus-new" });
        expect(b).toBeLessThanOrEqual(a);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("rejects lost > base, a missing count, and zero customers", () => {
    expect(() => churnRate({ customersAtStart: 10, customersLost: 11 })).toThrow(/input.customersLost must be at most input.customersAtStart \(10\); got 11/);
    expect(() => churnRate({ customersAtStart: 10, customersLost: 1, denominator: "average" })).toThrow(/customersAtEnd/);
    expect(() => churnRate({ customersAtStart: 10, customersLost: 1, denominator: "start-plus-new" })).toThrow(/newCustomers/);
    expect(() => churnRate({ customersAtStart: 0, customersLost: 0 })).toThrow(MetricsInputError);
    expect(() => churnRate({ customersAtStart: 10, customersLost: -1 })).toThrow(MetricsInputError);
    expect(() => churnRate({ customersAtStart: 10, customersLost: 1, denominator: "end" as never })).toThrow(TypeError);
  });
});

describe("retentionRate", () => {
  it("is (E - N) / S and complements start-based churn when the counts are consistent", () => {
    expect(retentionRate({ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 })).toBe(0.9);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.nat(1e6), fc.double({ min: 0, max: 1, noNaN: true }), (start, fresh, share) => {
        const lost = Math.floor(share * start);
        const end = start - lost + fresh;
        const retained = retentionRate({ customersAtStart: start, customersAtEnd: end, newCustomers: fresh });
        expect(retained + churnRate({ customersAtStart: start, customersLost: lost })).toBeCloseTo(1, 14);
      }),
    );
  });

  it("rejects inconsistent counts", () => {
    expect(() => retentionRate({ customersAtStart: 100, customersAtEnd: 10, newCustomers: 20 })).toThrow(MetricsInputError);
    expect(() => retentionRate({ customersAtStart: 100, customersAtEnd: 300, newCustomers: 20 })).toThrow(MetricsInputError);
    expect(() => retentionRate({ customersAtStart: 0, customersAtEnd: 0, newCustomers: 0 })).toThrow(MetricsInputError);
  });
});

describe("compoundRate and periodicRate", () => {
  it("5% a month is 45.96% a year (R 4.2: 1 - 0.95^12 = 0.45963991233736334)", () => {
    expectRelative(compoundRate(0.05, 12), 0.45963991233736334, 1e-15);
    // R 4.2: 1 - (1 - 0.4)^(1/12) = 0.041675471372851991
    expectRelative(periodicRate(0.4, 12), 0.041675471372851991, 1e-14);
  });

  it("keeps digits for tiny rates, where 1 - (1 - r)^k would cancel", () => {
    // Binomial expansion: 1 - (1 - 1e-10)^12 = 12e-10 - 66e-20 + …; R's 1 - (1 - 1e-10)^12 gives
    // 1.2000000992884452e-09, wrong from the 8th digit.
    expectRelative(compoundRate(1e-10, 12), 1.2e-9 - 66e-20, 1e-15);
  });

  it("are inverses, stay in [0, 1] and grow with the number of periods", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.double({ min: 0.1, max: 120, noNaN: true }), (r, k) => {
        const c = compoundRate(r, k);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
        expect(compoundRate(r, k + 1)).toBeGreaterThanOrEqual(c);
        if (c < 0.999999) expect(periodicRate(c, k)).toBeCloseTo(r, 9);
      }),
    );
    expect(compoundRate(1, 3)).toBe(1);
    expect(compoundRate(0, 3)).toBe(0);
  });

  it("rejects rates outside [0, 1] and non-positive periods", () => {
    expect(() => compoundRate(1.5, 12)).toThrow(/rate/);
    expect(() => compoundRate(0.05, 0)).toThrow(/periods/);
    expect(() => periodicRate(-0.1, 12)).toThrow(MetricsInputError);
  });
});
