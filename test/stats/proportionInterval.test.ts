import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricsInputError, MetricsTypeError, PROPORTION_INTERVAL_METHODS, proportionInterval } from "../../src/index.ts";
import { expectAbsolute } from "../helpers.ts";

// statsmodels 0.13 (Debian python3-statsmodels):
//   proportion_confint(x, n, alpha=1-c, method=m) for m in normal, wilson, agresti_coull, beta, jeffreys
// Row: x, n, confidence, then (lower, upper) per method in that order.
const STATSMODELS: ReadonlyArray<readonly number[]> = [
  [
    42, 50, 0.95, 0.738383853103821, 0.9416161468961789, 0.7148578393696501, 0.916625793219666, 0.7121848218131692, 0.9192988107761468,
    0.7088736934048891, 0.9282992328167138, 0.7206736695190732, 0.9213325159975807,
  ],
  [
    0, 20, 0.95, 0.0, 0.0, 0.0, 0.16112515805281938, 0.0, 0.18980956054248885, 0.0, 0.1684334709830853, 2.4246478459242774e-5,
    0.11663898290487539,
  ],
  [
    20, 20, 0.95, 1.0, 1.0, 0.8388748419471806, 1.0, 0.8101904394575112, 1.0, 0.8315665290169147, 1.0, 0.8833610170951246,
    0.9999757535215408,
  ],
  [
    1, 10, 0.9, 0.0, 0.2560445163626673, 0.02263490873086718, 0.34771866733585843, 0.0059282577546860005, 0.3644253183120397,
    0.005116196891823701, 0.3941633024365049, 0.01789198805574782, 0.33056280326013454,
  ],
  [
    7, 1000, 0.99, 0.00020889064484318296, 0.013791109355156816, 0.0027411771547325055, 0.017757711440026625, 0.002072441891025031,
    0.018426446703734105, 0.00204138657144476, 0.017046931835088576, 0.002305304142225062, 0.016319616251867983,
  ],
  [
    500, 1000, 0.95, 0.4690102483847719, 0.5309897516152281, 0.4690696003681042, 0.5309303996318958, 0.4690696003681042, 0.5309303996318958,
    0.46854917297179216, 0.5314508270282079, 0.46904771269911394, 0.5309522873008861,
  ],
  [
    3, 7, 0.8, 0.18886501811847786, 0.6682778390243792, 0.22598811161452578, 0.6583029463790934, 0.22564317399573844, 0.6586478839978807,
    0.16963841739720056, 0.7213979514182869, 0.2220664268040574, 0.6608533464787925,
  ],
  [
    999, 1000, 0.95, 0.9970410162425702, 1.0, 0.9943574414020421, 0.9998234536293739, 0.9937585172566711, 1.0, 0.9944410757201734,
    0.9999746825125088, 0.9953355411912086, 0.999892081195319,
  ],
];

const ORDER = ["wald", "wilson", "agresti-coull", "clopper-pearson", "jeffreys"] as const;

