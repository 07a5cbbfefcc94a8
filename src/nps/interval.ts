// The three NPS interval methods, in points. Internal: npsSummary and compareNps call these.

import { bisect } from "../_lib/core/math.ts";
import type { NpsCounts } from "./counts.ts";

/**
 * Point estimate and variance of the −100/0/+100 score from (possibly adjusted) counts.
 */
export interface NpsMoments {
  /** Centre, in points. */
  readonly centre: number;
  /** Variance of one response's score, in points². */
  readonly variance: number;
  /** Sample size the standard error divides by. */
  readonly n: number;
}

/**
 * Centre and per-response variance of the score, from counts of promoters P and detractors D out
 * of n: centre = 100(P − D)/n, and variance 10⁴(p + d − (p − d)²) computed as
 * 10⁴(P(n − P) + D(n − D) + 2PD)/n²: the same value as a sum of non-negative terms, so nothing
 * cancels when nearly everyone is a promoter (or a detractor), and exact for moderate counts.
 */
export function npsMoments(promoters: number, detractors: number, n: number): NpsMoments {
  return { centre: (100 * (promoters - detractors)) / n, variance: npsVariance(promoters, detractors, n), n };
}

/** The variance of {@link npsMoments} alone, in points² (no object: the hot summary path calls it). */
export function npsVariance(promoters: number, detractors: number, n: number): number {
  const spread = promoters * (n - promoters) + detractors * (n - detractors) + 2 * promoters * detractors;
  return (10000 * spread) / (n * n);
}

/**
 * Rocks (2016) adjusted Wald: add ¾ promoter, 1½ passives and ¾ detractor (n + 3).
 */
export function adjustedNpsMoments(c: NpsCounts): NpsMoments {
  const n = c.promoters + c.passives + c.detractors;
  return npsMoments(c.promoters + 0.75, c.detractors + 0.75, n + 3);
}

/**
 * Plain (Wald) moments of the observed counts.
 */
export function waldNpsMoments(c: NpsCounts): NpsMoments {
  return npsMoments(c.promoters, c.detractors, c.promoters + c.passives + c.detractors);
}

/**
 * Tango's (1998) score statistic for H0: p_pro − p_det = delta, with b promoters and c detractors
 * of n (NPS is a difference of two proportions from one multinomial sample, as in a paired 2×2
 * table whose discordant cells are b and c):
 *   T = (b − c − n·delta) / sqrt(n(2q + delta(1 − delta))),
 * q the constrained maximum-likelihood estimate of p_det under H0, the positive root of
 *   2n q² + W q − c·delta(1 − delta) = 0,  W = −(b + c) + (2n − b + c)·delta.
 */
export function tangoStatistic(b: number, c: number, n: number, delta: number): number {
  // Promoters and detractors swap roles under delta → −delta; using the side with delta ≥ 0
  // keeps the discriminant non-negative.
  if (delta < 0) return -tangoStatistic(c, b, n, -delta);
  const w = -(b + c) + (2 * n - b + c) * delta;
  const k = c * delta * (1 - delta);
  const root = Math.sqrt(w * w + 8 * n * k);
  // The two algebraically equal forms of the root avoid cancellation for either sign of W.
  const q = w > 0 ? (2 * k) / (root + w) : (root - w) / (4 * n);
  return (b - c - n * delta) / Math.sqrt(n * (2 * q + delta * (1 - delta)));
}

/**
 * Tango's score interval for NPS as fractions in [−1, 1], solved by bisection to 1e-14.
 */
export function tangoInterval(counts: NpsCounts, z: number): { lower: number; upper: number } {
  const b = counts.promoters;
  const c = counts.detractors;
  const n = b + counts.passives + c;
  const estimate = (b - c) / n;
  const tol = 1e-14;
  // T decreases in delta: the lower limit solves T = z below the estimate, the upper T = −z above.
  const lower =
    estimate <= -1 || tangoStatistic(b, c, n, -1 + tol) <= z ? -1 : bisect((d) => tangoStatistic(b, c, n, d) - z, -1 + tol, estimate, tol);
  const upper =
    estimate >= 1 || tangoStatistic(b, c, n, 1 - tol) >= -z ? 1 : bisect((d) => tangoStatistic(b, c, n, d) + z, estimate, 1 - tol, tol);
  return { lower, upper };
}
