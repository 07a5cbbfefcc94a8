import fc from "fast-check";

/** Raw 0-10 scores, at least one. */
export const npsScores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 });

/** NPS group counts with at least one response. */
export const npsCountsArb = fc
  .record({
    promoters: fc.integer({ min: 0, max: 5000 }),
    passives: fc.integer({ min: 0, max: 5000 }),
    detractors: fc.integer({ min: 0, max: 5000 }),
  })
  .filter((c) => c.promoters + c.passives + c.detractors > 0);

/** A confidence level in a sensible range. */
export const confidenceArb = fc.double({ min: 0.5, max: 0.999, noNaN: true });
