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
    // One to three metrics in any order, CSAT's and CES's scales starting at 0, 1 or 3: each
    // metric's position and offset are exercised.
    const scale = fc.constantFrom([0, 10], [1, 5], [1, 7], [3, 9]);
    const chosen = fc.shuffledSubarray(["nps", "csat", "ces"], { minLength: 1 });
    fc.assert(
      fc.property(records, rules, by, chosen, scale, scale, (rows, r, b, names, csatScale, cesScale) => {
        const specs: Record<string, unknown> = {
          nps: "ltr",
          csat: { value: "sat", scale: csatScale },
          ces: { value: "effort", scale: cesScale },
        };
        const metrics = Object.fromEntries(names.map((name) => [name, specs[name]]));
        const options = { by: b, metrics, minN: 2, ...r };
        expect(outcome(rows, options)).toEqual(outcome(new Set(rows), options));
      }),
      { numRuns: 400 },
    );
  });

  it("reads each record's key once, and again only for the first record of each group", () => {
    const reads = { region: 0, plan: 0 };
    const rows = Array.from({ length: 300 }, (_, i) => {
      const row = { region: ["north", "south", "east"][i % 3], plan: ["free", "pro"][i % 2], ltr: i % 11, sat: 1 + (i % 5) };
      return new Proxy(row, {
        get(target, field, receiver) {
          if (field === "region" || field === "plan") reads[field]++;
          return Reflect.get(target, field, receiver);
        },
      });
    });
    const metrics = { nps: "ltr", csat: "sat" } as const;
    expect(segmentReport(rows, { by: "region", metrics }).segments).toHaveLength(3);
    expect(reads).toEqual({ region: 300 + 3, plan: 0 });
    reads.region = 0;
    // Six region-plan pairs, each read again when first seen; the plan is looked up only under a
    // region already seen, so the first record of each region (3) skips that lookup.
    expect(segmentReport(rows, { by: ["region", "plan"], metrics }).segments).toHaveLength(6);
    expect(reads).toEqual({ region: 300 + 6, plan: 300 - 3 + 6 });
  });

  it("a record that is not an object is invalid: an error naming it, or skipped and counted", () => {
    for (const bad of [5, null, "x", undefined]) {
      const rows = [{ region: "a", v: 9 }, bad, { region: "a", v: 10 }];
      const options = { by: "region", metrics: { nps: "v" } } as const;
      expect(() => segmentReport(rows as never, options)).toThrow(
        `records[1] must be an object (or pass onInvalid: "skip"); got ${bad === "x" ? '"x"' : String(bad)}`,
      );
      const skipped = segmentReport(rows as never, { ...options, onInvalid: "skip" });
      expect(skipped.skipped.records).toEqual({ missing: 0, invalid: 1, firstMissing: null, firstInvalid: 1 });
      expect(skipped.total.n).toBe(2);
    }
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
