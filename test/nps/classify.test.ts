import { describe, expect, it } from "vitest";
import { classifyNps, MetricsInputError } from "../../src/index.ts";

describe("classifyNps", () => {
  it("uses the standard 0-10 bands: 0-6 detractor, 7-8 passive, 9-10 promoter (Reichheld 2003)", () => {
    const expected = [
      "detractor",
      "detractor",
      "detractor",
      "detractor",
      "detractor",
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ];
    for (let s = 0; s <= 10; s++) expect(classifyNps(s)).toBe(expected[s]);
  });

  it("supports a 1-10 scale and custom breaks", () => {
    expect(classifyNps(1, { scale: [1, 10] })).toBe("detractor");
    expect(classifyNps(10, { scale: [1, 10] })).toBe("promoter");
    expect(classifyNps(5, { scale: [1, 5], promoterFrom: 5, passiveFrom: 4 })).toBe("promoter");
    expect(classifyNps(4, { scale: [1, 5], promoterFrom: 5, passiveFrom: 4 })).toBe("passive");
    expect(classifyNps(3, { scale: [1, 5], promoterFrom: 5, passiveFrom: 4 })).toBe("detractor");
  });

  it("rejects a score off the scale, a fraction, NaN, and bands that do not fit", () => {
    expect(() => classifyNps(11)).toThrow(MetricsInputError);
    expect(() => classifyNps(0, { scale: [1, 10] })).toThrow(/score must be a whole number from 1 to 10; got 0/);
    expect(() => classifyNps(8.5)).toThrow(MetricsInputError);
    expect(() => classifyNps(Number.NaN)).toThrow(MetricsInputError);
    expect(() => classifyNps(5, { scale: [1, 5] })).toThrow(/promoterFrom/);
    expect(() => classifyNps(5, { passiveFrom: 10 })).toThrow(/passiveFrom/);
    expect(() => classifyNps(5, { scale: [10, 0] })).toThrow(MetricsInputError);
  });

  it("names itself when an option is unknown (found by mutation testing: the name was unchecked)", () => {
    expect(() => classifyNps(9, { promotorFrom: 8 } as never)).toThrow(
      /options\.promotorFrom is not an option of classifyNps; did you mean promoterFrom\?/,
    );
  });
});

describe("classifyNps's scale", () => {
  it("names a malformed scale option", () => {
    expect(() => classifyNps(9, { scale: [0] as never })).toThrow(/^options\.scale must be \[min, max\]/);
  });
});
