import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortRetention, mrrMovements } from "../../src/index.ts";
import { CHANGES } from "./billing.ts";

describe("cohortRetention", () => {
  it("cohortRetention(changes) gives the cohorts of the ten-customer example, worked out by hand", () => {
    // January cohort: A, B, C, F, H (5 customers, 100 + 200 + 50 + 30 + 10 = 390).
    //   Feb: A, B, H above 0 (3; 100 + 120 + 10 = 230); Mar: A, B, H (3; 150 + 120 + 10 = 280);
    //   Apr: C and F are back (5; 150 + 120 + 60 + 45 + 10 = 385).
    // February cohort: D (90 throughout). April cohort: G (70). E, I and J never end a month above 0.
    const { matrix, rows } = cohortRetention(CHANGES);
    expect(matrix.map((r) => [r.cohort, r.customers, r.mrr])).toEqual([
      ["2026-01", [5, 3, 3, 5], [390, 230, 280, 385]],
      ["2026-02", [1, 1, 1], [90, 90, 90]],
      ["2026-04", [1], [70]],
    ]);
    expect(matrix[0]!.customerShare).toEqual([1, 0.6, 0.6, 1]);
    expect(matrix[0]!.mrrShare).toEqual([1, 230 / 390, 280 / 390, 385 / 390]);
    expect(rows).toHaveLength(4 + 3 + 1);
    expect(rows[1]).toEqual({ cohort: "2026-01", age: 1, customers: 3, customerShare: 0.6, mrr: 230, mrrShare: 230 / 390 });
  });

  it("cohortRetention(changes) agrees with mrrMovements: the cohorts' customers and MRR add up to each period's ending", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            customer: fc.integer({ min: 0, max: 12 }),
            day: fc.integer({ min: 0, max: 180 }),
            mrr: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
          }),
          { minLength: 1, maxLength: 50 },
        ),
        (raw) => {
          const rows = raw.map((c, i) => ({ customer: c.customer, time: Date.UTC(2026, 0, 1 + c.day, 0, 0, i), mrr: c.mrr }));
          const movements = mrrMovements(rows).periods;
          let cohorts: ReturnType<typeof cohortRetention>;
          try {
            cohorts = cohortRetention(rows);
          } catch {
            // Only when no customer ever ends a period above 0.
            expect(movements.every((p) => p.customers.ending === 0)).toBe(true);
            return;
          }
          const first = movements.findIndex((p) => p.period === cohorts.matrix[0]!.cohort);
          movements.forEach((p, m) => {
            let customers = 0;
            let mrr = 0;
            for (const c of cohorts.matrix) {
              const age = m - movements.findIndex((q) => q.period === c.cohort);
              if (age >= 0 && c.customers[age] !== undefined) {
                customers += c.customers[age]!;
                mrr += c.mrr[age]!;
              }
            }
            if (m >= first) {
              expect(customers).toBe(p.customers.ending);
              expect(Math.abs(mrr - p.endingMrr)).toBeLessThanOrEqual(1e-9 * Math.max(1, p.endingMrr));
            }
          });
          for (const cell of cohorts.rows) {
            expect(cell.customerShare).toBeGreaterThanOrEqual(0);
            expect(cell.customerShare).toBeLessThanOrEqual(1);
            expect(cell.mrrShare).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("cohortRetention(changes, { end }) stops the table; cells beyond the data are absent", () => {
    const { matrix } = cohortRetention(CHANGES, { end: "2026-02-28" });
    expect(matrix.map((r) => r.customers)).toEqual([[5, 3], [1]]);
    expect(() => cohortRetention([{ customer: "a", time: "2026-01-01", mrr: 0 }])).toThrow(/at least one customer above 0/);
  });

  it("cohortRetention(changes) refuses a cohort whose first MRR is too small to divide by (found by the fuzz run)", () => {
    const rows = [
      { customer: "a", time: "2026-01-05", mrr: 5e-324 },
      { customer: "a", time: "2026-02-10", mrr: 99 },
    ];
    // 99 / 5e-324 is Infinity: the February share has no value
    expect(() => cohortRetention(rows)).toThrow(
      /^changes must be MRR whose sums and shares fit in a double \(the 2026-01 cohort.s overflow\); got Infinity$/,
    );
  });
});
