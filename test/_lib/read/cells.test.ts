import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellRules, isMissingCell, readCell } from "../../../src/_lib/read/cells.ts";
import { MetricsTypeError, nps, segmentReport } from "../../../src/index.ts";
import { expectError } from "../../helpers.ts";

// The one reader of raw cells (src/_lib/read/cells.ts): which strings are numbers, which cells are
// missing, and the cheap missing test for keys and ids, which must agree with the full reader.
describe("reading raw cells", () => {
  it("reads as numbers exactly the numeric texts: sign, digits, a point, an exponent", () => {
    const numbers: [string, number][] = [
      ["7", 7],
      ["12", 12],
      ["12.5", 12.5],
      ["12.", 12],
      [".5", 0.5],
      [".55", 0.55],
      ["+3", 3],
      ["-3", -3],
      ["1e5", 100000],
      ["1E5", 100000],
      ["1e+5", 100000],
      ["1e-5", 0.00001],
      ["2.5e10", 25000000000],
      [" 9 ", 9],
    ];
    for (const [text, value] of numbers) expect(readCell(text, new Set()), text).toBe(value);
    const words = ["1e", "e5", ".", "+", "-", "1..2", "1,5", "0x10", "Infinity", "1_000", "--1", "1e5.5", "1e+", ".e5", "1 2", "seven"];
    for (const text of words) expect(readCell(text, new Set()), text).toBe(text);
  });

  it("reads null, undefined, NaN, blanks and markers as missing, and anything else as itself", () => {
    const markers = new Set(["N/A"]);
    for (const cell of [null, undefined, Number.NaN, "", "  ", "\t", "N/A", " N/A "]) expect(readCell(cell, markers)).toBeUndefined();
    const object = {};
    for (const cell of [0, -0.5, Number.POSITIVE_INFINITY, true, object, "NA"]) expect(readCell(cell, markers)).toBe(cell);
    // BigInts (DuckDB's BIGINT) are the numbers they are while a double holds them exactly; past 2^53 they stay BigInts, to be refused.
    expect(readCell(7n, markers)).toBe(7);
    expect(readCell(-(2n ** 53n) + 1n, markers)).toBe(-(2 ** 53) + 1);
    expect(readCell(2n ** 53n, markers)).toBe(2n ** 53n);
  });

  it("the cheap missing test agrees with the reader on any cell, white space of any kind at either end", () => {
    const space = fc.constantFrom("", " ", "\t", "\n", "\u00a0", "\ufeff", "\u2003", "\u001f", "\u0080");
    const core = fc.constantFrom(
      "",
      "NA",
      "N/A",
      "n/a",
      "-",
      "—",
      "\u0080x",
      "x\u0080",
      "unknown",
      "7",
      "10",
      "Nx",
      "NAx",
      "\u00e9t\u00e9",
    );
    const text = fc.tuple(space, core, space).map(([a, b, c]) => a + b + c);
    const cell = fc.oneof(
      { weight: 8, arbitrary: text },
      { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN, 0, 7, Number.POSITIVE_INFINITY, true, false, {}, 3n) },
    );
    const markers = fc.oneof(fc.constant(undefined), fc.subarray(["NA", "—", "\u0080x", " unknown", "x\u0080", "\u00a0", "10", ""]));
    fc.assert(
      fc.property(cell, markers, (c, m) => {
        const rules = cellRules("skip", m);
        expect(isMissingCell(c, rules)).toBe(readCell(c, rules.markers) === undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps a blank segment key out of the report whatever white space it is, as it does a blank score", () => {
    // A no-break space or a byte-order mark (a CSV's first cell) is white space to String.trim.
    const rows = [
      { team: "a", score: 10 },
      { team: "\u00a0", score: 0 },
      { team: "\ufeffN/A", score: 0 },
      { team: "a", score: "\u00a0" },
    ];
    // "N/A" behind a byte-order mark is the key "N/A" (markers are values', never keys'), unless named.
    const report = segmentReport(rows, { by: "team", metrics: { nps: "score" }, missing: "skip" });
    expect(report.segments.map((s) => s.key)).toEqual(["N/A", "a"]);
    expect(report.skipped.records).toMatchObject({ missing: 1, firstMissing: 1 });
    const named = segmentReport(rows, { by: "team", metrics: { nps: "score" }, missing: "skip", keyMissingValues: ["N/A"] });
    expect(named.segments.map((s) => s.key)).toEqual(["a"]);
    expect(named.skipped.records).toMatchObject({ missing: 2, firstMissing: 1 });
    expect(report.skipped.nps).toMatchObject({ missing: 1, firstMissing: 3 });
    expect(nps(["\u00a0", 10], { missing: "skip" })).toBe(100);
  });

  it("finds markers that begin past ASCII, which the table of first characters does not cover", () => {
    const rules = cellRules("skip", ["—", "\u0080x", "não sei"]);
    for (const cell of ["—", "\u0080x", "não sei", " — "]) expect(isMissingCell(cell, rules), cell).toBe(true);
    for (const cell of ["–", "\u0080", "não"]) expect(isMissingCell(cell, rules), cell).toBe(false);
  });

  it("takes missingValues as an array of strings, and the missing mode as given", () => {
    expectError(
      () => cellRules("sometimes", undefined),
      MetricsTypeError,
      "INVALID_OPTION",
      "options.missing",
      'options.missing must be one of "throw", "skip"; got "sometimes"',
    );
    expect(cellRules("throw", ["NA"]).skipMissing).toBe(false);
    expect(cellRules("skip", ["NA"]).skipMissing).toBe(true);
    expect(cellRules(undefined, undefined).skipMissing).toBe(false);
    const expected = 'options.missingValues must be an array of strings such as ["NA", "N/A"]; got';
    expectError(() => cellRules("skip", ["NA", 3]), MetricsTypeError, "INVALID_TYPE", "options.missingValues", `${expected} ["NA", 3]`);
    expectError(() => cellRules("skip", [3]), MetricsTypeError, "INVALID_TYPE", "options.missingValues", `${expected} [3]`);
    expectError(() => cellRules("skip", "NA"), MetricsTypeError, "INVALID_TYPE", "options.missingValues", `${expected} "NA"`);
  });
});
