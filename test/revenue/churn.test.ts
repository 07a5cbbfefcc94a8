import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { churnRate, compoundRate, MetricsInputError, MetricsTypeError, periodicRate, retentionRate } from "../../src/index.ts";
import { expectRelative } from "../helpers.ts";

describe("churnRate", () => {
  it("churnRate(customers) rejects a misspelt or 0.1.0 field name, suggesting the new one", () => {
    expect(() => churnRate({ customersAtStart: 10, customersLost: 1 } as never)).toThrow(
      /customers.customersAtStart is not a field of churnRate's customers/,
    );
    expect(() => churnRate({ starting: 10, lost: 1 } as never)).toThrow(MetricsTypeError);
    expect(() => churnRate({ starting: 10, churned: 1 }, { denominator: "start", base: 1 } as never)).toThrow(
      /options.base is not an option of churnRate/,
    );
  });

  it("churnRate(customers) checks that given counts add up: starting + new + reactivated − churned = ending", () => {
    expect(churnRate({ starting: 100, churned: 5, new: 10, reactivated: 1, ending: 106 })).toBe(0.05);
    expect(() => churnRate({ starting: 100, churned: 5, new: 10, ending: 104 })).toThrow(
      /customers.ending must be starting \+ new \+ reactivated − churned = 105/,
    );
  });

  it("divides by the chosen base", () => {
    expect(churnRate({ starting: 1000, churned: 50 })).toBe(0.05);
    expect(churnRate({ starting: 1000, churned: 50, new: 250 }, { denominator: "start-plus-new" })).toBe(0.04);
    expect(churnRate({ starting: 1000, churned: 50, ending: 1200 }, { denominator: "average" })).toBe(50 / 1100);
  });

  it("orders the bases for a growing business: start-plus-new <= start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.nat(1e6), fc.double({ min: 0, max: 1, noNaN: true }), (start, fresh, share) => {
        const lost = Math.floor(share * start);
        const a = churnRate({ starting: start, churned: lost });
        const b = churnRate({ starting: start, churned: lost, new: fresh }, { denominator: "start-plus-new" });
        expect(b).toBeLessThanOrEqual(a);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("rejects lost > base, a missing count, and zero customers", () => {
    expect(() => churnRate({ starting: 10, churned: 11 })).toThrow(/customers.churned must be at most customers.starting \(10\); got 11/);
    expect(() => churnRate({ starting: 10, churned: 1 }, { denominator: "average" })).toThrow(/customers.ending/);
    expect(() => churnRate({ starting: 10, churned: 1 }, { denominator: "start-plus-new" })).toThrow(/customers.new/);
    expect(() => churnRate({ starting: 0, churned: 0 })).toThrow(MetricsInputError);
    expect(() => churnRate({ starting: 10, churned: -1 })).toThrow(MetricsInputError);
    expect(() => churnRate({ starting: 10, churned: 1 }, { denominator: "end" as never })).toThrow(TypeError);
  });
});

describe("retentionRate", () => {
  it("is (E - N) / S and complements start-based churn when the counts are consistent", () => {
    expect(retentionRate({ starting: 200, ending: 210, new: 30 })).toBe(0.9);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.nat(1e6), fc.double({ min: 0, max: 1, noNaN: true }), (start, fresh, share) => {
        const lost = Math.floor(share * start);
        const end = start - lost + fresh;
        const retained = retentionRate({ starting: start, ending: end, new: fresh });
        expect(retained + churnRate({ starting: start, churned: lost })).toBeCloseTo(1, 14);
      }),
    );
  });

  it("rejects inconsistent counts", () => {
    expect(() => retentionRate({ starting: 100, ending: 10, new: 20 })).toThrow(MetricsInputError);
    expect(() => retentionRate({ starting: 100, ending: 300, new: 20 })).toThrow(MetricsInputError);
    expect(() => retentionRate({ starting: 0, ending: 0, new: 0 })).toThrow(MetricsInputError);
  });
});

describe("compoundRate and periodicRate", () => {
  it("5% a month is 45.96% a year (R 4.2: 1 - 0.95^12 = 0.45963991233736334)", () => {
    expectRelative(compoundRate({ rate: 0.05, periods: 12 }), 0.45963991233736334, 1e-15);
    // R 4.2: 1 - (1 - 0.4)^(1/12) = 0.041675471372851991
    expectRelative(periodicRate({ rate: 0.4, periods: 12 }), 0.041675471372851991, 1e-14);
  });

  it("keeps digits for tiny rates, where 1 - (1 - r)^k would cancel", () => {
    // Binomial expansion: 1 - (1 - 1e-10)^12 = 12e-10 - 66e-20 + …; R's 1 - (1 - 1e-10)^12 gives
    // 1.2000000992884452e-09, wrong from the 8th digit.
    expectRelative(compoundRate({ rate: 1e-10, periods: 12 }), 1.2e-9 - 66e-20, 1e-15);
  });

  it("are inverses, stay in [0, 1] and grow with the number of periods", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.double({ min: 0.1, max: 120, noNaN: true }), (r, k) => {
        const c = compoundRate({ rate: r, periods: k });
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
        expect(compoundRate({ rate: r, periods: k + 1 })).toBeGreaterThanOrEqual(c);
        if (c < 0.999999) expect(periodicRate({ rate: c, periods: k })).toBeCloseTo(r, 9);
      }),
    );
    expect(compoundRate({ rate: 1, periods: 3 })).toBe(1);
    expect(compoundRate({ rate: 1, periods: 0.25 })).toBe(1);
    expect(periodicRate({ rate: 1, periods: 12 })).toBe(1);
    expect(periodicRate({ rate: 0, periods: 12 })).toBe(0);
    expect(compoundRate({ rate: 0, periods: 3 })).toBe(0);
  });

  it("rejects rates outside [0, 1] and non-positive periods", () => {
    expect(() => compoundRate({ rate: 1.5, periods: 12 })).toThrow(/rate/);
    expect(() => compoundRate({ rate: 5, periods: 12 })).toThrow(/did you mean 0.05\?/);
    expect(() => compoundRate({ rate: 0.05, periods: 0 })).toThrow(/periods/);
    expect(() => periodicRate({ rate: -0.1, periods: 12 })).toThrow(MetricsInputError);
  });
});
