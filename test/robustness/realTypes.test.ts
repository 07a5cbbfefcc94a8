// Real data's types and real data's mess, accepted exactly:
// - BigInts as DuckDB returns BIGINT, HUGEINT and epoch_ms() (read from the real database), against
//   the same values as numbers: an exact identity, since a BigInt below 2^53 is its number.
// - onInvalid: "skip" on the array functions: the result on the raw cells equals the function on
//   the valid cells alone (an identity), and `invalid` counts what was dropped.
import { DuckDBInstance } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as api from "../../src/index.ts";

let connection: Awaited<ReturnType<DuckDBInstance["connect"]>>;

beforeAll(async () => {
  const db = await DuckDBInstance.create(":memory:");
  connection = await db.connect();
}, 60_000);

afterAll(() => connection?.closeSync());

async function rowsOf(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjects() as Record<string, unknown>[];
}

describe("BigInt cells, as DuckDB returns them", () => {
  it("BIGINT and HUGEINT scores, weights, keys and epoch_ms() times give what the same numbers give", async () => {
    const rows = await rowsOf(`
      SELECT (i % 11)::BIGINT AS ltr, (i % 5 + 1)::HUGEINT AS sat, (i % 3 + 1)::BIGINT AS w,
             (i % 4)::BIGINT AS account, epoch_ms(TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_days((i % 90)::INTEGER)) AS at
      FROM range(500) t(i)`);
    expect(typeof rows[0]!.ltr).toBe("bigint");
    expect(typeof rows[0]!.sat).toBe("bigint");
    expect(typeof rows[0]!.at).toBe("bigint");
    const numbers = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));
    const ltr = rows.map((r) => r.ltr);
    const sat = rows.map((r) => r.sat);
    const w = rows.map((r) => r.w);
    expect(api.npsSummary(ltr as never)).toEqual(api.npsSummary(numbers.map((r) => r.ltr!)));
    expect(api.npsSummary(ltr as never, { weights: w as never })).toEqual(
      api.npsSummary(
        numbers.map((r) => r.ltr!),
        { weights: numbers.map((r) => r.w!) },
      ),
    );
    expect(api.csatSummary(sat as never)).toEqual(api.csatSummary(numbers.map((r) => r.sat!)));
    expect(api.cesSummary(sat as never, { scale: [1, 5] })).toEqual(
      api.cesSummary(
        numbers.map((r) => r.sat!),
        { scale: [1, 5] },
      ),
    );
    expect(api.tally(ltr as never, { scale: [0, 10] })).toEqual(
      api.tally(
        numbers.map((r) => r.ltr!),
        { scale: [0, 10] },
      ),
    );
    const spec = { by: "account", metrics: { nps: { value: "ltr", weight: "w" }, csat: "sat" } } as const;
    expect(api.segmentReport(rows, spec)).toEqual(api.segmentReport(numbers, spec));
    const over = { time: "at", every: "month", metrics: { nps: "ltr" } } as const;
    const byMonth = api.trend(rows, over);
    expect(byMonth).toEqual(api.trend(numbers, over));
    expect(byMonth.periods.map((p) => p.period)).toEqual(["2025-01", "2025-02", "2025-03"]);
  });

  it("counts from a BIGINT count column, and group counts as BigInts", () => {
    expect(api.npsSummary({ promoters: 40n, passives: 30n, detractors: 30n } as never)).toEqual(
      api.npsSummary({ promoters: 40, passives: 30, detractors: 30 }),
    );
    expect(api.nps({ scale: [0, 10], counts: [1n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 3n] } as never)).toBe(50);
    expect(api.proportionInterval({ successes: 7n, n: 20n } as never)).toEqual(api.proportionInterval({ successes: 7, n: 20 }));
  });

  it("refuses a BigInt a double cannot hold exactly, and keeps ids past 2^53 apart", () => {
    expect(() => api.nps({ promoters: 2n ** 53n, passives: 0n, detractors: 0n } as never)).toThrow(
      /input.promoters must be a count <= Number.MAX_SAFE_INTEGER; got 9007199254740992n/,
    );
    expect(() => api.nps([2n ** 60n] as never)).toThrow(/input\[0\] must be a whole number from 0 to 10; got 1152921504606846976n/);
    // Two customers whose BIGINT ids differ only past 2^53 stay two segments.
    const a = 2n ** 60n;
    const report = api.segmentReport(
      [
        { id: a, v: 9 },
        { id: a + 1n, v: 3 },
      ],
      { by: "id", metrics: { nps: "v" } },
    );
    expect(report.segments.map((s) => s.key).sort()).toEqual([String(a), String(a + 1n)]);
    // and a BIGINT key below 2^53 is the segment its number is.
    const merged = api.segmentReport(
      [
        { id: 5n, v: 9 },
        { id: 5, v: 3 },
      ],
      { by: "id", metrics: { nps: "v" } },
    );
    expect(merged.segments.map((s) => [s.key, s.n])).toEqual([[5, 2]]);
  });
});

