import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.ts";
import { CASES, robustnessTable } from "./cases.ts";

const FILE = new URL("../../docs/robustness.md", import.meta.url);
/** Where the mutation-testing section begins: scripts/mutation-table.mjs writes from here on. */
const MUTATION = "\n<!-- mutation testing: scripts/mutation-table.mjs -->";

describe("docs/robustness.md", () => {
  it("tries bad input on every function export", () => {
    const names = Object.entries(api)
      .filter(([n, v]) => typeof v === "function" && !/^[A-Z]/.test(n))
      .map(([n]) => n);
    expect(names.filter((n) => !CASES.some((c) => c.fn === n))).toEqual([]);
  });

  it("tells the truth: the table matches what the library does", () => {
    const table = robustnessTable();
    const text = readFileSync(FILE, "utf8");
    const at = text.indexOf(MUTATION);
    const [ours, mutation] = at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at)];
    if (process.env.UPDATE_DOCS) writeFileSync(FILE, table + mutation);
    else expect(ours).toBe(table);
  });
});
