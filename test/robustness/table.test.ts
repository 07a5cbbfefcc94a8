import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.ts";
import { CASES, robustnessTable } from "./cases.ts";

const FILE = new URL("../../docs/robustness.md", import.meta.url);

describe("docs/robustness.md", () => {
  it("tries bad input on every function export", () => {
    const names = Object.entries(api)
      .filter(([n, v]) => typeof v === "function" && !/^[A-Z]/.test(n))
      .map(([n]) => n);
    expect(names.filter((n) => !CASES.some((c) => c.fn === n))).toEqual([]);
  });

  it("tells the truth: the table matches what the library does", () => {
    const table = robustnessTable();
    if (process.env.UPDATE_DOCS) writeFileSync(FILE, table);
    expect(readFileSync(FILE, "utf8")).toBe(table);
  });
});
