// Maximum likelihood in a few parameters, dependency-free: Nelder-Mead to find the peak, Newton
// steps on central-difference derivatives to polish it, and the observed information (the
// negative Hessian) for standard errors. Internal; the model fits call it in log-parameters.

/** Where a maximisation ended. */
export interface Maximum {
  readonly x: number[];
  readonly value: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** The Hessian of f at x (maximize only). */
  readonly hessian?: number[][];
}

/** Maximises f from x0 by Nelder-Mead (Lagarias et al. 1998 coefficients), to a relative tolerance. */
export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], tolerance = 1e-9, maxIterations = 1000): Maximum {
  const n = x0.length;
  const g = (x: readonly number[]) => {
    const v = -f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY; // minimise −f; leave invalid regions
  };
  let simplex = [x0.slice(), ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + 0.5 : v)))];
  let values = simplex.map(g);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    const best = values[0]!;
    const worst = values[n]!;
    if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + 1e-30))
      return { x: simplex[0]!, value: -best, converged: true, iterations };
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = along(-1);
    const fr = g(reflected);
    if (fr < values[0]!) {
      const expanded = along(-2);
      const fe = g(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n]! ? along(-0.5) : along(0.5);
      const fc = g(contracted);
      if (fc < Math.min(fr, values[n]!)) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!));
          values[i] = g(simplex[i]!);
        }
      }
    }
  }
  // Out of iterations: the best vertex, the last step's included.
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best]!, value: -values[best]!, converged: false, iterations };
}

/** Gradient and Hessian of f at x by central differences, steps relative to |x| (at least h). */
export function derivatives(
  f: (x: readonly number[]) => number,
  x: readonly number[],
  h = 1e-4,
): { gradient: number[]; hessian: number[][] } {
  const step = x.map((v) => h * Math.max(1, Math.abs(v)));
  const at = (i: number, si: number, j = -1, sj = 0) => f(x.map((v, k) => v + (k === i ? si * step[i]! : k === j ? sj * step[j]! : 0)));
  const f0 = f(x);
  const plus = x.map((_, i) => at(i, 1));
  const minus = x.map((_, i) => at(i, -1));
  const gradient = x.map((_, i) => (plus[i]! - minus[i]!) / (2 * step[i]!));
  // The diagonal from the gradient's own points; each off-diagonal pair once, mirrored.
  const hessian = x.map(() => x.map(() => 0));
  for (let i = 0; i < x.length; i++) {
    hessian[i]![i] = (plus[i]! - 2 * f0 + minus[i]!) / (step[i]! * step[i]!);
    for (let j = 0; j < i; j++) {
      const d = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * step[i]! * step[j]!);
      hessian[i]![j] = d;
      hessian[j]![i] = d;
    }
  }
  return { gradient, hessian };
}

/** The inverse of a small symmetric matrix by Gauss-Jordan elimination, or null if singular. */
export function invert(m: readonly (readonly number[])[]): number[][] | null {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...m.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    if (!(Math.abs(a[p]![c]!) > 1e-300)) return null;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]!;
    a[c] = a[c]!.map((v) => v / pivot);
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = a[r]![c]!;
      a[r] = a[r]!.map((v, j) => v - k * a[c]![j]!);
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * Maximises f (a log-likelihood in log-parameters) and polishes the peak with Newton steps;
 * `converged` requires the gradient at the end to be negligible.
 */
export function maximize(f: (x: readonly number[]) => number, x0: readonly number[]): Maximum {
  const nm = nelderMead(f, x0);
  let x = nm.x;
  let value = nm.value;
  let iterations = nm.iterations;
  for (let k = 0; k < 20; k++) {
    const { gradient, hessian } = derivatives(f, x);
    const inverse = invert(hessian);
    if (inverse === null) break;
    const stepped = x.map((v, i) => v - inverse[i]!.reduce((s, h, j) => s + h * gradient[j]!, 0));
    const next = f(stepped);
    iterations++;
    if (!(next >= value)) break;
    const done = Math.abs(next - value) <= 1e-13 * Math.abs(value);
    x = stepped;
    value = next;
    if (done) break;
  }
  const { gradient, hessian } = derivatives(f, x);
  const flat = gradient.every((g, i) => Math.abs(g) <= 1e-4 * Math.max(1, Math.abs(value)) || Math.abs(g * x[i]!) <= 1e-6);
  // A simplex still moving after its iteration cap is following a ridge (parameters running off
  // together), however flat the end point: not a maximum.
  return { x, value, converged: nm.converged && flat && Number.isFinite(value), iterations, hessian };
}
