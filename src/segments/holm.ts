import { assertArrayLike, assertFraction } from "../_lib/core/validate.ts";

/**
 * Holm's step-down adjustment of p-values for testing several hypotheses at once (several
 * segments against the rest): controls the chance of any false "significant" at the nominal
 * level, and is uniformly more powerful than Bonferroni.
 *
 * With the m p-values sorted ascending, p₍ⱼ₎ becomes max over k ≤ j of min(1, (m − k + 1)·p₍ₖ₎);
 * results come back in the input order.
 *
 * @param pValues - p-values, each in [0, 1].
 * @returns Adjusted p-values in the same order, each in [0, 1] and ≥ its raw value.
 * @throws {@link MetricsInputError} for a p-value outside [0, 1] or NaN.
 * @see S. Holm, "A simple sequentially rejective multiple test procedure", Scandinavian Journal
 *   of Statistics 6 (1979), 65-70; R's `p.adjust(p, "holm")`.
 * @example
 * ```ts
 * import { holmAdjust } from "cxmetrics";
 * holmAdjust([0.01, 0.04, 0.03]); // [0.03, 0.06, 0.06]
 * ```
 *
 * @category Segments and trends
 */
export function holmAdjust(pValues: ArrayLike<number>): number[] {
  const ps = assertArrayLike(pValues, "pValues") as ArrayLike<number>;
  const m = ps.length;
  const order: number[] = [];
  for (let i = 0; i < m; i++) {
    assertFraction(ps[i], `pValues[${i}]`);
    order.push(i);
  }
  order.sort((a, b) => ps[a]! - ps[b]! || a - b);
  const adjusted = new Array<number>(m);
  let running = 0;
  for (let j = 0; j < m; j++) {
    const i = order[j]!;
    running = Math.max(running, Math.min(1, (m - j) * ps[i]!));
    adjusted[i] = running;
  }
  return adjusted;
}