describe("proportionInterval", () => {
  for (const row of STATSMODELS) {
    const [x, n, confidence] = row as [number, number, number];
    ORDER.forEach((method, k) => {
      it(`${method} for ${x}/${n} at ${confidence} matches statsmodels`, () => {
        const r = proportionInterval({ successes: x, n: n }, { method, confidence });
        let lower = row[3 + 2 * k]!;
        let upper = row[4 + 2 * k]!;
        // Jeffreys: we follow Brown, Cai & DasGupta (2001): bound 0 at x = 0 and 1 at x = n;
        // statsmodels returns the plain beta quantile there.
        if (method === "jeffreys" && x === 0) lower = 0;
        if (method === "jeffreys" && x === n) upper = 1;
        expectAbsolute(r.interval.lower, lower, 1e-12);
        expectAbsolute(r.interval.upper, upper, 1e-12);
        expect(r.estimate).toBe(x / n);
        expect(r.method).toBe(method);
      });
    });
  }

  it("proportionInterval(count) returns the Estimate shape: SE √(p(1−p)/n), margin z·SE for Wald, half-width otherwise", () => {
    const w = proportionInterval({ successes: 42, n: 50 }, { method: "wald" });
    expect(w.standardError).toBeCloseTo(Math.sqrt((0.84 * 0.16) / 50), 15);
    expectAbsolute(w.marginOfError, (w.interval.upper - w.interval.lower) / 2, 1e-15);
    const s = proportionInterval({ successes: 42, n: 50 });
    expect(s.marginOfError).toBe((s.interval.upper - s.interval.lower) / 2);
    expect(s.successes).toBe(42);
    expect(s.n).toBe(50);
  });

  it("defaults to Wilson at 95%", () => {
    const r = proportionInterval({ successes: 42, n: 50 });
    expect(r.method).toBe("wilson");
    expect(r.confidence).toBe(0.95);
  });

  it("bounds lie in [0, 1], contain the estimate (except Wald at 0 and n), widen with confidence and narrow with n", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        fc.constantFrom(...PROPORTION_INTERVAL_METHODS),
        (n, share, c1, c2, method) => {
          const x = Math.round(share * n);
          const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const narrow = proportionInterval({ successes: x, n: n }, { confidence: lo, method });
          const wide = proportionInterval({ successes: x, n: n }, { confidence: hi, method });
          for (const r of [narrow, wide]) {
            expect(r.interval.lower).toBeGreaterThanOrEqual(0);
            expect(r.interval.upper).toBeLessThanOrEqual(1);
            expect(r.interval.lower).toBeLessThanOrEqual(r.estimate + 1e-12);
            expect(r.interval.upper).toBeGreaterThanOrEqual(r.estimate - 1e-12);
          }
          expect(wide.interval.lower).toBeLessThanOrEqual(narrow.interval.lower + 1e-12);
          expect(wide.interval.upper).toBeGreaterThanOrEqual(narrow.interval.upper - 1e-12);
          // Ten times the data at the same share: no wider.
          const more = proportionInterval({ successes: 10 * x, n: 10 * n }, { confidence: lo, method });
          expect(more.interval.upper - more.interval.lower).toBeLessThanOrEqual(narrow.interval.upper - narrow.interval.lower + 1e-12);
        },
      ),
    );
  });

  it("rejects bad counts and options", () => {
    expect(() => proportionInterval({ successes: 5, n: 4 })).toThrow(/count.successes must be at most count.n \(4\); got 5/);
    expect(() => proportionInterval({ successes: 0, n: 0 })).toThrow(/count.n/);
    expect(() => proportionInterval({ successes: 1, trials: 4 } as never)).toThrow(
      "count.trials is not a field of proportionInterval's count; known: successes, n",
    );
    expect(() => proportionInterval({ successes: -1, n: 4 })).toThrow(MetricsInputError);
    expect(() => proportionInterval({ successes: 1.5, n: 4 })).toThrow(MetricsInputError);
    expect(() => proportionInterval({ successes: 1, n: 4 }, { confidence: 95 })).toThrow(MetricsInputError);
    expect(() => proportionInterval({ successes: 1, n: 4 }, { method: "exact" as never })).toThrow(MetricsTypeError);
  });
});

describe("proportionInterval at the ends of [0, 1]", () => {
  it("Wilson's upper bound at x = n is exactly 1, where centre + half-width rounds below it (6 of 6 at 90 %)", () => {
    // Algebraically (1 + z²/2n + z²/2n)/(1 + z²/n) = 1; in doubles it comes out 1 − 2⁻⁵³ here.
    expect(proportionInterval({ successes: 6, n: 6 }, { method: "wilson", confidence: 0.9 }).interval.upper).toBe(1);
    expect(proportionInterval({ successes: 13, n: 13 }, { method: "wilson" }).interval.upper).toBe(1);
  });

  it("Clopper-Pearson's lower bound at x = 0 is exactly 0 (Beta(0, n + 1) is a point mass at 0)", () => {
    expect(proportionInterval({ successes: 0, n: 10 }, { method: "clopper-pearson" }).interval.lower).toBe(0);
  });

  it("Wald's margin is z·SE even where its interval is clipped at 0", () => {
    const w = proportionInterval({ successes: 1, n: 10 }, { method: "wald" });
    expect(w.interval.lower).toBe(0);
    // scipy: norm.ppf(0.975) * sqrt(0.1 * 0.9 / 10)
    expectAbsolute(w.marginOfError, 0.1859385096913685, 1e-15);
  });
});
