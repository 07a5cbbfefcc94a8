import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  churnRate,
  grossRevenueRetention,
  MetricsInputError,
  MetricsTypeError,
  mrrChurn,
  mrrMovements,
  netRevenueRetention,
  quickRatio,
} from "../../src/index.ts";
import { CHANGES } from "./billing.ts";

const row = (period: string, start: number, m: Partial<Record<string, number>>, c: [number, number, number, number, number]) => ({
  period,
  start: `${period}-01`,
  startingMrr: start,
  newMrr: m.newMrr ?? 0,
  expansionMrr: m.expansionMrr ?? 0,
  contractionMrr: m.contractionMrr ?? 0,
  churnedMrr: m.churnedMrr ?? 0,
  reactivationMrr: m.reactivationMrr ?? 0,
  endingMrr: m.endingMrr!,
  customers: { starting: c[0], new: c[1], churned: c[2], reactivated: c[3], ending: c[4] },
});

const EXPECTED = [
  row("2026-01", 0, { newMrr: 390, endingMrr: 390 }, [0, 5, 0, 0, 5]),
  row("2026-02", 390, { newMrr: 90, contractionMrr: 80, churnedMrr: 80, endingMrr: 320 }, [5, 1, 2, 0, 4]),
  row("2026-03", 320, { expansionMrr: 50, endingMrr: 370 }, [4, 0, 0, 0, 4]),
  row("2026-04", 370, { newMrr: 70, reactivationMrr: 105, endingMrr: 545 }, [4, 1, 0, 2, 7]),
];

