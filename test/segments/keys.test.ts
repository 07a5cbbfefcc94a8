import { describe, expect, it } from "vitest";
import { mrrMovements, rfmSummary, segmentReport, trend } from "../../src/index.ts";

// Segment keys: their types and order, nested keys, accessors beside field names, and the keys
// and times a report skips or rejects (the edges the mutation run found untested).
const nps = { nps: "v" } as const;

describe("segment keys", () => {
  it("orders numbers, then strings, then booleans, each by value; booleans are keys too", () => {
    const records = [3, "a", true, 1, "b", false, 10, "10"].map((k) => ({ k, v: 9 }));
    expect(segmentReport(records, { by: "k", metrics: nps }).segments.map((s) => s.key)).toEqual([1, 3, 10, "10", "a", "b", false, true]);
  });

  it("orders nested keys element by element, numbers as numbers (2 before 10)", () => {
    const records = [
      { n: 10, g: "x", v: 9 },
      { n: 2, g: "y", v: 9 },
      { n: 2, g: "x", v: 9 },
    ];
    expect(segmentReport(records, { by: ["n", "g"], metrics: nps }).segments.map((s) => s.key)).toEqual([
      [2, "x"],
      [2, "y"],
      [10, "x"],
    ]);
  });

  it("takes field names and accessors together in one nested key, on arrays and on other iterables alike", () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ region: i % 2 ? "n" : "s", plan: i % 3 ? "pro" : "basic", v: i % 11 }));
    const options = { by: ["region", (r: (typeof records)[number]) => r.plan], metrics: nps } as const;
    const report = segmentReport(records, options);
    expect(report).toEqual(segmentReport(new Set(records), options));
    expect(report.segments.map((s) => s.key)).toEqual([
      ["n", "basic"],
      ["n", "pro"],
      ["s", "basic"],
      ["s", "pro"],
    ]);
  });

  it("skips a missing part of a nested key as missing and an object as invalid; a value marker such as NA is a key", () => {
    const records = [
      { region: "n", plan: "pro", v: 9 },
      { region: "n", plan: null, v: 9 },
      { region: "n", plan: { tier: 1 }, v: 9 },
      { region: "NA", plan: "pro", v: 9 },
    ];
    const nested = segmentReport(records, { by: ["region", "plan"], metrics: nps, missing: "skip", onInvalid: "skip" });
    expect(nested.segments.map((s) => s.key)).toEqual([
      ["NA", "pro"],
      ["n", "pro"],
    ]);
    expect(nested.skipped.records).toEqual({ missing: 1, invalid: 1, firstMissing: 1, firstInvalid: 2 });
    const single = segmentReport(records, { by: "region", metrics: nps, missing: "skip" });
    expect(single.segments.map((s) => s.key)).toEqual(["NA", "n"]);
    expect(single.skipped.records.missing).toBe(0);
    // Key markers apply only when the caller names them.
    const named = { metrics: nps, missing: "skip", onInvalid: "skip", keyMissingValues: ["NA"] } as const;
    expect(segmentReport(records, { by: ["region", "plan"], ...named }).skipped.records).toEqual({
      missing: 2,
      invalid: 1,
      firstMissing: 1,
      firstInvalid: 2,
    });
    expect(segmentReport(records, { by: "region", ...named }).segments.map((s) => s.key)).toEqual(["n"]);
    // An accessor's object or function is an invalid key, not one segment per object.
    expect(() => segmentReport(records, { by: (r) => (r.plan === "pro" ? r.plan : () => 1), metrics: nps })).toThrow(
      /^records\[1\] segment key must be a string, finite number or boolean \(or pass onInvalid: "skip"\)/,
    );
  });
});

describe("trend times", () => {
  it("counts a missing time as missing and an unreadable one as invalid, each at its first row", () => {
    const records = [
      { at: null, v: 9 },
      { at: "2024-01-02", v: 9 },
      { at: "yesterday", v: 3 },
      { at: "", v: 3 },
    ];
    const t = trend(records, { time: "at", every: "month", metrics: nps, missing: "skip", onInvalid: "skip" });
    expect(t.skipped.records).toEqual({ missing: 2, invalid: 1, firstMissing: 0, firstInvalid: 2 });
    expect(() => trend(records, { time: "at", every: "month", metrics: nps })).toThrow(
      /^records\[0\] time must be a time, not missing \(pass missing: "skip" to drop the records without one\); got null/,
    );
  });

  it("a key that is not a string, finite number or boolean is invalid, read from records, an iterable or columns", () => {
    for (const bad of [Number.POSITIVE_INFINITY, Symbol("s")]) {
      const records = [
        { region: "a", v: 9 },
        { region: bad, v: 9 },
      ];
      const inputs = [records, new Set(records), { region: records.map((r) => r.region), v: [9, 9] }];
      for (const input of inputs) {
        expect(() => segmentReport(input as never, { by: "region", metrics: nps })).toThrow(
          `records[1] segment key must be a string, finite number or boolean (or pass onInvalid: "skip"); got ${String(bad)}`,
        );
        const skipped = segmentReport(input as never, { by: "region", metrics: nps, onInvalid: "skip" });
        expect(skipped.segments.map((s) => s.key)).toEqual(["a"]);
        expect(skipped.skipped.records).toMatchObject({ invalid: 1, firstInvalid: 1 });
      }
    }
  });

  it("a trend names options.time where the time field is absent, or every record's time is skipped", () => {
    expect(() => trend([{ ltr: 9 }] as { ltr: number; at?: string }[], { time: "at", every: "month", metrics: { nps: "ltr" } })).toThrow(
      'records[0] has no field "at" (options.time); its fields are ltr',
    );
    try {
      trend([{ at: "soon", ltr: 9 }], { time: "at", every: "month", metrics: { nps: "ltr" }, onInvalid: "skip" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ argument: "options.time" });
      expect((error as Error).message).toMatch(
        /^options\.time must be a time that at least one record has: all 1 records were skipped \(0 missing, 1 invalid\)/,
      );
    }
  });
});

