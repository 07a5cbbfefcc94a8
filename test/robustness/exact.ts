// Exact rational arithmetic with BigInt, to check floating-point results to the last bits.

/** The exact value of a finite double as numerator / denominator (denominator a power of two). */
export function toRational(x: number): [bigint, bigint] {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  if (x === 0) return [0n, 1n];
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const e = (exponent === 0 ? 1 : exponent) - 1075; // value = mantissa · 2^e
  return e >= 0 ? [sign * (mantissa << BigInt(e)), 1n] : [sign * mantissa, 1n << BigInt(-e)];
}

/** |x − a/b| / |a/b| as a double, computed exactly before the final division. */
export function relativeError(x: number, a: bigint, b: bigint): number {
  const [xn, xd] = toRational(x);
  const diff = xn * b - a * xd; // (x − a/b) · b · xd
  const abs = (v: bigint) => (v < 0n ? -v : v);
  if (a === 0n) return diff === 0n ? 0 : Infinity;
  // Scale to keep 60 significant bits in the quotient.
  const num = abs(diff) << 60n;
  const den = abs(a) * xd;
  return Number(num / den) / 2 ** 60;
}
