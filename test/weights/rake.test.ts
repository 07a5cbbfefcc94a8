import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricsInputError, MetricsTypeError, rake } from "../../src/index.ts";

// test/fixtures/r/rake.R: survey::rake(svydesign(ids = ~1, weights = ~w), …, control = list(maxit
// = 1000, epsilon = 1e-13)), weights(…); the records and margins are in the same file.
const R = JSON.parse(readFileSync(new URL("../fixtures/r/rake.json", import.meta.url), "utf8"));

describe("rake", () => {
  it("gives R survey's raked weights to 1e-8 relative: shares on two margins, unit starting weights", () => {
    const c = R.shares;
    const result = rake(c.records, c.margins, { tolerance: 1e-13, maxIterations: 1000 });
    for (const [i, w] of result.weights.entries()) expect(Math.abs(w - c.weights[i]) / c.weights[i]).toBeLessThan(1e-8);
    expect(result.converged).toBe(true);
    expect(result.maxGap).toBeLessThanOrEqual(1e-13);
  });

  it("gives R survey's raked weights to 1e-8 relative: population totals on three margins, design weights 1-5", () => {
    const c = R.totals;
    const result = rake(c.records, c.margins, { as: "totals", weight: "w", tolerance: 1e-13, maxIterations: 1000 });
    for (const [i, w] of result.weights.entries()) expect(Math.abs(w - c.weights[i]) / c.weights[i]).toBeLessThan(1e-8);
    expect(result.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(10_000, 6);
  });

  it("meets every margin, keeps the starting total, and leaves its inputs alone (any sample covering the categories)", () => {
    const regions = ["n", "s", "e"];
    const plans = ["a", "b"];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            region: fc.constantFrom(...regions),
            plan: fc.constantFrom(...plans),
            w: fc.double({ min: 0.1, max: 10, noNaN: true }),
          }),
          {
            minLength: 6,
            maxLength: 80,
          },
        ),
        (sample) => {
          const records = [...regions.flatMap((region) => plans.map((plan) => ({ region, plan, w: 1 }))), ...sample];
          const before = JSON.stringify(records);
          const margins = { region: { n: 0.2, s: 0.5, e: 0.3 }, plan: { a: 0.65, b: 0.35 } };
          const { weights, maxGap } = rake(records, margins, { weight: "w" });
          expect(maxGap).toBeLessThanOrEqual(1e-10);
          const total = weights.reduce((s, w) => s + w, 0);
          expect(total).toBeCloseTo(
            records.reduce((s, r) => s + r.w, 0),
            8,
          );
          for (const [variable, shares] of Object.entries(margins)) {
            for (const [category, share] of Object.entries(shares)) {
              const got =
                weights.reduce((s, w, i) => s + ((records[i] as Record<string, unknown>)[variable] === category ? w : 0), 0) / total;
              expect(got).toBeCloseTo(share, 9);
            }
          }
          expect(JSON.stringify(records)).toBe(before);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("with one margin is post-stratification: each category's weights scale by target over sample share", () => {
    const records = [{ g: "x" }, { g: "x" }, { g: "x" }, { g: "y" }];
    const { weights, iterations } = rake(records, { g: { x: 0.5, y: 0.5 } });
    expect(weights).toEqual([2 / 3, 2 / 3, 2 / 3, 2]);
    expect(iterations).toBe(1);
  });

  it("trims weights into [lower, upper] × the mean, and says so when the margins cannot then be met", () => {
    const records = [...Array.from({ length: 9 }, () => ({ g: "x" })), { g: "y" }];
    expect(() => rake(records, { g: { x: 0.5, y: 0.5 } }, { trim: [0.2, 3] })).toThrow(/the trim bounds may not allow them/);
    const { weights } = rake(records, { g: { x: 0.5, y: 0.5 } }, { trim: [0.2, 5] });
    expect(Math.max(...weights)).toBeCloseTo(5, 12);
    // The lower bound, with design weights of 2 (mean 2): the nine x records need 10/9 each; a
    // lower bound of 0.5 × 2 = 1 lets them, one of 0.6 × 2 = 1.2 does not.
    const weighted = records.map((r) => ({ ...r, w: 2 }));
    const ok = rake(weighted, { g: { x: 0.5, y: 0.5 } }, { weight: "w", trim: [0.5, 5] });
    expect(ok.weights[0]).toBeCloseTo(10 / 9, 12);
    expect(() => rake(weighted, { g: { x: 0.5, y: 0.5 } }, { weight: "w", trim: [0.6, 5] })).toThrow(/the trim bounds may not allow them/);
  });

  it("rejects margins it cannot honour, naming the argument", () => {
    const records = [
      { region: "north", plan: "pro" },
      { region: "south", plan: "basic" },
    ];
    expect(() => rake(records, { region: { north: 0.3, south: 0.6 } })).toThrow(
      /margins\.region must be shares that sum to 1 \(these sum to 0\.89/,
    );
    expect(() => rake(records, { region: { north: 0.3, south: 0.5, west: 0.2 } })).toThrow(
      /margins\.region\.west must be a category some record has/,
    );
    expect(() => rake(records, { region: { north: 1 } })).toThrow(
      /records\[1\]\.region must be one of the categories of margins\.region: north/,
    );
    expect(() => rake([{ region: null }], { region: { north: 1 } })).toThrow(MetricsInputError);
    expect(() => rake(records, { region: { north: 300, south: 700 }, plan: { pro: 500, basic: 400 } }, { as: "totals" })).toThrow(
      /margins\.plan must be totals that sum to 1000/,
    );
    expect(() => rake(records, { region: { north: 0.5, south: 0.5 } }, { tolerence: 1e-9 } as never)).toThrow(/did you mean tolerance/);
    expect(() => rake(records, { region: { north: 0.5, south: 0.5 } }, { weight: "w" })).toThrow(/records\[0\]\.w must be a finite number/);
    expect(() => rake([{ region: "north", w: 0 }], { region: { north: 1 } }, { weight: "w" })).toThrow(/not all 0/);
    expect(() => rake([], { region: { north: 1 } })).toThrow(/at least one record/);
    expect(() => rake(records, "region" as never)).toThrow(MetricsTypeError);
    // Two records that would need a negative weight: the rake cannot converge, and says so.
    const impossible = [
      { region: "north", plan: "pro" },
      { region: "north", plan: "basic" },
      { region: "south", plan: "basic" },
    ];
    expect(() => rake(impossible, { region: { north: 0.2, south: 0.8 }, plan: { pro: 0.5, basic: 0.5 } })).toThrow(/in 100 passes/);
  });

  it("names each argument and value it rejects (every error path, checked by message)", () => {
    const two = [
      { region: "north", w: 1 },
      { region: "south", w: 1 },
    ];
    const half = { region: { north: 0.5, south: 0.5 } };
    const cases: [() => unknown, RegExp][] = [
      [() => rake("north" as never, half), /^records must be/],
      [() => rake(two, half, "fast" as never), /^options must be an object of options for rake/],
      [() => rake(two, half, { as: "counts" } as never), /^options\.as must be one of "shares", "totals"/],
      [() => rake(two, half, { tolerance: 0 }), /^options\.tolerance must be a number in \(0, 1\]/],
      [() => rake(two, half, { tolerance: 2 }), /^options\.tolerance must be a number in \(0, 1\]/],
      [() => rake(two, half, { maxIterations: 0 }), /^options\.maxIterations must be/],
      [() => rake(two, half, { weight: 3 } as never), /^options\.weight must be the name of the records' weight field/],
      [
        () => rake([{ region: "north", w: -1 }], { region: { north: 1 } }, { weight: "w" }),
        /^records\[0\]\.w must be a weight >= 0; got -1/,
      ],
      [
        () => rake([{ region: "north", w: 0 }], { region: { north: 1 } }, { weight: "w" }),
        /^records\[\*\]\.w must be weights that are not all 0/,
      ],
      [() => rake([two[0], "south"] as never, half), /^records\[1\] must be an object/],
      [() => rake(two, { region: [0.5, 0.5] } as never), /^margins\.region must be an object of \{ category: share \}/],
      [() => rake(two, { region: null } as never), /^margins\.region must be an object of \{ category: share \}/],
      [() => rake(two, { region: {} }), /^margins\.region must be at least one category/],
      [() => rake(two, {}), /^margins must be at least one variable/],
      [() => rake(two, [] as never), /^margins must be an object of \{ variable: \{ category: share \} \}/],
      [() => rake(two, { region: { north: 0, south: 1 } }), /^margins\.region\.north must be a number in \(0, /],
      [() => rake(two, { region: { north: 0.5, south: 0.5 + 2e-9 } }), /^margins\.region must be shares that sum to 1/],
      [
        () => rake([{ region: undefined }], { region: { north: 1 } }),
        /^records\[0\]\.region must be one of the categories of margins\.region: north; got undefined/,
      ],
      [() => rake(two, half, { trim: [0.5] } as never), /^options\.trim must be \[lower, upper\], multiples of the mean weight/],
      [() => rake(two, half, { trim: [1.5, 2] }), /^options\.trim\[0\] must be a number in \[0, 1\]/],
      [() => rake(two, half, { trim: [0.5, 0.5] }), /^options\.trim\[1\] must be a number in \[1, /],
    ];
    for (const [call, message] of cases) expect(call, String(message)).toThrow(message);
    // Shares within 1e-9 of 1, and totals within 1e-9 relative of each other, are accepted.
    expect(rake(two, { region: { north: 0.5, south: 0.5 + 5e-10 } }).converged).toBe(true);
    const totals = { region: { north: 500, south: 500 }, plan: { a: 400, b: 600 + 1e-7 } };
    const planned = two.flatMap((r) => [
      { ...r, plan: "a" },
      { ...r, plan: "b" },
    ]);
    expect(rake(planned, totals, { as: "totals" }).weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1000, 6);
    expect(() => rake(planned, { ...totals, plan: { a: 400, b: 600 + 1e-5 } }, { as: "totals" })).toThrow(
      /must be totals that sum to 1000/,
    );
  });

  it("stops at the first pass within the tolerance, and runs exactly maxIterations passes before giving up", () => {
    const records = [
      { region: "n", plan: "a" },
      { region: "n", plan: "b" },
      { region: "s", plan: "a" },
      { region: "s", plan: "b" },
      { region: "s", plan: "b" },
    ];
    const margins = { region: { n: 0.5, s: 0.5 }, plan: { a: 0.5, b: 0.5 } };
    const loose = rake(records, margins, { tolerance: 1e-3 });
    const tight = rake(records, margins, { tolerance: 1e-12 });
    expect(loose.iterations).toBeLessThan(tight.iterations);
    expect(loose.maxGap).toBeLessThanOrEqual(1e-3);
    // Within is inclusive: a largest gap equal to the tolerance after a pass stops there.
    const first = rake(records, margins, { tolerance: 1 });
    expect(first.iterations).toBe(1);
    expect(first.maxGap).toBeGreaterThan(0);
    const again = rake(records, margins, { tolerance: first.maxGap });
    expect(again.iterations).toBe(1);
    expect(again.weights).toEqual(first.weights);
    expect(() => rake(records, margins, { tolerance: 1e-12, maxIterations: tight.iterations - 1 })).toThrow(
      new RegExp(`in ${tight.iterations - 1} passes`),
    );
    expect(rake(records, margins, { tolerance: 1e-12, maxIterations: tight.iterations }).iterations).toBe(tight.iterations);
    // Trim bounds scale with the mean weight: [0.5, 1.5] of a mean of 2 (design weights 2) is [1, 3].
    const doubled = records.map((r) => ({ ...r, w: 2 }));
    const trimmed = rake(doubled, { region: { n: 0.5, s: 0.5 } }, { weight: "w", trim: [0.5, 1.5] });
    expect(Math.min(...trimmed.weights)).toBeGreaterThanOrEqual(1 - 1e-12);
    expect(Math.max(...trimmed.weights)).toBeLessThanOrEqual(3 + 1e-12);
    expect(trimmed.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(10, 9);
  });
});

describe("rake reads a missing value as missing, never as its name", () => {
  it('a record without the variable is not in a category called "undefined", nor a null one in "null"', () => {
    const margins = { plan: { undefined: 0.5, null: 0.2, pro: 0.3 } };
    const records = [{ plan: "undefined" }, { plan: "null" }, { plan: "pro" }];
    expect(rake(records, margins).weights).toHaveLength(3);
    expect(() => rake([...records, {}], margins)).toThrow(
      /^records\[3\]\.plan must be one of the categories of margins\.plan: undefined, null, pro; got undefined$/,
    );
    expect(() => rake([...records, { plan: null }], margins)).toThrow(
      /^records\[3\]\.plan must be one of the categories of margins\.plan: undefined, null, pro; got null$/,
    );
  });
});
