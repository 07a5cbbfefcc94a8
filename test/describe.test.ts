// How error messages show the value they got (src/describe.ts): short, and in the form it was
// written. Each expectation is the rule spelt out: strings quoted and cut after 80 characters,
// -0 kept, functions and dates named, nested values as […] and {…}, the whole cut to 80.
import { expect, describe as group, it } from "vitest";
import { describe } from "../src/describe.ts";

group("describe(value)", () => {
  it("quotes a string, whole up to 80 characters and cut after the 80th", () => {
    const eighty = "x".repeat(80);
    expect(describe(eighty)).toBe(`"${eighty}"`.slice(0, 78) + "…" + '"');
    expect(describe("Dec 17, 2025")).toBe('"Dec 17, 2025"');
    // Inside an array each string is quoted whole to 80 (the array's text is then cut as a whole).
    expect(describe([eighty])).toBe(`["${"x".repeat(76)}…]`);
    expect(describe(["y".repeat(81)])).toBe(`["${"y".repeat(76)}…]`);
    expect(describe({ a: "y".repeat(81) })).toBe(`{ a: "${"y".repeat(72)}…}`);
    expect(describe({ a: "y".repeat(10) + "z".repeat(71) }).endsWith("…}")).toBe(true);
  });

  it("shows -0, functions, dates, BigInts and nested values in the form they were written", () => {
    expect(describe(-0)).toBe("-0");
    expect(describe(0)).toBe("0");
    expect(describe([-0, 1.5])).toBe("[-0, 1.5]");
    expect(describe(() => 1)).toBe("a function");
    expect(describe({ f: Math.max })).toBe("{ f: a function }");
    expect(describe(new Date(Date.UTC(2025, 11, 17)))).toBe("Date 2025-12-17T00:00:00.000Z");
    expect(describe(new Date(Number.NaN))).toBe("Invalid Date");
    expect(describe(12n)).toBe("12n");
    expect(describe([[1], { a: 1 }, null, undefined])).toBe("[[…], {…}, null, undefined]");
    expect(describe(Int8Array.of(1, -2))).toBe("Int8Array [1, -2]");
    expect(describe({})).toBe("{}");
  });

  it("cuts the text to 80 characters, keeping the last: whole at 80, cut at 81", () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    expect(describe(many)).toBe("{ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9, k10: 1…}");
    expect(describe(Array.from({ length: 40 }, (_, i) => i))).toBe(
      "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,…]",
    );
    const eighty = { s: "z".repeat(80 - '{ s: "" }'.length) };
    expect(describe(eighty)).toBe(`{ s: "${eighty.s}" }`);
    expect(describe(eighty)).toHaveLength(80);
    expect(describe({ s: `${eighty.s}z` })).toBe(`{ s: "${eighty.s}z…}`.replace(`z"`, ""));
  });
});