describe("keys as exports write them", () => {
  it('segmentReport reads the region "NA" (North America) as a key, not as missing (1.0 dropped it)', () => {
    const rows = [
      { region: "NA", ltr: "10" },
      { region: "NA", ltr: "9" },
      { region: "NA", ltr: "" },
      { region: "EMEA", ltr: "3" },
      { region: "EMEA", ltr: "8" },
    ];
    const report = segmentReport(rows, { by: "region", metrics: { nps: "ltr" }, missing: "skip" });
    // By hand: 2 promoters (10, 9), 1 passive (8), 1 detractor (3) of 4 counted: (2 − 1) / 4 = 25 points.
    expect(report.total.nps!.estimate).toBe(25);
    expect(report.total.nps!.n).toBe(4);
    expect(report.segments.map((s) => [s.key, s.nps!.n])).toEqual([
      ["EMEA", 2],
      ["NA", 2],
    ]);
    expect(report.skipped.records.missing).toBe(0);
    expect(report.skipped.nps.missing).toBe(1);
  });

  it("a blank key's error suggests dropping only the records without one", () => {
    expect(() => segmentReport([{ region: " ", ltr: 9 }], { by: "region", metrics: { nps: "ltr" } })).toThrow(
      'records[0] segment key must be a string, finite number or boolean, not missing (pass missing: "skip" to drop the records without one); got " "',
    );
  });

  it("keys are trimmed as cells are: APAC with a trailing space, a no-break space or a byte-order mark is APAC", () => {
    const padded = ["APAC ", "APAC", " APAC", "\u00a0APAC", "\ufeffAPAC", "EMEA", "EMEA\t"];
    const rows = padded.map((region, i) => ({ region, plan: i % 2 === 0 ? "pro " : "pro", ltr: i + 3 }));
    const trimmed = rows.map((r) => ({ ...r, region: r.region.trim(), plan: "pro" }));
    const options = { by: "region", metrics: { nps: "ltr" } } as const;
    const report = segmentReport(rows, options);
    expect(report.segments.map((s) => [s.key, s.n])).toEqual([
      ["APAC", 5],
      ["EMEA", 2],
    ]);
    expect(report).toEqual(segmentReport(trimmed, options));
    // The record path (an iterable), the accessor path and nested keys agree.
    expect(segmentReport(new Set(rows), options)).toEqual(report);
    expect(segmentReport(rows, { metrics: { nps: "ltr" }, by: (r) => r.region })).toEqual(report);
    const nested = segmentReport(rows, { by: ["region", "plan"], metrics: { nps: "ltr" } });
    expect(nested.segments.map((s) => s.key)).toEqual([
      ["APAC", "pro"],
      ["EMEA", "pro"],
    ]);
    expect(nested.segments.map((s) => s.tallies.nps)).toEqual(report.segments.map((s) => s.tallies.nps));
    // Columns with a dictionary that lists the padded spellings apart.
    const columns = { region: { codes: Int32Array.from(padded.keys()), dictionary: padded }, ltr: Float64Array.from(rows, (r) => r.ltr) };
    expect(segmentReport(columns, options)).toEqual(report);
  });

  it("keyMissingValues names the key markers, and is checked like missingValues", () => {
    const rows = [
      { region: "unknown", ltr: 9 },
      { region: "EMEA", ltr: 3 },
    ];
    const report = segmentReport(rows, { by: "region", metrics: { nps: "ltr" }, missing: "skip", keyMissingValues: ["unknown"] });
    expect(report.segments.map((s) => s.key)).toEqual(["EMEA"]);
    expect(report.skipped.records).toEqual({ missing: 1, invalid: 0, firstMissing: 0, firstInvalid: null });
    expect(() => segmentReport(rows, { by: "region", metrics: { nps: "ltr" }, keyMissingValues: "unknown" as never })).toThrow(
      'options.keyMissingValues must be an array of strings such as ["NA", "N/A"]; got "unknown"',
    );
  });

  it('customer ids: "NA" is an id and " c1" is c1, in mrrMovements and rfmSummary', () => {
    const changes = [
      { customer: "NA", time: "2025-01-05", mrr: 100 },
      { customer: "c1 ", time: "2025-01-10", mrr: 50 },
      { customer: "c1", time: "2025-02-10", mrr: 80 },
    ];
    const report = mrrMovements(changes, { every: "month" });
    // c1's 50 → 80 is expansion of the same customer, not a second new customer.
    expect(report.periods.map((r) => [r.period, r.newMrr, r.expansionMrr, r.customers.new])).toEqual([
      ["2025-01", 150, 0, 2],
      ["2025-02", 0, 30, 0],
    ]);
    const summary = rfmSummary(
      [
        { customer: "NA", time: "2025-01-01", value: 10 },
        { customer: " NA", time: "2025-01-08", value: 20 },
      ],
      { end: "2025-02-01", unit: "day" },
    );
    expect(summary.map((s) => [s.id, s.frequency])).toEqual([["NA", 1]]);
  });
});
