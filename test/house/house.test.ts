// The house rules of src/, kept by a machine (docs/conventions.md, "Where things live"): no import
// circle, type imports included; every import runs down the floors or stays in its room; src/_lib
// holds only the shared substrate, in three layers. Read from the source's own import lines.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const src = join(root, "src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Every relative module a file names: imports, type imports and re-exports alike. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const names = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
  return names.map((n) => relative(src, normalize(join(dirname(file), n))));
}

const files = sources(src).map((f) => relative(src, f));
const graph = new Map(files.map((f) => [f, importsOf(join(src, f))]));

/**
 * The floors, lowest first: the ground floor's shared vocabulary, the three layers of _lib, then
 * the areas in the order they may import one another. An import must go to a lower floor or stay
 * in its own room (folder).
 */
const FLOORS: readonly (readonly string[])[] = [
  ["types.ts", "describe.ts", "errors.ts"],
  ["_lib/core"],
  ["_lib/read"],
  ["_lib/count"],
  ["stats"],
  ["tally", "weights"],
  ["nps"],
  ["csat"],
  ["ces"],
  ["segments"],
  ["charts", "revenue", "models", "warehouse"],
  ["index.ts"],
];

function roomOf(file: string): string {
  // The ground floor's files are one room: errors.ts takes its value formatter from describe.ts.
  if (FLOORS[0]!.includes(file)) return "ground";
  if (!file.includes("/")) return file;
  const parts = file.split("/");
  return parts[0] === "_lib" ? `_lib/${parts[1]}` : parts[0]!;
}

function floorOf(file: string): number {
  const room = roomOf(file);
  return room === "ground" ? 0 : FLOORS.findIndex((floor) => floor.includes(room));
}

describe("the house of src/", () => {
  it("every file is in a room of a known floor (src/_lib holds only core/, read/ and count/)", () => {
    expect(files.filter((f) => floorOf(f) < 0)).toEqual([]);
  });

  it("every import runs down a floor or stays in its room, type imports included", () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const t of targets) {
        if (roomOf(t) === roomOf(file)) continue;
        if (floorOf(t) >= floorOf(file)) upward.push(`${file} -> ${t}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("the ground floor's types.ts imports nothing", () => {
    expect(graph.get("types.ts")).toEqual([]);
  });

  it("has no import circle, type imports included", () => {
    // Tarjan's strongly connected components: a component of more than one file is a circle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    let next = 0;
    const visit = (v: string): void => {
      index.set(v, next);
      low.set(v, next);
      next++;
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component.sort());
      }
    };
    for (const f of files) if (!index.has(f)) visit(f);
    expect(circles).toEqual([]);
  });

  it("has no cast around the type system (as unknown as, as never): results read by shape go through type guards", () => {
    const casts = files.filter((f) => /\bas unknown as\b|\bas never\b/.test(readFileSync(join(src, f), "utf8")));
    expect(casts).toEqual([]);
  });

  it("reads the imports it checks (a sanity check of the reader)", () => {
    expect(graph.get("index.ts")!.length).toBeGreaterThan(5);
    expect([...graph.values()].flat().every((t) => t.endsWith(".ts"))).toBe(true);
    expect([...graph.values()].flat().filter((t) => !graph.has(t))).toEqual([]);
  });
});