describe("mrrMovements", () => {
  it("mrrMovements(changes) gives the movements worked out by hand for ten customers", () => {
    const report = mrrMovements(CHANGES);
    expect(report.periods).toEqual(EXPECTED);
    expect(report.every).toBe("month");
    expect(report.timeZone).toBe("UTC");
  });

  it("mrrMovements(rows) feed mrrChurn, netRevenueRetention, grossRevenueRetention, quickRatio and churnRate unchanged", () => {
    const feb = mrrMovements(CHANGES).periods[1]!;
    // Feb by hand: lost 80 + 80 of 390; gained new 90; NRR (390 − 80 − 80)/390.
    expect(mrrChurn(feb)).toEqual({ gross: 160 / 390, net: 160 / 390 });
    expect(netRevenueRetention(feb)).toBe(230 / 390);
    expect(grossRevenueRetention(feb)).toBe(230 / 390);
    expect(quickRatio(feb)).toBe(90 / 160);
    expect(churnRate(feb.customers)).toBe(2 / 5);
    expect(churnRate(feb.customers, { denominator: "start-plus-new" })).toBe(2 / 6);
  });

  it("mrrMovements(changes) is the same for any row order (sorted when out of order)", () => {
    const reversed = [...CHANGES].reverse();
    expect(mrrMovements(reversed).periods).toEqual(EXPECTED);
  });

  it("mrrMovements(changes, { timeZone }) follows the zone's calendar: H's Jan 31 23:59:59Z is February in Tokyo", () => {
    const tokyo = mrrMovements(CHANGES, { timeZone: "Asia/Tokyo" });
    expect(tokyo.periods[0]!.newMrr).toBe(380);
    expect(tokyo.periods[1]!.newMrr).toBe(100);
  });

  it("mrrMovements(changes, { every, start, end }) lists empty periods and carries the balance into a late start", () => {
    const quarters = mrrMovements(CHANGES, { every: "quarter" });
    expect(quarters.periods.map((p) => [p.period, p.endingMrr])).toEqual([
      ["2026-Q1", 370],
      ["2026-Q2", 545],
    ]);
    const window = mrrMovements(CHANGES, { start: "2026-03-15", end: "2026-06-30" });
    expect(window.periods.map((p) => [p.period, p.startingMrr, p.endingMrr])).toEqual([
      ["2026-03", 320, 370],
      ["2026-04", 370, 545],
      ["2026-05", 545, 545],
      ["2026-06", 545, 545],
    ]);
  });

  it("mrrMovements(iterable) reads a stream in one pass, and asks for time order when it is not", () => {
    function* stream() {
      yield* CHANGES;
    }
    expect(mrrMovements(stream()).periods).toEqual(EXPECTED);
    function* backwards() {
      yield* [...CHANGES].reverse();
    }
    expect(() => mrrMovements(backwards())).toThrow(/changes must be in time order for each customer when given as an iterable/);
  });

  it("mrrMovements(changes) rejects bad rows, naming them, or skips and counts them", () => {
    const bad = [
      { customer: "a", time: "2026-01-01", mrr: 10 },
      { customer: null, time: "2026-01-02", mrr: 10 },
      { customer: "b", time: "2026-02-30", mrr: 10 },
      { customer: "c", time: "2026-01-03", mrr: -5 },
      { customer: "d", time: "2026-01-03", mrr: "" },
    ];
    expect(() => mrrMovements(bad)).toThrow(/changes\[1\] customer must be a customer id/);
    expect(() => mrrMovements(bad.slice(2))).toThrow(/changes\[0\] time must be a real calendar date/);
    expect(() => mrrMovements(bad.slice(3))).toThrow(/changes\[0\] mrr must be a finite MRR >= 0/);
    expect(() => mrrMovements(bad.slice(4))).toThrow(MetricsTypeError);
    const skipped = mrrMovements(bad, { onInvalid: "skip" });
    expect(skipped.skipped).toEqual({ customer: 1, time: 1, mrr: 2 });
    expect(skipped.periods[0]!.endingMrr).toBe(10);
    expect(mrrMovements([{ customer: "a", time: "2026-01-01", mrr: "12.5" }]).periods[0]!.newMrr).toBe(12.5);
  });

  it("mrrMovements(changes) refuses MRR whose sum overflows, rather than reporting Infinity", () => {
    const rows = [
      { customer: "a", time: "2026-01-05", mrr: 1.7e308 },
      { customer: "b", time: "2026-01-06", mrr: 1.7e308 },
    ];
    expect(() => mrrMovements(rows)).toThrow(
      /^changes must be MRR whose sums fit in a double \(the total overflows in 2026-01\); got Infinity$/,
    );
  });

  it('mrrMovements(changes) refuses two changes for one customer at one instant unless duplicates: "last"', () => {
    const twice = [
      { customer: "a", time: "2026-01-01T10:00:00Z", mrr: 10 },
      { customer: "a", time: "2026-01-01T10:00:00Z", mrr: 20 },
    ];
    expect(() => mrrMovements(twice)).toThrow(
      /changes\[1\] must be one change per customer and instant: changes\[0\] is the same customer/,
    );
    expect(mrrMovements(twice, { duplicates: "last" }).periods[0]!.newMrr).toBe(20);
  });

  it("mrrMovements(changes, options) names fields through accessors and rejects unknown options", () => {
    const stripe = [
      { account: "x", created: 1767225600, amount: 99 },
      { account: "x", created: 1769904000, amount: 149 },
    ];
    const r = mrrMovements(stripe, { customer: "account", time: "created", mrr: (s) => s.amount, timeUnit: "s" });
    expect(r.periods.map((p) => [p.period, p.newMrr, p.expansionMrr])).toEqual([
      ["2026-01", 99, 0],
      ["2026-02", 0, 50],
    ]);
    expect(() => mrrMovements(stripe, { customers: "account" } as never)).toThrow(/did you mean customer\?/);
    expect(() => mrrMovements([])).toThrow(MetricsInputError);
  });

  it("mrrMovements(random histories) satisfies the identities, ignores row order and equals a brute-force recomputation", () => {
    const change = fc.record({
      customer: fc.constantFrom("a", "b", "c", "d", "e", 7),
      day: fc.integer({ min: 0, max: 200 }),
      mrr: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 })),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(change, { selector: (c) => `${c.customer}@${c.day}`, minLength: 1, maxLength: 60 }),
        fc.integer(),
        (raw, seed) => {
          const rows = raw.map((c) => ({ customer: c.customer, time: Date.UTC(2026, 0, 1 + c.day, 12), mrr: c.mrr }));
          const report = mrrMovements(rows);
          for (const p of report.periods) {
            const m = p.startingMrr + p.newMrr + p.expansionMrr + p.reactivationMrr - p.contractionMrr - p.churnedMrr;
            expect(Math.abs(m - p.endingMrr)).toBeLessThanOrEqual(1e-9 * Math.max(1, p.endingMrr));
            const c = p.customers;
            expect(c.starting + c.new + c.reactivated - c.churned).toBe(c.ending);
          }
          // Any order of the rows gives the same report.
          const shuffled = rows.slice().sort((x, y) => ((x.time * 31 + seed) % 97) - ((y.time * 31 + seed) % 97) || x.time - y.time);
          expect(mrrMovements(shuffled)).toEqual(report);
          // Brute force: each customer's MRR at each month's end, then the transitions.
          const months = report.periods.length;
          const monthOf = (t: number) => new Date(t).getUTCMonth() + 12 * (new Date(t).getUTCFullYear() - 2026);
          const first = Math.min(...rows.map((r) => monthOf(r.time)));
          const expected = Array.from({ length: months }, () => ({ n: 0, e: 0, c: 0, ch: 0, r: 0 }));
          for (const id of new Set(rows.map((r) => r.customer))) {
            const mine = rows.filter((r) => r.customer === id).sort((x, y) => x.time - y.time);
            let prev = 0;
            let seen = false;
            for (let m = 0; m < months; m++) {
              const upTo = mine.filter((r) => monthOf(r.time) <= first + m);
              const end = upTo.length === 0 ? 0 : upTo[upTo.length - 1]!.mrr;
              const x = expected[m]!;
              if (prev === 0 && end > 0) {
                if (seen) x.r += end;
                else x.n += end;
              } else if (prev > 0 && end === 0) x.ch += prev;
              else if (end > prev) x.e += end - prev;
              else if (end < prev) x.c += prev - end;
              if (end > 0) seen = true;
              prev = end;
            }
          }
          report.periods.forEach((p, m) => {
            const x = expected[m]!;
            expect([p.newMrr, p.expansionMrr, p.contractionMrr, p.churnedMrr, p.reactivationMrr]).toEqual([x.n, x.e, x.c, x.ch, x.r]);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
