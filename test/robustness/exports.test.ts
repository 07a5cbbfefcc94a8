import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.ts";
import { REGISTRY } from "./registry.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** Freeze arrays and plain objects all the way down (typed arrays cannot be frozen). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Every number anywhere in a result is finite. */
function allFinite(value: unknown, path = "result"): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${path} = ${value}`;
  if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const bad = allFinite(v, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return undefined;
}

const exported = Object.entries(api).filter(([name, v]) => typeof v === "function" && !/^[A-Z]/.test(name)) as [
  string,
  (...args: unknown[]) => unknown,
][];

/** Typed arrays as arrays and BigInts as text, so a snapshot shows any change to the inputs. */
const plain = (_: string, v: unknown): unknown =>
  ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : typeof v === "bigint" ? `${v}n` : v;

describe("every export, under hostile input", () => {
  it("has an entry in the robustness registry", () => {
    expect(exported.map(([name]) => name).sort()).toEqual(Object.keys(REGISTRY).sort());
  });

  for (const [name, fn] of exported) {
    it(`${name}: a finite result or a MetricsInputError/MetricsTypeError naming the argument, inputs untouched`, () => {
      fc.assert(
        fc.property(REGISTRY[name]!, (args) => {
          const snapshot = JSON.stringify(args, plain);
          deepFreeze(args);
          let result: unknown;
          try {
            result = fn(...args);
          } catch (error) {
            if (!api.isMetricsError(error)) throw error;
            expect(error.message).toContain(error.argument.replace(/\[\d+\].*$/, ""));
            expect(error.message).toMatch(/ must be .*; got | is not (an option|a field|a metric)|has no field /);
            return;
          }
          const bad = allFinite(result);
          if (bad) throw new Error(`${name} returned a non-finite number: ${bad}`);
          expect(JSON.stringify(args, plain)).toBe(snapshot);
        }),
        // Model fits run an optimiser per case: capped so the fuzz run stays quick. Pareto/NBD fits
        // on hostile data mostly run off (rates alike across customers) and take about 0.2 s each
        // to be declined, so they get a tenth of the runs, at most 150.
        { numRuns: name === "fitParetoNbd" ? Math.min(Math.ceil(RUNS / 10), 150) : name.startsWith("fit") ? Math.min(RUNS, 2000) : RUNS },
      );
      // A few seconds on an idle machine; room for a loaded CI runner.
    }, 60_000);
  }
});
