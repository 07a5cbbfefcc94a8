import fc from "fast-check";

/** Numbers a hostile user might pass: NaN, ±Infinity, -0, huge, tiny, non-integers, and ordinary ones. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer({ min: -20, max: 20 }),
  fc.constantFrom(
    0,
    -0,
    1,
    0.5,
    0.95,
    0.999999,
    1e-300,
    5e-324,
    1e300,
    Number.MAX_VALUE,
    2 ** 32,
    2 ** 53,
    Number.NaN,
    Infinity,
    -Infinity,
  ),
);

/** Any value at all: hostile numbers and values of the wrong type. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyNumber, weight: 4 },
  { arbitrary: fc.constantFrom(undefined, null, "9", "", true, {}, [], () => 1), weight: 1 },
);

/** Mostly valid values from `good`, sometimes hostile. */
export function mostly<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: anyValue, weight: 1 });
}

export const count = mostly(fc.nat(2000));
export const positiveCount = mostly(fc.integer({ min: 1, max: 2000 }));
export const fraction = mostly(fc.double({ min: 0, max: 1, noNaN: true }));
export const confidence = mostly(fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99, 0.999999));
export const money = mostly(fc.double({ min: 0, max: 1e7, noNaN: true }));
export const smallScores = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.array(fc.integer({ min, max }), { maxLength: 30 }), weight: 4 },
    { arbitrary: fc.array(mostly(fc.integer({ min, max })), { maxLength: 10 }), weight: 2 },
    {
      arbitrary: fc.array(fc.integer({ min, max }), { maxLength: 30 }).map((a) => Uint8Array.from(a.map((x) => Math.max(0, x)))),
      weight: 1,
    },
    { arbitrary: anyValue, weight: 1 },
  );
export const scale = mostly(fc.constantFrom([0, 10], [1, 10], [1, 5], [1, 7], [3, 3], [5, 1], [0.5, 4]));
export const tallyLike = (min: number, max: number) =>
  fc.oneof(
    fc.array(fc.nat(50), { minLength: max - min + 1, maxLength: max - min + 1 }).map((counts) => ({ scale: [min, max], counts })),
    fc.record({ scale, counts: fc.array(count, { maxLength: 12 }) }),
  );
export const optionsOf = <T>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  fc.oneof(
    { arbitrary: fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<unknown>, weight: 6 },
    { arbitrary: fc.constantFrom(undefined, null, 5, "x"), weight: 1 },
  );
