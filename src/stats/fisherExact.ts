// Fisher's exact test for a 2×2 table, two-sided as R's fisher.test. Internal.
import { logGamma } from "./gamma.ts";

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * Two-sided p-value of Fisher's exact test that xa of na and xb of nb come from one proportion.
 *
 * Given the margins, the successes in the first group follow the hypergeometric law
 * P(x) ∝ C(na, x)·C(nb, K − x), K = xa + xb. The p-value sums P(x) over every table no more
 * likely than the observed one; as in R, "no more likely" allows a relative 1e-7 for rounding.
 *
 * @see R. A. Fisher, The Design of Experiments (1935), §2; R's `fisher.test` (stats package).
 */
export function fisherExactPValue(xa: number, na: number, xb: number, nb: number): number {
  const k = xa + xb;
  const lo = Math.max(0, k - nb);
  const hi = Math.min(k, na);
  if (lo === hi) return 1;
  const logAt = (x: number) => logChoose(na, x) + logChoose(nb, k - x);
  // The mode of the hypergeometric law, to scale the densities so that none overflows.
  const mode = Math.floor(((k + 1) * (na + 1)) / (na + nb + 2));
  const top = logAt(Math.min(hi, Math.max(lo, mode)));
  const observed = Math.exp(logAt(xa) - top) * (1 + 1e-7);
  let total = 0;
  let tail = 0;
  for (let x = lo; x <= hi; x++) {
    const d = Math.exp(logAt(x) - top);
    total += d;
    if (d <= observed) tail += d;
  }
  return Math.min(1, tail / total);
}
