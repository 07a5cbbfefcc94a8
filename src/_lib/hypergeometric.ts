// Hypergeometric series, for the customer-base models whose likelihoods and predictions need the
// Gauss function ₂F₁ (Pareto/NBD, BG/NBD). Internal.

/** Relative size of the last term (and the bound on the rest) at which a series stops. */
const TOLERANCE = 1e-17;

/**
 * Σₙ z^n · Πᵢ (upᵢ)ₙ / Πⱼ (downⱼ)ₙ, with (x)ₙ the rising factorial; include 1 in `down` for the
 * n! of the usual pFq. For 0 ≤ z < 1 with as many `up` as `down` parameters: the ratio of
 * consecutive terms tends to z, so the series converges geometrically once that ratio is below 1,
 * and it stops when the last term, times the geometric bound 1/(1 − ρ) on what follows (ρ the
 * larger of the current ratio and z), is below 10⁻¹⁷ of the sum. A parameter that is 0 or a
 * negative whole number ends the series exactly. Returns NaN when `maxTerms` terms are not
 * enough (z too close to 1), for the caller to report or avoid.
 */
export function hypergeometricSeries(up: readonly number[], down: readonly number[], z: number, maxTerms: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxTerms; n++) {
    let ratio = z;
    for (const u of up) ratio *= u + n;
    for (const d of down) ratio /= d + n;
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    const rho = Math.abs(ratio);
    if (rho < 1 && Math.abs(term) <= TOLERANCE * Math.abs(sum) * (1 - Math.max(rho, z))) return sum;
  }
  return Number.NaN;
}

/**
 * ln ₂F₁(k, b; k + 1; z) for k, b > 0 and 0 ≤ z < 1, the function of the Pareto/NBD likelihood.
 * By Euler's transformation it is (1 − z)^(1 − b) · ₂F₁(1, k + 1 − b; k + 1; z), whose terms are
 * positive (when k + 1 > b) and shrink by at least z each: no cancellation, and no overflow for
 * a large b (a heavy buyer), where the direct series would climb to (1 − z)^(−b) before it fell.
 */
export function logHyp2f1Incomplete(k: number, b: number, z: number, maxTerms: number): number {
  return (1 - b) * Math.log1p(-z) + Math.log(hypergeometricSeries([k + 1 - b], [k + 1], z, maxTerms));
}

/**
 * (1 − e^(−d·L)) / d for L ≥ 0, tending to L as d → 0: the [1 − (x/y)^d]/d of the models'
 * expected-count formulas, exact across d = 0 (where the formula's own division fails).
 */
export function powerDifference(d: number, L: number): number {
  const dl = d * L;
  return Math.abs(dl) < 1e-8 ? L * (1 - dl / 2) : -Math.expm1(-dl) / d;
}

/** ln[(1 − e^(−d·L))/d] for L ≥ 0: {@link powerDifference} in logs, for when it or its factors overflow. */
export function logPowerDifference(d: number, L: number): number {
  if (L === 0) return Number.NEGATIVE_INFINITY;
  const dl = d * L;
  if (Math.abs(dl) < 1e-8) return Math.log(L) + Math.log1p(-dl / 2);
  if (dl > 0) return Math.log(-Math.expm1(-dl)) - Math.log(d);
  return -dl + Math.log1p(-Math.exp(dl)) - Math.log(-d);
}

/** ln(1 + t/u) for t ≥ 0, u > 0, also where t/u overflows. */
export function logGrowth(t: number, u: number): number {
  const ratio = t / u;
  return Number.isFinite(ratio) ? Math.log1p(ratio) : Math.log(t) - Math.log(u);
}
