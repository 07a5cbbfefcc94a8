// The regularized incomplete beta function and its inverse, internal to the t distribution and
// the exact (Clopper-Pearson) and Jeffreys proportion intervals.
import { logBeta } from "./gamma.ts";

const EPS = 1e-16;
const TINY = 1e-300;
/** Tail probabilities below this are solved for on a log scale (see {@link betaQuantileSearch}). */
const LOG_NEWTON_BELOW = 1e-3;

/**
 * ln x given y = 1 − x exactly: near 1, log1p(−y) keeps the digits that log(x) would lose
 * (multiplied by a large a or b, that loss would dominate the error).
 */
function logOf(x: number, y: number): number {
  return x > 0.5 ? Math.log1p(-y) : Math.log(x);
}

/**
 * Continued fraction for I_x(a, b) (Abramowitz & Stegun 26.5.8), evaluated by the modified Lentz
 * method; converges fast for x < (a + 1)/(a + b + 2). `y` is 1 − x, passed exactly.
 */
function betaContinuedFraction(x: number, y: number, a: number, b: number): number {
  const logFront = a * logOf(x, y) + b * logOf(y, x) - logBeta(a, b) - Math.log(a);
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 100000; m++) {
    // Even step: d_2m = m(b − m)x / ((a + 2m − 1)(a + 2m)).
    let num = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + num * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + num / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    f *= d * c;
    // Odd step: d_2m+1 = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
    num = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + num * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + num / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < EPS || Number.isNaN(delta)) break;
  }
  return Math.exp(logFront) * f;
}

/**
 * The regularized incomplete beta function and its complement: { lower: I_x(a, b), upper:
 * 1 − I_x(a, b) }, each computed directly so that neither loses accuracy near 0 or 1.
 * `y` must be 1 − x, given separately so callers can pass it without rounding.
 *
 * @category Statistics
 */
export function regularizedBeta(x: number, y: number, a: number, b: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  if (x < (a + 1) / (a + b + 2)) {
    const lower = betaContinuedFraction(x, y, a, b);
    return { lower, upper: 1 - lower };
  }
  const upper = betaContinuedFraction(y, x, b, a);
  return { lower: 1 - upper, upper };
}

/** The beta density at x (with y = 1 − x). */
function betaDensity(x: number, y: number, a: number, b: number): number {
  return Math.exp((a - 1) * logOf(x, y) + (b - 1) * logOf(y, x) - logBeta(a, b));
}

/**
 * The quantile of the Beta(a, b) distribution: the x with I_x(a, b) = p, or with
 * 1 − I_x(a, b) = p when `upperTail` is set (so an upper-tail probability such as 1e-20 keeps its
 * digits). Safeguarded Newton iteration inside a shrinking bracket: Newton's quadratic
 * convergence where it behaves (on a log scale for tail probabilities under 1e-3), bisection
 * where it would leave the bracket. The result has full
 * relative accuracy in x; callers who need 1 − x near 1 should solve for the mirrored variable.
 *
 * @category Statistics
 */
export function betaQuantile(p: number, a: number, b: number, upperTail = false): number {
  return betaQuantileSearch(p, a, b, upperTail).x;
}

/** {@link betaQuantile} with the number of steps its search took (for the tests: Newton's steps are few). */
export function betaQuantileSearch(p: number, a: number, b: number, upperTail = false): { x: number; steps: number } {
  let lo = 0;
  let hi = 1;
  let x = a / (a + b);
  for (let i = 0; i < 1000; i++) {
    const r = regularizedBeta(x, 1 - x, a, b);
    // g increases with x and is 0 at the answer.
    const g = upperTail ? p - r.upper : r.lower - p;
    if (g === 0) return { x, steps: i + 1 };
    if (g < 0) lo = x;
    else hi = x;
    const density = betaDensity(x, 1 - x, a, b);
    // For a small tail probability, Newton on ln(tail) against ln(distance to the tail's end)
    // instead: near 0 the lower tail is about c·x^a (and the upper one c·(1 − x)^b near 1), on
    // which plain Newton creeps by about x/a per step (hundreds of steps for p = 1e-300) while
    // this one is exact.
    const tail = upperTail ? r.upper : r.lower;
    let next: number;
    if (p < LOG_NEWTON_BELOW && tail > 0) {
      const end = upperTail ? 1 - x : x;
      const moved = end * Math.exp(-((Math.log(tail) - Math.log(p)) * tail) / (end * density));
      next = upperTail ? 1 - moved : moved;
    } else next = x - g / density;
    // Newton's step has shrunk to rounding: x is the answer. (Tested before the bracket, whose
    // far end may be stale: at the answer itself, rounding puts g on either side of 0, and a
    // step judged against the bracket would bisect all the way back.)
    if (Math.abs(next - x) <= 1e-15 * x && density < Number.POSITIVE_INFINITY) return { x: next, steps: i + 1 };
    if (!(next > lo && next < hi)) {
      // Bisect, geometrically near 0 where the quantile may be tiny (p = 1e-300 and the like).
      next = lo === 0 && hi < 1e-3 ? hi / 16 : lo + (hi - lo) / 2;
      if (next <= lo || next >= hi) next = lo + (hi - lo) / 2;
    }
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || hi - lo <= 1e-17 * Math.max(hi, 1e-300)) return { x: next, steps: i + 1 };
    x = next;
  }
  return { x, steps: 1000 };
}
