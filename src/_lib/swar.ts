// Counting scores in a Uint8Array four at a time, in the 32-bit words that hold them (SIMD within
// a register): for a byte b of at most 127 and a threshold t, b + (128 − t) has its top bit set
// exactly when b ≥ t, and the sum cannot carry into the next byte. Each word gives, per
// threshold, a 0/1 flag in the top bit of each of its four bytes; the flags are added up per byte
// (at most 254 words, so no byte overflows) and the four bytes summed per block. A block with a
// byte off the scale (any byte ≥ 128 included) makes the whole count give up, and the caller's
// ordinary counting finds that byte and reports it at its index. Internal.

/** Below this many scores the word loop is not worth its setup. */
export const SWAR_FROM = 1024;

const LANES = 0x01010101;
const TOPS = 0x80808080;

/** The four bytes of an accumulator added. */
function lanes(acc: number): number {
  return (acc & 0xff) + ((acc >>> 8) & 0xff) + ((acc >>> 16) & 0xff) + (acc >>> 24);
}

/**
 * How many bytes are at or above each threshold `t1` and `t2` (t1 ≥ t2 not required), provided
 * every byte is a whole score in [min, max] with 0 ≤ min < max ≤ 127; undefined otherwise (a byte
 * off the scale, or a scale the trick does not cover).
 */
export function countBytesAtLeast(bytes: Uint8Array, min: number, max: number, t1: number, t2: number): [number, number] | undefined {
  if (min < 0 || max > 127) return undefined;
  const n = bytes.length;
  let a1 = 0;
  let a2 = 0;
  // Scalar up to a 4-byte boundary, then words, then the tail.
  const head = Math.min(n, (4 - (bytes.byteOffset % 4)) % 4);
  const words = (n - head) >>> 2;
  const tail = head + 4 * words;
  const edge = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      if (b < min || b > max) return false;
      if (b >= t1) a1++;
      if (b >= t2) a2++;
    }
    return true;
  };
  if (!edge(0, head) || !edge(tail, n)) return undefined;
  const w32 = new Uint32Array(bytes.buffer, bytes.byteOffset + head, words);
  const over = (127 - max) * LANES; // top bit set where b > max
  const under = (128 - min) * LANES; // top bit clear where b < min
  const add1 = (128 - t1) * LANES;
  const add2 = (128 - t2) * LANES;
  // One threshold (CSAT's) counts once; a second (NPS's passives) only when it differs.
  const two = t1 !== t2;
  let i = 0;
  while (i < words) {
    const end = Math.min(words, i + 254);
    let acc1 = 0;
    let acc2 = 0;
    let bad = 0;
    let low = TOPS;
    if (min === 0) {
      // No score is below 0: the lower check is the only thing the loop can drop.
      for (; i + 1 < end; i += 2) {
        const w = w32[i]!;
        const v = w32[i + 1]!;
        bad |= w | (w + over) | v | (v + over);
        acc1 += (((w + add1) >>> 7) & LANES) + (((v + add1) >>> 7) & LANES);
        acc2 += (((w + add2) >>> 7) & LANES) + (((v + add2) >>> 7) & LANES);
      }
    }
    for (; i + 1 < end; i += 2) {
      const w = w32[i]!;
      const v = w32[i + 1]!;
      bad |= w | (w + over) | v | (v + over);
      low &= (w + under) & (v + under);
      acc1 += (((w + add1) >>> 7) & LANES) + (((v + add1) >>> 7) & LANES);
      if (two) acc2 += (((w + add2) >>> 7) & LANES) + (((v + add2) >>> 7) & LANES);
    }
    for (; i < end; i++) {
      const w = w32[i]!;
      bad |= w | (w + over);
      low &= w + under;
      acc1 += ((w + add1) >>> 7) & LANES;
      acc2 += ((w + add2) >>> 7) & LANES;
    }
    // (Bitwise results are signed 32-bit: test the missing top bits, not equality with TOPS.)
    if ((bad & TOPS) !== 0 || (~low & TOPS) !== 0) return undefined;
    a1 += lanes(acc1);
    a2 += two ? lanes(acc2) : lanes(acc1);
  }
  return [a1, a2];
}
