import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareProportions } from "../../src/index.ts";
import { expectRelative } from "../helpers.ts";

/** C(n, k) exactly. */
function choose(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

/**
 * Fisher's two-sided p-value from its definition, in exact rational arithmetic: the probability,
 * under the hypergeometric law of the first group's successes given the margins, of the tables
 * no more likely than the observed one. Written from the definition, not from the library.
 */
function exactFisher(xa: number, na: number, xb: number, nb: number): number {
  const k = xa + xb;
  const weights: bigint[] = [];
  for (let x = Math.max(0, k - nb); x <= Math.min(k, na); x++) weights.push(choose(na, x) * choose(nb, k - x));
  const observed = choose(na, xa) * choose(nb, xb);
  const total = weights.reduce((a, b) => a + b, 0n);
  const tail = weights.filter((w) => w <= observed).reduce((a, b) => a + b, 0n);
  // tail / total as a double: scale the numerator so the quotient keeps 64 significant bits.
  const shift = BigInt(Math.max(0, total.toString(2).length - tail.toString(2).length + 64));
  return Number((tail << shift) / total) / 2 ** Number(shift);
}

describe('compareProportions(a, b, { method: "fisher" })', () => {
  it("compareProportions({ 2 of 2 }, { 0 of 2 }, fisher) gives p = 1/3, where the z test says 0.046", () => {
    const fisher = compareProportions({ successes: 2, n: 2 }, { successes: 0, n: 2 }, { method: "fisher" });
    expectRelative(fisher.pValue, 1 / 3, 1e-14);
    expect(fisher.significant).toBe(false);
    const z = compareProportions({ successes: 2, n: 2 }, { successes: 0, n: 2 });
    expect(z.pValue).toBeLessThan(0.05);
  });

  it("Fisher's tea-tasting table (3 of 4 vs 1 of 4) gives p = 34/70 (Fisher 1935)", () => {
    // The Design of Experiments, §2: 8 cups, 4 of each kind, 3 right: p = (1 + 16 + 16 + 1)/70.
    expectRelative(compareProportions({ successes: 3, n: 4 }, { successes: 1, n: 4 }, { method: "fisher" }).pValue, 34 / 70, 1e-14);
  });

  // R 4.2.2: fisher.test(matrix(c(xa, na - xa, xb, nb - xb), 2))$p.value, from
  // test/fixtures/r/fisher-welch.R (output beside it in fisher-welch.txt).
  it.each([
    [2, 2, 0, 2, 0.33333333333333343],
    [3, 4, 1, 4, 0.48571428571428582],
    [412, 500, 371, 500, 0.0021054045920213911],
    [9, 10, 3, 12, 0.0036913550845439403],
    [0, 40, 4, 35, 0.043078695133489671],
    [1, 7, 10, 12, 0.0062713344447090551],
    [50, 80, 50, 80, 1],
    [7, 1000, 2, 1100, 0.095154157689482932],
  ])("%d of %d vs %d of %d matches R's fisher.test: p = %d", (xa, na, xb, nb, p) => {
    expectRelative(compareProportions({ successes: xa, n: na }, { successes: xb, n: nb }, { method: "fisher" }).pValue, p, 1e-12);
  });

  it("large tables, whose densities span e^2000, are scaled at the mode and still match scipy", () => {
    // scipy 1.10: fisher_exact([[xa, na - xa], [xb, nb - xb]]).pvalue. Scaled at the wrong table
    // (an end of the support), the mode's density would overflow a double.
    const p = (xa: number, na: number, xb: number, nb: number) =>
      compareProportions({ successes: xa, n: na }, { successes: xb, n: nb }, { method: "fisher" }).pValue;
    expectRelative(p(1000, 2000, 1100, 2000), 0.0017176151783842473, 1e-9);
    expectRelative(p(5000, 10000, 5150, 10000), 0.03507897688883973, 1e-9);
    expectRelative(p(1100, 2000, 1000, 2000), 0.0017176151783842473, 1e-9);
  });

  it("equals the exact rational p-value on random tables", () => {
    const group = fc.integer({ min: 1, max: 60 }).chain((n) => fc.record({ successes: fc.integer({ min: 0, max: n }), n: fc.constant(n) }));
    fc.assert(
      fc.property(group, group, (a, b) => {
        const p = compareProportions(a, b, { method: "fisher" }).pValue;
        expectRelative(p, exactFisher(a.successes, a.n, b.successes, b.n), 1e-11);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("is symmetric under swapping the groups and keeps Newcombe's interval", () => {
    const a = { successes: 9, n: 10 };
    const b = { successes: 3, n: 12 };
    const ab = compareProportions(a, b, { method: "fisher" });
    expectRelative(compareProportions(b, a, { method: "fisher" }).pValue, ab.pValue, 1e-14);
    expect(ab.interval).toEqual(compareProportions(a, b).interval);
    expect(ab.statistic).toBe(compareProportions(a, b).statistic);
  });
});
