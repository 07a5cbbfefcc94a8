// The optimiser under every model fit (src/models/optimize.ts): its Nelder-Mead search step for step
// against scipy's, its matrix inverse against exact inverses, and the Newton polish and
// convergence verdict of `maximize` on functions whose maximum is known.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivatives, invert, maximize, nelderMead } from "../../src/models/optimize.ts";

// test/fixtures/scipy/nelder-mead.py: scipy.optimize.minimize(method="Nelder-Mead") from the same
// initial simplex, stopped after k steps.
const scipy = JSON.parse(readFileSync(new URL("../fixtures/scipy/nelder-mead.json", import.meta.url), "utf8"));

const rosenbrock = (x: readonly number[]) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
const bowl = (x: readonly number[]) => (x[0]! - 1) ** 2 + 10 * (x[1]! + 2) ** 2 + 3 * (x[2]! - 0.5) ** 2 + x[0]! * x[2]!;

describe("nelderMead", () => {
  it("takes scipy's steps: the best vertex after k steps on Rosenbrock's valley and a tilted bowl equals scipy's (1e-12)", () => {
    for (const [name, f] of [
      ["rosenbrock", rosenbrock],
      ["bowl", bowl],
    ] as const) {
      for (const { steps, x, value } of scipy[name].path as { steps: number; x: number[]; value: number }[]) {
        // maximises: the negated function; a tolerance of −1 never stops the search early.
        const got = nelderMead((v) => -f(v), scipy[name].x0, -1, steps);
        expect(got.converged, `${name} ${steps}`).toBe(false);
        expect(got.iterations).toBe(steps);
        for (let i = 0; i < x.length; i++) expect(Math.abs(got.x[i]! - x[i]!), `${name} ${steps} x${i}`).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(-got.value - value), `${name} ${steps}`).toBeLessThanOrEqual(1e-12 * Math.max(1, value));
      }
    }
  });

  it("breaks ties as scipy does, and shrinks where scipy shrinks: terraced Rosenbrock and a rippled bowl, step for step", () => {
    type Path = { steps: number; x: number[] }[];
    const follows = (f: (x: readonly number[]) => number, x0: number[], path: Path, what: string) => {
      for (const { steps, x } of path) {
        const got = nelderMead((v) => -f(v), x0, -1, steps);
        for (let i = 0; i < x.length; i++) expect(Math.abs(got.x[i]! - x[i]!), `${what} ${steps} x${i}`).toBeLessThanOrEqual(1e-12);
      }
    };
    for (const { step, x0, path } of scipy.terraces as { step: number; x0: number[]; path: Path }[]) {
      follows((x) => Math.floor(rosenbrock(x) / step) * step, x0, path, `terraces ${step}`);
    }
    const ripples = (x: readonly number[]) =>
      x[0]! ** 2 + x[1]! ** 2 - 3 * Math.cos(2 * Math.PI * x[0]!) - 3 * Math.cos(2 * Math.PI * x[1]!);
    for (const { x0, path } of scipy.ripples as { x0: number[]; path: Path }[]) follows(ripples, x0, path, `ripples ${x0}`);
    for (const { x0, path } of scipy.rippleTerraces as { x0: number[]; path: Path }[]) {
      follows((x) => Math.floor(2 * ripples(x)) / 2, x0, path, `ripple terraces ${x0}`);
    }
  });

  it("stops when the simplex's values agree to the tolerance, at the best vertex", () => {
    const peak = nelderMead((v) => -rosenbrock(v), [-1.2, 1]);
    expect(peak.converged).toBe(true);
    expect(peak.iterations).toBeLessThan(1000);
    expect(Math.abs(peak.x[0]! - 1)).toBeLessThan(1e-3);
    expect(Math.abs(peak.x[1]! - 1)).toBeLessThan(1e-3);
    expect(peak.value).toBe(-rosenbrock(peak.x));
    // A function that is 0 everywhere has converged before the first step (the tolerance is relative, with a floor).
    expect(nelderMead(() => 0, [3, 4])).toEqual({ x: [3, 4], value: 0, converged: true, iterations: 0 });
  });

  it("stops when the spread equals the tolerance exactly (the test is ≤)", () => {
    // −f at the first simplex, x = 0 and x = 0.5: 2 and 3; the spread 1 is 0.5 · (2 + 10⁻³⁰) in doubles.
    expect(nelderMead((v) => -(2 + 2 * v[0]!), [0], 0.5)).toEqual({ x: [0], value: -2, converged: true, iterations: 0 });
  });

  it("out of iterations: not converged, and the value is f at the point returned", () => {
    const capped = nelderMead((v) => -rosenbrock(v), [-1.2, 1], 1e-9, 7);
    expect(capped).toMatchObject({ converged: false, iterations: 7 });
    expect(capped.value).toBe(-rosenbrock(capped.x));
  });
});

