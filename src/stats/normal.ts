import { assertFinite, assertOpenFraction } from "../_lib/core/validate.ts";

// W. J. Cody (1969), "Rational Chebyshev approximations for the error function",
// Mathematics of Computation 23(107), 631-637; the same coefficients drive R's pnorm.
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326,
  11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266,
  38912.003286093271411, 19685.429676859990727,
];
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303,
];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

const INV_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.656854249492380195206754896838;

/** exp(-y²/2) without the cancellation error of squaring y directly (Cody's split). */
function gaussianTail(y: number): number {
  const head = Math.trunc(y * 16) / 16;
  const del = (y - head) * (y + head);
  return Math.exp(-head * head * 0.5) * Math.exp(-del * 0.5);
}

/**
 * Lower tail Φ(x) for finite x, no validation.
 *
 * @category Statistics
 */
export function normalCdfUnchecked(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    // Central region: Φ(x) = 1/2 + x·R(x²).
    const xsq = y > 1.1e-16 ? x * x : 0;
    let num = A[4]! * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * xsq;
      den = (den + B[i]!) * xsq;
    }
    return 0.5 + (x * (num + A[3]!)) / (den + B[3]!);
  }
  let tail: number;
  if (y <= SQRT_32) {
    let num = C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    tail = gaussianTail(y) * ((num + C[7]!) / (den + D[7]!));
  } else if (y < 40) {
    const xsq = 1 / (x * x);
    let num = P[5]! * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * xsq;
      den = (den + Q[i]!) * xsq;
    }
    const r = (xsq * (num + P[4]!)) / (den + Q[4]!);
    tail = (gaussianTail(y) * (INV_SQRT_2PI - r)) / y;
  } else {
    tail = 0; // Φ(-40) < 1e-349: below the smallest double.
  }
  return x > 0 ? 1 - tail : tail;
}

/**
 * The standard normal cumulative distribution function Φ(x) = P(Z ≤ x).
 *
 * Uses W. J. Cody's rational Chebyshev approximations (1969), the algorithm behind R's `pnorm`,
 * with the square in exp(−x²/2) split to keep full relative accuracy in the tails: about 1e-15
 * relative down to Φ(−37.5) ≈ 4.6e-308. `±Infinity` give 0 and 1.
 *
 * For an upper tail use symmetry, `normalCdf(-x)`, which keeps full relative accuracy where
 * `1 - normalCdf(x)` would round to 0.
 *
 * @param x - Any number except NaN.
 * @returns Φ(x), in [0, 1].
 * @throws {@link MetricsInputError} `NOT_FINITE` if `x` is NaN.
 * @throws {@link MetricsTypeError} if `x` is not a number.
 * @see W. J. Cody, Math. Comp. 23 (1969) 631-637, doi:10.1090/S0025-5718-1969-0247736-4.
 * @example
 * ```ts
 * import { normalCdf } from "cxmetrics";
 * normalCdf(1.959963984540054); // 0.975
 * normalCdf(-10); // 7.619853024160527e-24
 * ```
 *
 * @category Statistics
 */
export function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return normalCdfUnchecked(assertFinite(x, "x"));
}

// M. J. Wichura (1988), "Algorithm AS 241: The percentage points of the normal distribution",
// Applied Statistics 37(3), 477-484: PPND16, accurate to about 1e-16.
const WA = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
  33430.575583588128105, 2509.0809287301226727,
];
const WB = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
  5226.495278852854561,
];
const WC = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const WD = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966,
  5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const WE = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const WF = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5,
  1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/** Evaluate a degree-7 polynomial with coefficients c[0] + c[1]x + … + c[7]x⁷ (Horner). */
function poly7(c: readonly number[], x: number): number {
  return ((((((c[7]! * x + c[6]!) * x + c[5]!) * x + c[4]!) * x + c[3]!) * x + c[2]!) * x + c[1]!) * x + c[0]!;
}

/**
 * Φ⁻¹(p) for p in (0, 1), no validation.
 *
 * @category Statistics
 */
export function normalQuantileUnchecked(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(WA, r)) / poly7(WB, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly7(WC, r) / poly7(WD, r);
  } else {
    r -= 5;
    x = poly7(WE, r) / poly7(WF, r);
  }
  return q < 0 ? -x : x;
}

/**
 * The standard normal quantile Φ⁻¹(p): the z with P(Z ≤ z) = p.
 *
 * Wichura's Algorithm AS 241 (PPND16), the algorithm behind R's `qnorm`, accurate to about 1e-16
 * relative across (0, 1), including tails such as p = 1e-300. For the upper tail pass the lower
 * tail probability and negate (`-normalQuantile(1e-20)`), since 1 − 1e-20 rounds to 1.
 *
 * @param p - A probability strictly between 0 and 1.
 * @returns z such that Φ(z) = p.
 * @throws {@link MetricsInputError} `OUT_OF_RANGE` if `p` is not in (0, 1) (the quantiles at 0 and 1
 *   are infinite), `NOT_FINITE` if NaN.
 * @see M. J. Wichura, Applied Statistics 37 (1988) 477-484, doi:10.2307/2347330.
 * @example
 * ```ts
 * import { normalQuantile } from "cxmetrics";
 * normalQuantile(0.975); // 1.959963984540054
 * normalQuantile(1e-300); // -37.0470962993612
 * ```
 *
 * @category Statistics
 */
export function normalQuantile(p: number): number {
  return normalQuantileUnchecked(assertOpenFraction(p, "p"));
}

// One-entry cache: callers ask for the same confidence (0.95) over and over, and the quantile
// costs more than the rest of a Wilson interval.
let cachedConfidence = Number.NaN;
let cachedZ = Number.NaN;

/** The two-sided critical value z with P(|Z| ≤ z) = confidence. */
export function zForConfidence(confidence: number): number {
  if (confidence !== cachedConfidence) {
    // Φ⁻¹((1 + c)/2) computed as −Φ⁻¹((1 − c)/2) keeps accuracy for c near 1.
    cachedZ = -normalQuantileUnchecked((1 - confidence) / 2);
    cachedConfidence = confidence;
  }
  return cachedZ;
}
