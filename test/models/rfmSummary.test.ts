import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricsInputError, MetricsTypeError, rfmSummary } from "../../src/index.ts";
import { cdnowTransactions } from "./cdnow.ts";

const transactions = cdnowTransactions;
const published = readFileSync(new URL("../fixtures/shared/cdnow-summary.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",").map(Number));

describe("rfmSummary", () => {
  it("rfmSummary(CDNOW, { end: 1997-09-30, unit: week }) reproduces the published summary: all 2,357 customers, to the 2 decimals given", () => {
    const ours = rfmSummary(transactions, { end: "1997-09-30" });
    expect(ours).toHaveLength(2357);
    const byId = new Map(ours.map((c) => [c.id, c]));
    let checked = 0;
    for (const [id, x, tx, T, zbar] of published) {
      const c = byId.get(id!)!;
      expect(c.frequency, `customer ${id} x`).toBe(x);
      // "to the 2 decimals given": within half a unit of the last digit shown.
      expect(Math.abs(c.recency - tx!), `customer ${id} t_x`).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(c.T - T!), `customer ${id} T`).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(c.monetary - zbar!), `customer ${id} zbar`).toBeLessThanOrEqual(0.005 + 1e-9);
      checked++;
    }
    expect(checked).toBe(2357);
  });

  it("rfmSummary(transactions, { holdoutEnd }) counts each customer's purchase days in the holdout", () => {
    const ours = rfmSummary(transactions, { end: "1997-09-30", holdoutEnd: "1998-06-30" });
    const one = ours.find((c) => c.id === 1)!;
    // Customer 1 (sample id 1): purchases on 1997-01-01, 01-18 and 08-02 in calibration, 1997-12-12 after.
    expect(one).toEqual({ id: 1, frequency: 2, recency: 213 / 7, T: 272 / 7, monetary: (29.73 + 14.96) / 2, holdoutFrequency: 1 });
    const total = ours.reduce((s, c) => s + c.holdoutFrequency!, 0);
    const afterEnd = new Set(transactions.filter((t) => t.time > "1997-09-30").map((t) => `${t.customer}@${t.time}`)).size;
    expect(total).toBe(afterEnd);
  });

  it("rfmSummary(transactions) combines same-day purchases and ignores row order", () => {
    const rows = [
      { customer: "a", time: "2026-01-01T09:00:00Z", value: 10 },
      { customer: "a", time: "2026-01-15T08:00:00Z", value: 5 },
      { customer: "a", time: "2026-01-15T17:00:00Z", value: 7 },
    ];
    const [a] = rfmSummary(rows, { end: "2026-01-29", unit: "day" });
    expect(a).toEqual({ id: "a", frequency: 1, recency: 14, T: 28, monetary: 12 });
    fc.assert(
      fc.property(fc.shuffledSubarray(transactions.slice(0, 200), { minLength: 200, maxLength: 200 }), (shuffled) => {
        const sorted = (xs: ReturnType<typeof rfmSummary>) => [...xs].sort((p, q) => Number(p.id) - Number(q.id));
        expect(sorted(rfmSummary(shuffled, { end: "1997-09-30" }))).toEqual(
          sorted(rfmSummary(transactions.slice(0, 200), { end: "1997-09-30" })),
        );
      }),
      { numRuns: 20 },
    );
  });

  it("rfmSummary(transactions, options) names bad rows and options", () => {
    expect(() => rfmSummary([{ customer: "a", time: "1997-13-01" }], { end: "1997-09-30" })).toThrow(
      /transactions\[0\] time must be a real calendar date/,
    );
    expect(() => rfmSummary([{ customer: null, time: "1997-01-01" }], { end: "1997-09-30" })).toThrow(MetricsTypeError);
    expect(() => rfmSummary([{ customer: "a", time: "1997-01-01", value: -3 }], { end: "1997-09-30" })).toThrow(/transactions\[0\] value/);
    expect(() => rfmSummary([{ customer: "a", time: "1997-01-01" }], {} as never)).toThrow(/options.end must be given/);
    expect(() => rfmSummary([{ customer: "a", time: "1997-01-01" }], { end: "1997-09-30", holdoutEnd: "1997-01-01" })).toThrow(
      /a day after options.end/,
    );
    expect(() => rfmSummary([{ customer: "a", time: "1997-01-01" }], { end: "1997-09-30", units: "week" } as never)).toThrow(
      /did you mean unit\?/,
    );
    expect(() => rfmSummary([], { end: "1997-09-30" })).toThrow(MetricsInputError);
  });
});
