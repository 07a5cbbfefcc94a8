// The public API is a list of names, and the house can be rearranged under it without changing one:
// every export of "cxmetrics" and "cxmetrics/charts", values and types, against the list kept in
// test/fixtures/exports.json (written from 1.0's tree before the rooms moved; UPDATE_EXPORTS=1
// rewrites it, for a change that means to add or remove an export). Types are read with the
// TypeScript compiler's own view of each entry's exports.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const fixture = join(root, "test/fixtures/exports.json");

function exportsOf(entry: string): { values: string[]; types: string[] } {
  const file = join(root, entry);
  const program = ts.createProgram([file], {
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  const values: string[] = [];
  const types: string[] = [];
  for (const s of checker.getExportsOfModule(symbol)) {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    (target.flags & ts.SymbolFlags.Value ? values : types).push(s.getName());
  }
  return { values: values.sort(), types: types.sort() };
}

describe("the public API's names", () => {
  it("are the kept list, for both entries", () => {
    const now = { index: exportsOf("src/index.ts"), charts: exportsOf("src/charts/index.ts") };
    if (process.env.UPDATE_EXPORTS) writeFileSync(fixture, `${JSON.stringify(now, null, 2)}\n`);
    expect(now).toEqual(JSON.parse(readFileSync(fixture, "utf8")));
    expect(now.index.values.length).toBeGreaterThanOrEqual(80);
    expect(now.index.types).toContain("Tally");
  });
});
