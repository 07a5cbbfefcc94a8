// Small numeric helpers shared across modules. Internal: not exported from the package.

/**
 * Rounds a required sample size up to a whole number, ignoring the last few ulps of
 * floating-point error: 1536.0000000000002 (true value 1536) gives 1536, not 1537.
 * Rounding down would miss the requested margin, so any real excess rounds up.
 */
export function ceilCount(x: number): number {
  const n = Math.max(1, Math.ceil(x - Math.abs(x) * 1e-12));
  return Number.isSafeInteger(n) ? n : Number.NaN; // callers turn NaN into a clear error
}

/** Clip x to [lo, hi]. */
export function clip(x: number, lo: number, hi: number): number {
  return x < lo ? lo : Math.min(x, hi);
}

/** The interval centre ± halfWidth, each bound clipped to [lo, hi]. */
export function symmetricInterval(centre: number, halfWidth: number, lo: number, hi: number): { lower: number; upper: number } {
  return { lower: clip(centre - halfWidth, lo, hi), upper: clip(centre + halfWidth, lo, hi) };
}

/**
 * Finds x in [lo, hi] with f(x) = 0 by bisection, given f(lo) ≠ 0 and f(hi) of the other sign
 * or zero (a root at lo is not looked for: the callers rule it out first). Bisection is slow but
 * cannot fail on a monotone bracket; `tol` is absolute.
 */
export function bisect(f: (x: number) => number, lo: number, hi: number, tol: number): number {
  let flo = f(lo);
  for (let i = 0; i < 200 && hi - lo > tol; i++) {
    const mid = lo + (hi - lo) / 2;
    const fmid = f(mid);
    if (fmid === 0) return mid;
    if (fmid < 0 === flo < 0) {
      lo = mid;
      flo = fmid;
    } else {
      hi = mid;
    }
  }
  return lo + (hi - lo) / 2;
}

/**
 * A BigInt (DuckDB's BIGINT and HUGEINT, PostgreSQL's int8 through some drivers) as the number it
 * is, when a double holds it exactly; past 2^53 the BigInt itself, which the caller refuses.
 */
export function bigintCell(cell: bigint): number | bigint {
  return cell <= 9_007_199_254_740_991n && cell >= -9_007_199_254_740_991n ? Number(cell) : cell;
}
