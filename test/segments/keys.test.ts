import { describe, expect, it } from "vitest";
import { segmentReport, trend } from "../../src/index.ts";

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

  it("skips a missing part of a nested key as missing and an object as invalid, and a missing marker is not a key", () => {
    const records = [
      { region: "n", plan: "pro", v: 9 },
      { region: "n", plan: null, v: 9 },
      { region: "n", plan: { tier: 1 }, v: 9 },
      { region: "NA", plan: "pro", v: 9 },
    ];
    const nested = segmentReport(records, { by: ["region", "plan"], metrics: nps, missing: "skip", onInvalid: "skip" });
    expect(nested.segments.map((s) => s.key)).toEqual([["n", "pro"]]);
    expect(nested.skipped.records).toEqual({ missing: 2, invalid: 1, firstMissing: 1, firstInvalid: 2 });
    const single = segmentReport(records, { by: "region", metrics: nps, missing: "skip" });
    expect(single.segments.map((s) => s.key)).toEqual(["n"]);
    expect(single.skipped.records.firstMissing).toBe(3);
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
      /^records\[0\] time must be a time, not missing \(pass missing: "skip" to skip missing values\); got null/,
    );
  });

  it("a key that is not a string, finite number or boolean is invalid, read from records, an iterable or columns", () => {
    for (const bad of [Number.POSITIVE_INFINITY, 12n, Symbol("s")]) {
      const records = [
        { region: "a", v: 9 },
        { region: bad, v: 9 },
      ];
      const inputs = [records, new Set(records), { region: records.map((r) => r.region), v: [9, 9] }];
      for (const input of inputs) {
        expect(() => segmentReport(input as never, { by: "region", metrics: nps })).toThrow(
          `records[1] segment key must be a string, finite number or boolean (or pass onInvalid: "skip"); got ${typeof bad === "bigint" ? "12n" : String(bad)}`,
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