describe("invert", () => {
  it("inverts with row exchanges where a leading entry is 0 or tiny", () => {
    expect(invert([[2]])).toEqual([[0.5]]);
    expect(
      invert([
        [0, 1],
        [1, 0],
      ]),
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // [[ε, 1], [1, 1]]⁻¹ = [[−1, 1], [1, −ε]]/(1 − ε)·…: without partial pivoting the first row comes out [0, 1].
    const inverse = invert([
      [1e-20, 1],
      [1, 1],
    ])!;
    expect(inverse[0]![0]).toBeCloseTo(-1, 12);
    expect(inverse[0]![1]).toBeCloseTo(1, 12);
    expect(inverse[1]![0]).toBeCloseTo(1, 12);
    // A 3×3 with a known inverse (Hilbert's: entries of H⁻¹ are whole numbers).
    const hilbert = invert([
      [1, 1 / 2, 1 / 3],
      [1 / 2, 1 / 3, 1 / 4],
      [1 / 3, 1 / 4, 1 / 5],
    ])!;
    const exact = [
      [9, -36, 30],
      [-36, 192, -180],
      [30, -180, 180],
    ];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(hilbert[i]![j]).toBeCloseTo(exact[i]![j]!, 9);
  });

  it("takes the largest pivot, not the last row's", () => {
    // Column 0 has 1, 3 and 0: the last row's 0 is no pivot at all.
    const inverse = invert([
      [1, 2, 0],
      [3, 4, 0],
      [0, 0, 1],
    ])!;
    const exact = [
      [-2, 1, 0],
      [1.5, -0.5, 0],
      [0, 0, 1],
    ];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(inverse[i]![j]).toBeCloseTo(exact[i]![j]!, 12);
  });

  it("returns null for a singular matrix (no pivot above 10⁻³⁰⁰)", () => {
    expect(invert([[1e-300]])).toBeNull();
    expect(
      invert([
        [1, 2],
        [2, 4],
      ]),
    ).toBeNull();
    expect(invert([[0]])).toBeNull();
    expect(invert([[1e-301]])).toBeNull();
    expect(invert([[1e-299]])![0]![0]).toBeCloseTo(1e299, -290);
  });
});

describe("derivatives", () => {
  it("are exact for a quadratic: gradient and Hessian of x² + 3xy − 2y² + 5x at (1, 2)", () => {
    const { gradient, hessian } = derivatives((v) => v[0]! ** 2 + 3 * v[0]! * v[1]! - 2 * v[1]! ** 2 + 5 * v[0]!, [1, 2]);
    // ∂f/∂x = 2x + 3y + 5 = 13, ∂f/∂y = 3x − 4y = −5; the Hessian is [[2, 3], [3, −4]].
    expect(gradient[0]).toBeCloseTo(13, 6);
    expect(gradient[1]).toBeCloseTo(-5, 6);
    expect(hessian[0]![0]).toBeCloseTo(2, 4);
    expect(hessian[0]![1]).toBeCloseTo(3, 4);
    expect(hessian[1]![0]).toBeCloseTo(3, 4);
    expect(hessian[1]![1]).toBeCloseTo(-4, 4);
  });
});

describe("maximize", () => {
  it("polishes the simplex's end with Newton steps to the exact peak of a concave quadratic", () => {
    const f = (v: readonly number[]) => -((v[0]! - 3) ** 2) - 2 * (v[1]! + 1) ** 2 - v[0]! * v[1]!;
    // ∇f = 0 at 2(x − 3) + y = 0 and 4(y + 1) + x = 0: x = 28/7 = 4, y = −2.
    const m = maximize(f, [0, 0]);
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(4, 9);
    expect(m.x[1]).toBeCloseTo(-2, 9);
    expect(m.value).toBe(f(m.x));
    // The Newton steps count as iterations, after the simplex's.
    expect(m.iterations).toBeGreaterThan(nelderMead(f, [0, 0]).iterations);
    expect(m.hessian![0]![0]).toBeCloseTo(-2, 4);
    expect(m.hessian![1]![1]).toBeCloseTo(-4, 4);
  });

  it("stops polishing once a Newton step changes the value by at most 10⁻¹³ of it, or no longer raises it", () => {
    // A concave quadratic: one step to the peak, one more that changes nothing (so two Newton
    // steps), at a peak of 5, of 10⁶ (where rounding moves the value by about 10⁻¹⁰) and of 0.
    const cases: [(v: readonly number[]) => number, number[], number][] = [
      [(v) => -((v[0]! - 3) ** 2) - 2 * (v[1]! + 1) ** 2 - v[0]! * v[1]!, [0, 0], 2],
      [(v) => 1e6 - (v[0]! - 3) ** 2 - 2 * (v[1]! + 1) ** 2, [0, 0], 2],
      // The simplex ends at the peak of 0 exactly: one step that changes nothing.
      [(v) => -(v[0]! ** 2) - v[1]! ** 2, [1, 1], 1],
      // A quartic: one step from where the simplex ended lands on the peak.
      [(v) => -((v[0]! - 1) ** 4), [3], 1],
      // A quartic the simplex ended on: the first Newton step would lower the value, so none is taken.
      [(v) => 5 - (v[0]! - 1) ** 4, [3], 0],
    ];
    for (const [f, x0, steps] of cases) {
      expect(maximize(f, x0).iterations - nelderMead(f, x0).iterations, String(f)).toBe(steps);
    }
  });

  it("calls a peak flat where the gradient is negligible, or its product with a parameter at 0 is", () => {
    // A cliff 5·10⁻⁵ to the right of x = 0: the search ends at (0, 0), on the plateau, and the
    // central difference across the cliff is −5,000 in x; at x = 0 (a log-parameter of 0, the
    // parameter 1) that slope times x is 0, so the end is still a maximum.
    const cliff = (v: readonly number[]) => (v[0]! > 0.00005 ? -1 : 0) - v[1]! ** 2;
    const m = maximize(cliff, [0, 0]);
    expect(m.x).toEqual([0, 0]);
    expect(m.converged).toBe(true);
    expect(derivatives(cliff, m.x).gradient[0]).toBeCloseTo(-5000, 6);
    // The same cliff beside x = 1: the slope is not negligible there, so not a maximum, though
    // the search converged on the plateau (and the slope in y is 0).
    const shifted = (v: readonly number[]) => cliff([v[0]! - 1, v[1]!]);
    const s = maximize(shifted, [1, 0]);
    expect(s.x).toEqual([1, 0]);
    expect(nelderMead(shifted, [1, 0]).converged).toBe(true);
    expect(s.converged).toBe(false);
  });

  it("does not call an unbounded function's end point a maximum", () => {
    const m = maximize((v) => v[0]!, [0]);
    expect(m.converged).toBe(false);
    expect(m.iterations).toBeGreaterThanOrEqual(1000);
  });
});
