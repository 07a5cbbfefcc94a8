import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageRevenuePerUser,
  cacPaybackMonths,
  customerAcquisitionCost,
  customerLifetimeValue,
  customerRetentionCost,
  ltvToCac,
  MetricsInputError,
  MetricsTypeError,
} from "../../src/index.ts";
import { expectRelative } from "../helpers.ts";

describe("cost and revenue per customer", () => {
  it("divides spend and revenue by customers", () => {
    expect(customerAcquisitionCost({ salesAndMarketingSpend: 50000, newCustomers: 125 })).toBe(400);
    expect(customerRetentionCost({ retentionSpend: 12000, customers: 800 })).toBe(15);
    expect(averageRevenuePerUser({ revenue: 45000, customers: 900 })).toBe(50);
    expect(ltvToCac({ ltv: 2000, cac: 400 })).toBe(5);
    expect(cacPaybackMonths({ cac: 400, arpu: 50, grossMargin: 0.8 })).toBe(10);
  });

  it("rejects negative money, zero customers and a zero margin", () => {
    expect(() => customerAcquisitionCost({ salesAndMarketingSpend: -1, newCustomers: 5 })).toThrow(MetricsInputError);
    expect(() => customerAcquisitionCost({ salesAndMarketingSpend: 100, newCustomers: 0 })).toThrow(/newCustomers/);
    expect(() => customerRetentionCost({ retentionSpend: 1, customers: 2.5 })).toThrow(MetricsInputError);
    expect(() => averageRevenuePerUser({ revenue: 1, customers: 0 })).toThrow(MetricsInputError);
    expect(() => ltvToCac({ ltv: 100, cac: 0 })).toThrow(/cac/);
    expect(() => cacPaybackMonths({ cac: 100, arpu: 10, grossMargin: 0 })).toThrow(MetricsInputError);
  });
});

describe("customerLifetimeValue", () => {
  it("lifetime model: ARPU × lifetime − (CAC + CRC)", () => {
    expect(customerLifetimeValue({ model: "lifetime", arpu: 50, lifetime: 36, cac: 400 })).toBe(1400);
    expect(customerLifetimeValue({ model: "lifetime", arpu: 50, lifetime: 36, cac: 400, crc: 200 })).toBe(1200);
  });

  it("churn model: ARPU × margin / churn, and the lifetime model with lifetime 1/churn agrees", () => {
    expect(customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0.02, grossMargin: 0.8 })).toBe(2000);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true }), (a, c) => {
        expectRelative(
          customerLifetimeValue({ model: "churn", arpu: a, churnRate: c }) + 1,
          customerLifetimeValue({ model: "lifetime", arpu: a, lifetime: 1 / c }) + 1,
          1e-13,
        );
      }),
    );
  });

  it("discounted: equals the sum of survival-weighted, discounted margins; discount 0 is the undiscounted value", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.02, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (a, c, d, m) => {
          // Direct summation of Σ_t m·a·((1 − c)/(1 + d))^t until the terms vanish.
          let sum = 0;
          let w = 1;
          for (let t = 0; t < 5000 && w > 1e-18; t++, w *= (1 - c) / (1 + d)) sum += m * a * w;
          expectRelative(customerLifetimeValue({ model: "churn", arpu: a, churnRate: c, grossMargin: m, discountRate: d }), sum, 1e-12);
          expect(customerLifetimeValue({ model: "churn", arpu: a, churnRate: c, grossMargin: m, discountRate: 0 })).toBe(
            customerLifetimeValue({ model: "churn", arpu: a, churnRate: c, grossMargin: m }),
          );
          // Discounting never raises the value; more churn never raises it.
          expect(customerLifetimeValue({ model: "churn", arpu: a, churnRate: c, grossMargin: m, discountRate: d })).toBeLessThanOrEqual(
            customerLifetimeValue({ model: "churn", arpu: a, churnRate: c, grossMargin: m }) * (1 + 1e-12),
          );
          expect(
            customerLifetimeValue({ model: "churn", arpu: a, churnRate: Math.min(1, c + 0.01), grossMargin: m, discountRate: d }),
          ).toBeLessThanOrEqual(customerLifetimeValue({ model: "churn", arpu: a, churnRate: c, grossMargin: m, discountRate: d }));
        },
      ),
    );
  });

  it("discounted: equals Gupta & Lehmann's published m·r/(1 + i − r) plus the first period's margin", () => {
    // S. Gupta & D. R. Lehmann, "Customers as assets", J. Interactive Marketing 17(1), 2003:
    // CLV = m·r/(1 + i − r) for margins from the end of period 1; ours also counts period 0.
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (m, c, i) => {
          const r = 1 - c;
          expectRelative(
            customerLifetimeValue({ model: "churn", arpu: m, churnRate: c, discountRate: i }),
            m + (m * r) / (1 + i - r),
            1e-13,
          );
        },
      ),
    );
  });

  it("e-commerce model: transactions × AOV × margin × lifetime", () => {
    expect(
      customerLifetimeValue({ model: "orders", transactionsPerPeriod: 4, averageOrderValue: 60, grossMargin: 0.3, lifetime: 3 }),
    ).toBeCloseTo(216, 12);
  });

  it("zero churn without discounting is an error, not Infinity; a shapeless input is a type error", () => {
    expect(() => customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0 })).toThrow(/unbounded/);
    expect(customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0, discountRate: 0.01 })).toBeCloseTo(5050, 9);
    expect(() => customerLifetimeValue({ arpu: 50 } as never)).toThrow(MetricsTypeError);
  });

  it("customerLifetimeValue(input) never drops a margin, lifetime or cost (0.1.0 did)", () => {
    // 0.1.0 returned 500 (margin dropped), 1000 (lifetime dropped) and 1000 (cac dropped).
    expect(customerLifetimeValue({ model: "lifetime", arpu: 50, lifetime: 10, grossMargin: 0.5 })).toBe(250);
    expect(() => customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0.05, lifetime: 10 } as never)).toThrow(
      /input.lifetime is not a field of customerLifetimeValue \(model "churn"\)'s input/,
    );
    expect(customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 0.05, cac: 400 })).toBe(600);
    expect(() => customerLifetimeValue({ arpu: 50, churnRate: 0.05 } as never)).toThrow(
      /input.model must be one of "lifetime", "churn", "orders"; got undefined/,
    );
    expect(() => customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 5 })).toThrow(/did you mean 0.05\?/);
    expect(() => customerLifetimeValue({ model: "churn", arpu: 50, churnRate: 1.5 })).toThrow(MetricsInputError);
    expect(() => customerLifetimeValue({ model: "lifetime", arpu: -5, lifetime: 10 })).toThrow(MetricsInputError);
  });
});