describe('onInvalid: "skip" on the array functions', () => {
  const cellArb = fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 10 }), weight: 6 },
    { arbitrary: fc.integer({ min: 0, max: 10 }).map(String), weight: 2 },
    { arbitrary: fc.constantFrom(11, -1, 7.5, "nine", "x", true, {}, 1e9), weight: 2 },
    { arbitrary: fc.constantFrom(null, "", "N/A", Number.NaN), weight: 1 },
  );
  const valid = (c: unknown) => (typeof c === "number" || typeof c === "string") && /^\d+$/.test(String(c)) && Number(c) <= 10;
  const missingCell = (c: unknown) => c === null || c === "" || c === "N/A" || Number.isNaN(c);

  it("equals the function on the valid cells alone, with the skipped ones counted by kind (property)", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 1, maxLength: 60 }), (cells) => {
        const good = cells.filter(valid).map(Number);
        const invalid = cells.filter((c) => !valid(c) && !missingCell(c)).length;
        const missing = cells.filter(missingCell).length;
        const o = { missing: "skip", onInvalid: "skip" } as const;
        if (good.length === 0) {
          expect(() => api.npsSummary(cells, o)).toThrow(/at least one response/);
          return;
        }
        const s = api.npsSummary(cells, o);
        expect({ ...s, missing: 0, invalid: 0 }).toEqual(api.npsSummary(good));
        expect([s.missing, s.invalid]).toEqual([missing, invalid]);
        expect(api.nps(cells, o)).toBe(api.nps(good));
        const t = api.tally(cells, { scale: [0, 10], ...o });
        expect(t).toEqual({ ...api.tally(good, { scale: [0, 10] }), missing, invalid });
        const d = api.distribution(cells, { scale: [0, 10], ...o });
        expect({ ...d, missing: 0, invalid: 0 }).toEqual(api.distribution(good, { scale: [0, 10] }));
        expect(d.invalid).toBe(invalid);
        // On 1-5, CSAT and CES drop what is off that scale too.
        const onFive = cells.filter((c) => valid(c) && Number(c) >= 1 && Number(c) <= 5).map(Number);
        if (onFive.length > 0) {
          expect(api.csat(cells, o)).toBe(api.csat(onFive));
          expect({ ...api.csatSummary(cells, o), missing: 0, invalid: 0 }).toEqual(api.csatSummary(onFive));
          expect(api.ces(cells, { scale: [1, 5], ...o })).toBe(api.ces(onFive, { scale: [1, 5] }));
          expect({ ...api.cesSummary(cells, { scale: [1, 5], ...o }), missing: 0, invalid: 0 }).toEqual(
            api.cesSummary(onFive, { scale: [1, 5] }),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("skips a response with an invalid weight, and reads string weights as reports do", () => {
    const scores = [9, 10, 3, 6, 8];
    const weights = ["1.5", 2n, -1, "heavy", " 0.5 "];
    const s = api.npsSummary(scores, { weights: weights as never, onInvalid: "skip" });
    expect({ ...s, invalid: 0 }).toEqual(api.npsSummary([9, 10, 8], { weights: [1.5, 2, 0.5] }));
    expect(s.invalid).toBe(2);
    // The same records through segmentReport: its weight field reads the same way.
    const records = scores.map((v, i) => ({ g: "all", v, w: weights[i] }));
    const r = api.segmentReport(records, { by: "g", metrics: { nps: { value: "v", weight: "w" } }, onInvalid: "skip" });
    expect(r.total.nps!.estimate).toBe(s.estimate);
    expect(r.total.nps!.standardError).toBeCloseTo(s.standardError, 12);
  });

  it("is off by default: an invalid value throws naming its index; compare functions do not take it", () => {
    expect(() => api.nps([9, 11])).toThrow(/^input\[1\] must be a whole number from 0 to 10; got 11/);
    expect(() => api.tally(["x"], { scale: [1, 5] })).toThrow(/^scores\[0\] must be a whole number from 1 to 5; got "x"/);
    expect(() => api.compareNps([9], [3], { onInvalid: "skip" } as never)).toThrow(/options.onInvalid is not an option of compareNps/);
    expect(() => api.nps([9], { onInvalid: "ignore" as never })).toThrow(/options.onInvalid must be one of "throw", "skip"; got "ignore"/);
  });

  it("a tally that skipped invalid values keeps the count through mergeTallies and JSON", () => {
    const a = api.tally([1, 9, 2], { scale: [1, 5], onInvalid: "skip" });
    const b = api.tally([5, "bad"], { scale: [1, 5], onInvalid: "skip" });
    const merged = api.mergeTallies(JSON.parse(JSON.stringify(a)), b);
    expect(merged).toEqual({ scale: [1, 5], counts: [1, 1, 0, 0, 1], missing: 0, invalid: 2 });
    expect(api.csatSummary(merged).invalid).toBe(2);
  });
});
