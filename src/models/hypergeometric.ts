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

/** Gauss-Legendre nodes and weights on [−1, 1] (Newton on the Legendre polynomial from Chebyshev guesses). */
function gaussLegendre(n: number): { nodes: number[]; weights: number[]; logWeights: number[] } {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let slope = 1;
    for (let step = 0; step < 100; step++) {
      let p0 = 1;
      let p1 = x;
      for (let j = 2; j <= n; j++) [p0, p1] = [p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j];
      slope = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / slope;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * slope * slope));
  }
  return { nodes, weights, logWeights: weights.map(Math.log) };
}

const RULE = /* @__PURE__ */ gaussLegendre(16);

/** The 16-point Gauss-Legendre rule on [−1, 1], for the models' quadratures. */
export const GAUSS_LEGENDRE_16: { readonly nodes: readonly number[]; readonly weights: readonly number[] } = RULE;
/** Scratch space for the logs at the quadrature nodes (at most 120 panels of 16). */
const NODE_LOGS = /* @__PURE__ */ new Float64Array(120 * 16);

/**
 * ln ∫₀ᶻ w^(k−1) (1 − w)^(−b) dw = ln[zᵏ/k · ₂F₁(k, b; k + 1; z)] for k, b > 0 and 0 < z < 1:
 * the incomplete integral behind the Pareto/NBD likelihood. By the series of
 * {@link logHyp2f1Incomplete} up to z = 0.9, and for b ≥ 8 (heavy buyers). Otherwise (z near 1
 * and b small, where the terms fall only like n^(−b)·zⁿ) as its value at z = ½ (series) plus the
 * rest, ∫ e^((1−b)v)(1 − e^v)^(k−1) dv over v = ln(1 − w) from ln(1 − z) to −ln 2: where
 * k·e^v < 0.03 by the binomial series of (1 − e^v)^(k−1) integrated term by term (each term falls
 * 30-fold), and the remaining few units of v by 16-point Gauss-Legendre on panels of width
 * min(1, 4/|1 − b|), where the integrand is smooth whatever k. The parts are positive, so nothing
 * cancels. NaN for z ≥ 1, and where more than 120 panels would be needed (a large b with a much
 * larger k: s or r running off in a fit).
 */
export function logIncompleteIntegral(k: number, b: number, z: number): number {
  if (!(z < 1)) return Number.NaN;
  if (k * (1 - z) > 20) {
    const pfaff = logHyp2f1Asymptotic(k, b, z);
    if (!Number.isNaN(pfaff)) return k * Math.log(z) - Math.log(k) + pfaff;
  }
  // Up to z = 0.9 the terms shrink at least tenfold per 22, so 400 always suffice; for b ≥ 8 they
  // fall at least like n^(−b) once n passes k. Gauss-Legendre below is accurate only for b ≲ 10.
  if (z <= 0.9 || b >= 8) {
    const direct = logHyp2f1Incomplete(k, b, z, z <= 0.9 ? 400 : 1000);
    if (!Number.isNaN(direct)) return k * Math.log(z) - Math.log(k) + direct;
  }
  // Panels narrow enough that e^((1−b)v) changes by at most e⁴ across one.
  const unit = Math.min(1, 4 / Math.abs(1 - b));
  const from = Math.log1p(-z);
  const to = -Math.LN2;
  const split = Math.min(to, Math.max(from, -Math.log(k) - 3.5));
  const panels = Math.ceil((to - split) / unit);
  if (panels > 120) return Number.NaN;
  const half = -k * Math.LN2 - Math.log(k) + logHyp2f1Incomplete(k, b, 0.5, 200);
  const binomial = split > from ? logBinomialPart(k, 1 - b, from, split) : Number.NEGATIVE_INFINITY;
  const width = (to - split) / panels;
  // Two passes over the nodes' logs: the largest first, then the sum relative to it.
  const count = panels * RULE.nodes.length;
  const scale = Math.log(0.5 * width);
  let top = Math.max(half, binomial);
  for (let i = 0; i < count; i++) {
    const v = split + (Math.floor(i / 16) + 0.5 + 0.5 * RULE.nodes[i % 16]!) * width;
    const l = (1 - b) * v + (k - 1) * Math.log1p(-Math.exp(v)) + RULE.logWeights[i % 16]! + scale;
    NODE_LOGS[i] = l;
    if (l > top) top = l;
  }
  let sum = Math.exp(half - top) + Math.exp(binomial - top);
  for (let i = 0; i < count; i++) sum += Math.exp(NODE_LOGS[i]! - top);
  return top + Math.log(sum);
}

/**
 * ln ₂F₁(k, b; k + 1; z) by Pfaff's transformation, (1 − z)^(−b) · Σₙ (b)ₙ/(k + 1)ₙ · wⁿ with
 * w = −z/(1 − z): for k(1 − z) large the terms fall by about b/(k(1 − z)) each before they turn
 * to grow (the series is asymptotic there). Since ₂F₁(b, 1; k + 1; w) = k∫₀¹(1 − t)^(k−1)(1 − wt)^(−b) dt
 * with w < 0, stopping at any term leaves an error below the first term left out; the sum is
 * returned once that is under 10⁻¹⁷ of it, NaN if the terms turn first.
 */
function logHyp2f1Asymptotic(k: number, b: number, z: number): number {
  const w = -z / (1 - z);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1000; n++) {
    const next = (term * (b + n) * w) / (k + 1 + n);
    if (Math.abs(next) >= Math.abs(term)) return Number.NaN;
    term = next;
    sum += term;
    if (Math.abs(term) <= 1e-17 * sum) return -b * Math.log1p(-z) + Math.log(sum);
  }
  return Number.NaN;
}

/**
 * ln ∫ e^(c·v) (1 − e^v)^(k−1) dv from v0 to v1 where k·e^(v1) ≤ 0.03: Σⱼ (1 − k)ⱼ/j! ·
 * ∫ e^((c+j)v) dv, each integral e^((c+j)v1) · (1 − e^(−(c+j)(v1 − v0)))/(c + j) in logs.
 */
function logBinomialPart(k: number, c: number, v0: number, v1: number): number {
  const L = v1 - v0;
  const first = c * v1 + logPowerDifference(c, L);
  let logCoef = 0;
  let sign = 1;
  let sum = 1;
  for (let j = 1; j < 60; j++) {
    const ratio = (j - k) / j; // (1 − k)ⱼ/j! over the previous
    if (ratio === 0) break;
    logCoef += Math.log(Math.abs(ratio));
    if (ratio < 0) sign = -sign;
    const term = sign * Math.exp(logCoef + (c + j) * v1 + logPowerDifference(c + j, L) - first);
    sum += term;
    if (Math.abs(term) < 1e-17 * sum) break;
  }
  return first + Math.log(sum);
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
