import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csat, distribution, MetricsInputError, MetricsTypeError, nps, npsMigration } from "../../src/index.ts";

const scores = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 });

/** The median of a list, by sorting (the textbook definition, independent of the library's). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

describe("distribution", () => {
  it("counts, shares, boxes, mean and median of a small 1-5 sample", () => {
    const d = distribution([5, 4, 4, 3, 5, 1, "NA"], { scale: [1, 5], missing: "skip" });
    expect(d.points.map((p) => p.count)).toEqual([1, 0, 1, 2, 2]);
    expect(d.points.map((p) => p.share)).toEqual([1 / 6, 0, 1 / 6, 2 / 6, 2 / 6]);
    expect(d).toMatchObject({ n: 6, missing: 1, effectiveN: 6, median: 4, mean: 22 / 6 });
    expect(d.topBox).toEqual({ scores: [4, 5], share: 4 / 6 });
    expect(d.bottomBox).toEqual({ scores: [1, 2], share: 1 / 6 });
    expect(distribution([0, 9, 10, 6], { scale: [0, 10], top: 2, bottom: 7 }).bottomBox).toEqual({ scores: [0, 6], share: 0.5 });
  });

  it("agrees with csat's top-two-box share and the sorted-list median, on any sample", () => {
    fc.assert(
      fc.property(scores, (xs) => {
        const d = distribution(xs, { scale: [1, 5] });
        expect(d.topBox.share).toBeCloseTo(csat(xs), 12);
        expect(d.median).toBe(median(xs));
        expect(d.mean).toBeCloseTo(xs.reduce((s, x) => s + x, 0) / xs.length, 12);
        expect(d.points.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it("weights: equal weights c give the unweighted result for any c > 0; whole-number weights equal repeating responses", () => {
    fc.assert(
      fc.property(scores, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (xs, c) => {
        const plain = distribution(xs, { scale: [1, 5] });
        const weighted = distribution(xs, { scale: [1, 5], weights: xs.map(() => c) });
        expect(weighted.median).toBe(plain.median);
        expect(weighted.mean).toBeCloseTo(plain.mean, 10);
        expect(weighted.effectiveN).toBeCloseTo(plain.n, 8);
        weighted.points.forEach((p, k) => {
          expect(p.share).toBeCloseTo(plain.points[k]!.share, 12);
        });
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 30 }),
        (pairs) => {
          fc.pre(pairs.some(([, w]) => w > 0));
          const expanded = pairs.flatMap(([x, w]) => Array.from({ length: w }, () => x));
          const weighted = distribution(
            pairs.map(([x]) => x),
            { scale: [1, 5], weights: pairs.map(([, w]) => w) },
          );
          const plain = distribution(expanded, { scale: [1, 5] });
          expect(weighted.median).toBe(plain.median);
          expect(weighted.mean).toBeCloseTo(plain.mean, 12);
          expect(weighted.topBox.share).toBeCloseTo(plain.topBox.share, 12);
          // A weight of 0 drops a response.
          expect(weighted.n).toBe(pairs.filter(([, w]) => w > 0).length);
        },
      ),
    );
  });

  it("effectiveN (Kish) is at most n, equal exactly when all weights are equal", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 2, maxLength: 40 }), (ws) => {
        const d = distribution(
          ws.map(() => 3),
          { scale: [1, 5], weights: ws },
        );
        const spread = Math.max(...ws) / Math.min(...ws) - 1;
        expect(d.effectiveN).toBeLessThanOrEqual(d.n);
        if (spread === 0) expect(d.effectiveN).toBeCloseTo(d.n, 9);
        // Unequal weights cost precision; the loss is of order spread², far above rounding once spread > 1e-6.
        if (spread > 1e-6) expect(d.effectiveN).toBeLessThan(d.n);
        expect(d.effectiveN).toBeGreaterThanOrEqual(1 - 1e-12);
      }),
    );
  });

  it("rejects what it cannot count, naming the argument", () => {
    expect(() => distribution([1, 2], undefined as never)).toThrow(MetricsTypeError);
    expect(() => distribution([1, 6], { scale: [1, 5] })).toThrow(/responses\[1\]/);
    expect(() => distribution([1, null], { scale: [1, 5] })).toThrow(/responses\[1\]/);
    expect(() => distribution([1, 2], { scale: [1, 5], weights: [1] })).toThrow(/one weight per response \(2 of them, not 1\)/);
    expect(() => distribution([1, 2], { scale: [1, 5], weights: [1, -1] })).toThrow(
      /options\.weights\[1\] must be a weight, a finite number >= 0; got -1/,
    );
    expect(() => distribution([1, 2], { scale: [1, 5], weights: [0, 0] })).toThrow(/not all 0/);
    expect(() => distribution([1, 2], { scale: [1, 5], top: 6 })).toThrow(/options\.top/);
    expect(() => distribution([], { scale: [1, 5] })).toThrow(MetricsInputError);
    expect(() => distribution([1], { scale: [1, 5], weight: [1] } as never)).toThrow(/did you mean weights/);
  });
});

describe("npsMigration", () => {
  it("the 3×3 moves of a small panel", () => {
    const m = npsMigration([3, 7, 9, 10, 6, "NA"], [8, 9, 9, 6, 10, 9], { missing: "skip" });
    expect(m).toMatchObject({ n: 5, missing: 1, before: 0, after: 40, change: 40 });
    expect(m.moves.detractor).toEqual({
      detractor: { count: 0, share: 0, rowShare: 0 },
      passive: { count: 1, share: 0.2, rowShare: 0.5 },
      promoter: { count: 1, share: 0.2, rowShare: 0.5 },
    });
    expect(m.moves.promoter.detractor.count).toBe(1);
  });

  it("rows add to the first wave's groups, columns to the second's, and before and after are each wave's NPS", () => {
    const score = fc.integer({ min: 0, max: 10 });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score), { minLength: 1, maxLength: 60 }), (pairs) => {
        const a = pairs.map(([x]) => x);
        const b = pairs.map(([, y]) => y);
        const m = npsMigration(a, b);
        expect(m.before).toBeCloseTo(nps(a), 10);
        expect(m.after).toBeCloseTo(nps(b), 10);
        expect(m.change).toBeCloseTo(nps(b) - nps(a), 10);
        let total = 0;
        for (const from of ["detractor", "passive", "promoter"] as const) {
          const row = Object.values(m.moves[from]);
          const rowCount = row.reduce((s, c) => s + c.count, 0);
          total += rowCount;
          if (rowCount > 0) expect(row.reduce((s, c) => s + c.rowShare, 0)).toBeCloseTo(1, 12);
        }
        expect(total).toBe(pairs.length);
        const promotersAfter = m.moves.detractor.promoter.count + m.moves.passive.promoter.count + m.moves.promoter.promoter.count;
        expect(promotersAfter).toBe(b.filter((y) => y >= 9).length);
      }),
    );
  });

  it("takes custom bands and rejects mismatched waves and missing scores", () => {
    expect(npsMigration([1, 10], [10, 1], { scale: [1, 10] }).change).toBe(0);
    expect(() => npsMigration([1, 2], [3])).toThrow(/one score per respondent in before \(2 of them, not 1\)/);
    expect(() => npsMigration([1, null], [3, 4])).toThrow(/before\[1\]/);
    expect(() => npsMigration([1, 11], [3, 4])).toThrow(/before\[1\]/);
    expect(() => npsMigration([null], [null], { missing: "skip" })).toThrow(/at least one respondent/);
  });
});

describe("distribution and npsMigration errors, by message", () => {
  it("name the argument and show the value as given", () => {
    const cases: [() => unknown, RegExp][] = [
      [() => distribution([1, 2], undefined as never), /^options must be an object with a scale \[min, max\]/],
      [() => distribution([1, 2], { scale: [1, 5], top: 5 }).topBox.scores, /^$/],
      [() => distribution([1, 2], { scale: [1, 5], top: 6 }), /^options\.top must be at most the 5 points of the scale; got 6/],
      [() => distribution([1, 2], { scale: [1, 5], bottom: 6 }), /^options\.bottom must be at most the 5 points of the scale; got 6/],
      [() => distribution([1, 2], { scale: [1, 5], top: 0 }), /^options\.top must be/],
      [() => distribution([1, 2], { scale: [1, 5], bottom: 0 }), /^options\.bottom must be/],
      [() => distribution("12" as never, { scale: [1, 5] }), /^responses must be/],
      [() => distribution([1, 2], { scale: [1, 5], weights: "1,1" as never }), /^options\.weights must be/],
      [() => distribution([1, 2], { scale: "1-5" as never }), /^options\.scale must be/],
      [() => distribution([1, "9"], { scale: [1, 5] }), /^responses\[1\] must be a whole number from 1 to 5; got 9$/],
      [() => distribution([1, null], { scale: [1, 5] }), /^responses\[1\] must be a whole number from 1 to 5, not missing/],
      [() => distribution(["NA"], { scale: [1, 5], missing: "skip" }), /^responses must be at least one response that is not missing/],
      [
        () => distribution(["NA", 3], { scale: [1, 5], missing: "skip", weights: [1, 0] }),
        /^options\.weights must be weights that are not all 0/,
      ],
      [() => npsMigration("9" as never, [9]), /^before must be/],
      [() => npsMigration([9], "9" as never), /^after must be/],
      [() => npsMigration([9], [9], { promotorFrom: 8 } as never), /^options\.promotorFrom is not an option of npsMigration/],
      [() => npsMigration([9, "11"], [9, 9]), /^before\[1\] must be a whole number from 0 to 10; got 11$/],
      [() => npsMigration([9, 9], [9, "x"]), /^after\[1\] must be a whole number from 0 to 10; got "x"/],
      [() => npsMigration([9, 9], [9, null]), /^after\[1\] must be a whole number from 0 to 10, not missing/],
      [() => npsMigration([null], [null], { missing: "skip" }), /^before must be at least one respondent with a score in both waves/],
    ];
    for (const [call, message] of cases) {
      if (message.source === "^$") expect(call()).toEqual([1, 5]);
      else expect(call, String(message)).toThrow(message);
    }
  });

  it("take the largest weight in any position (the overflow-safe effective n keeps a running maximum)", () => {
    for (const weights of [
      [1, 2, 4],
      [4, 2, 1],
      [2, 4, 1],
    ]) {
      expect(distribution([1, 2, 3], { scale: [1, 5], weights }).effectiveN).toBeCloseTo(49 / 21, 12);
    }
  });

  it("median: the exact half goes to the mean of the two middle scores; just past half, to the lower", () => {
    expect(distribution([1, 2, 4, 5], { scale: [1, 5] }).median).toBe(3);
    expect(distribution([1, 2, 4, 5], { scale: [1, 5], weights: [1, 1.000001, 1, 1] }).median).toBe(2);
    expect(distribution([1, 5], { scale: [1, 5], weights: [1, 1] }).median).toBe(3);
  });

  it("median: a half missed by rounding is a half, relative to the total weight (2,300 + 700 against 3,000)", () => {
    // 23 × 0.1 × 1000 is 2300.0000000000005, so twice the first two weights exceeds the total by 9e-13:
    // within 1e-12 of a total of 6,000, and far outside 1e-12 of 1.
    expect(distribution([1, 2, 3], { scale: [1, 3], weights: [23 * 0.1 * 1000, 700, 3000] }).median).toBe(2.5);
    // and short of it: 31,700 + 700 against 32,400, each computed as (317 × 0.1 + 0.7) × 1000 is,
    // falls 7e-12 short of half a total of 64,800.
    expect(distribution([1, 2, 3], { scale: [1, 3], weights: [317 * 0.1 * 1000, 700, (317 * 0.1 + 0.7) * 1000] }).median).toBe(2.5);
  });
});

describe("distribution with weights names its arguments", () => {
  it("a bad response by its index, and weights whose total overflows", () => {
    expect(() => distribution(["x"] as never, { scale: [1, 5], weights: [1] })).toThrow(
      /^responses\[0\] must be a whole number from 1 to 5; got "x"$/,
    );
    // Weights whose squares are no doubles are read relative to the largest (1.0 threw here); their sum must still be a double.
    expect(distribution([1, 2], { scale: [1, 5], weights: [1e300, 1e300] }).points[0]!.weight).toBe(1e300);
    expect(() => distribution([1, 1], { scale: [1, 5], weights: [1e308, 1e308] })).toThrow(
      /^options\.weights must be a value for which the result fits in a double \(this one overflows\); got \[1e\+308, 1e\+308\]$/,
    );
  });
});
