import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentReport } from "../../src/index.ts";

// segmentReport reads an array of records keyed by field names in a fast loop, and anything else
// (an iterable, an accessor) record by record. Both must give the same report, or the same error
// at the same record, for any records and rules.
const cell = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 10 }), weight: 8 },
  { arbitrary: fc.constantFrom("9", " 7 ", null, undefined, Number.NaN, "", "N/A", 11, -1, 3.5, "nine"), weight: 2 },
);
const key = fc.oneof(
  { arbitrary: fc.constantFrom("north", "south", "east", 1, 2, true), weight: 8 },
  { arbitrary: fc.constantFrom(null, "", "N/A", {}), weight: 1 },
);
const records = fc.array(fc.record({ region: key, plan: key, ltr: cell, sat: cell, effort: cell }, { requiredKeys: [] }), {
  minLength: 1,
  maxLength: 120,
});
const rules = fc.constantFrom({}, { missing: "skip" }, { onInvalid: "skip" }, { missing: "skip", onInvalid: "skip" });
const by = fc.constantFrom<"region" | ["region", "plan"]>("region", ["region", "plan"]);

function outcome(input: Iterable<object>, options: object): unknown {
  try {
    return segmentReport(input as never, options as never);
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

describe("segmentReport: the fast path over arrays of records", () => {
  it("gives the report (or the error) of the record-by-record path, for any records, keys and rules", () => {
    fc.assert(
      fc.property(records, rules, by, fc.constantFrom(1, 2, 3), (rows, r, b, count) => {
        const metrics = Object.fromEntries(
          [
            ["nps", "ltr"],
            ["csat", { value: "sat", scale: [0, 10] }],
            ["ces", { value: "effort", scale: [0, 10] }],
          ].slice(0, count),
        );
        const options = { by: b, metrics, minN: 2, ...r };
        expect(outcome(rows, options)).toEqual(outcome(new Set(rows), options));
      }),
      { numRuns: 400 },
    );
  });

  it("grows past its first 64 groups, in every metric's counts", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `c${i % 300}`, ltr: i % 11, sat: 1 + (i % 5), effort: 1 + (i % 7) }));
    const metrics = { nps: "ltr", csat: "sat", ces: "effort" } as const;
    const report = segmentReport(rows, { by: "id", metrics });
    expect(report).toEqual(segmentReport(new Set(rows), { by: "id", metrics }));
    // c299 is the last group made: records 299, 599 and 899.
    const last = report.segments.find((s) => s.key === "c299")!;
    expect(last.tallies.csat!.counts).toEqual([0, 0, 0, 0, 3]); // 1 + 299 % 5, and so on: all 5
    expect(last.tallies.ces!.counts).toEqual([0, 0, 0, 1, 1, 1, 0]); // 6, 5 and 4
  });
});
