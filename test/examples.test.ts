// Every @example in the source runs, and every line of the form `expression; // number` gives
// that number (to the digits shown; "…" or "..." after them means "starts with").
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as charts from "../src/charts/index.ts";
import * as api from "../src/index.ts";

const SRC = new URL("../src/", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

interface Example {
  readonly where: string;
  readonly code: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const file of files(SRC)) {
    const text = readFileSync(file, "utf8");
    const re = /@example\s*\n((?:\s*\*.*\n)*?)\s*\*\s*```ts\n((?:\s*\*.*\n)*?)\s*\*\s*```/g;
    for (const m of text.matchAll(re)) {
      const code = m[2]!
        .split("\n")
        .map((line) => line.replace(/^\s*\* ?/, ""))
        .join("\n");
      const line = text.slice(0, m.index).split("\n").length;
      found.push({ where: `${file.slice(SRC.length)}:${line}`, code });
    }
  }
  return found;
}

/** Compare a value with the number a comment states, to the digits it shows. */
function matches(value: unknown, stated: string): boolean {
  if (typeof value !== "number") return false;
  const prefix = /(…|\.\.\.)$/.test(stated);
  const digits = stated.replace(/(…|\.\.\.)$/, "");
  const expected = Number(digits);
  if (prefix) {
    const decimals = digits.includes(".") ? digits.split(".")[1]!.length : 0;
    return Math.abs(value - expected) < 10 ** -decimals;
  }
  return Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) || value.toString() === digits;
}

/** The README's quick start, held to the same standard as the TSDoc examples. */
function readmeQuickStart(): Example {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const m = /## Quick start\s*```ts\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error("README.md has no quick start block");
  return { where: "README.md quick start", code: m[1]! };
}

const all = [...examples(), readmeQuickStart()];

describe("documentation examples", () => {
  it("exist for every export", () => {
    const text = files(SRC)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    for (const name of [...Object.keys(api), ...Object.keys(charts)]) {
      expect(text, name).toMatch(new RegExp(`@example[\\s\\S]{0,400}?\\b${name}\\b`));
    }
  });

  for (const example of all) {
    it(`${example.where} runs and gives the values it states`, () => {
      // Examples are TypeScript; the only TS syntax they use is `as T` casts, which JS does not need.
      const body = example.code
        .replace(/^import \{([^}]*)\} from "cxmetrics";$/gm, "const {$1} = api;")
        .replace(/^import \{([^}]*)\} from "cxmetrics\/charts";$/gm, "const {$1} = charts;")
        .replace(/ as (never|const|unknown)\b/g, "");
      const checks: string[] = [];
      const lines = body.split("\n").map((line) => {
        const m = /^([A-Za-z_][\w.]*\(.*\)|[A-Za-z_][\w.?!]*)(\.\w+)*;\s*\/\/\s*([-+]?\d[\d.e+-]*(?:…|\.\.\.)?)(?=[\s:(]|$)/.exec(line);
        if (!m || line.startsWith("const ") || line.startsWith("let ")) return line;
        const expr = line.slice(0, line.indexOf(";"));
        checks.push(m[3]!);
        return `__results.push(${expr});`;
      });
      const results: unknown[] = [];
      const run = new Function("api", "charts", "__results", "console", lines.join("\n"));
      run(api, charts, results, { log: () => {}, table: () => {} });
      results.forEach((value, i) => {
        expect(matches(value, checks[i]!), `${example.where}: got ${String(value)}, the comment says ${checks[i]}`).toBe(true);
      });
    });
  }
});
