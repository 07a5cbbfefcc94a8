// Records and generators shared by the segmentReport and trend tests.
import fc from "fast-check";

export interface Rec {
  region: string;
  plan: string;
  ltr: number;
  sat: number;
  effort: number;
}

export const recordArb = fc.record({
  region: fc.constantFrom("EMEA", "APAC", "Americas", "LATAM"),
  plan: fc.constantFrom("Free", "Pro"),
  ltr: fc.integer({ min: 0, max: 10 }),
  sat: fc.integer({ min: 1, max: 5 }),
  effort: fc.integer({ min: 1, max: 7 }),
});

/** Deterministic generator (mulberry32) so seeded tests are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
