// Counting the scores of a long Uint8Array two at a time. The bytes are read as 32-bit words; each
// word is two 16-bit halves, and each half (a pair of scores) is one counter in a table of 65,536
// pairs. Consecutive words count into different quarters of the table, so that a run of equal
// scores does not make every increment wait for the one before. At the end, the counters of the
// pairs on the scale are folded into counts per score and set back to 0. If they do not add up to
// every pair read, some byte is off the scale: the table is cleared, nothing is counted, and the
// caller's ordinary counting finds that byte and reports it at its index. Internal.

/** Below this many scores the table is not worth its fold (121 pairs per quarter on 0-10). */
const PAIRS_FROM = 4096;

const QUARTER = 65536;

/**
 * Adds the bytes of `bytes` into `counts` (indexed from `min`) and returns true, when every byte
 * is on [min, max] with 0 ≤ min ≤ max ≤ 255; returns false and counts nothing otherwise, and for
 * arrays too short for the table to pay.
 */
export function countBytePairs(bytes: Uint8Array | Uint8ClampedArray, min: number, max: number, counts: number[]): boolean {
  const n = bytes.length;
  // The fold reads 4 × (points on the scale)² counters: worth it when that is small beside n.
  if (min < 0 || max > 255 || n < PAIRS_FROM || 64 * (max - min + 1) ** 2 > n) return false;
  // Bytes before the first 4-byte boundary and after the last whole word, one at a time.
  const head = Math.min(n, (4 - (bytes.byteOffset % 4)) % 4);
  const words = (n - head) >>> 2;
  const tail = head + 4 * words;
  for (let i = 0; i < head; i++) if (bytes[i]! < min || bytes[i]! > max) return false;
  for (let i = tail; i < n; i++) if (bytes[i]! < min || bytes[i]! > max) return false;
  const { table, countWords } = pairCounters();
  countWords(new Uint32Array(bytes.buffer, bytes.byteOffset + head, words));
  // Fold the pairs on the scale, clearing each; the low byte and the high byte each count once.
  let counted = 0;
  const folded = new Array<number>(max - min + 1).fill(0);
  for (let q = 0; q < 4 * QUARTER; q += QUARTER) {
    for (let hi = min; hi <= max; hi++) {
      for (let lo = min; lo <= max; lo++) {
        const at = q + (lo | (hi << 8));
        const c = table[at]!;
        if (c === 0) continue;
        table[at] = 0;
        counted += c;
        folded[lo - min]! += c;
        folded[hi - min]! += c;
      }
    }
  }
  if (counted !== 2 * words) {
    clearTable(table);
    return false;
  }
  for (let i = 0; i < head; i++) folded[bytes[i]! - min]!++;
  for (let i = tail; i < n; i++) folded[bytes[i]! - min]!++;
  for (let k = 0; k < folded.length; k++) counts[k]! += folded[k]!;
  return true;
}

/** The table of pair counters and the loop that fills it. */
interface PairTable {
  readonly table: Int32Array;
  readonly countWords: (w: Uint32Array) => void;
}

let pairTable: PairTable | undefined;

/**
 * The table and its loop, made on first use (1 MB of counters, not allocated by a mere import) and
 * kept: one table for the module, not one per call, held by a closure made once, which the compiler
 * then treats as a constant (a top-level const would not do, since bundlers turn those into vars),
 * so that each index (a 16-bit half plus a quarter's offset) needs no bounds check. Its pages are
 * only touched where scores fall, about 48 KB on a 0-10 scale.
 */
function pairCounters(): PairTable {
  if (pairTable !== undefined) return pairTable;
  const table = new Int32Array(4 * QUARTER);
  /** Every half-word of `w` counted in the table, words alternating between two pairs of quarters. */
  const countWords = (w: Uint32Array): void => {
    const n = w.length;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const x = w[i]!;
      const y = w[i + 1]!;
      table[x & 0xffff]!++;
      table[0x10000 | (x >>> 16)]!++;
      table[0x20000 | (y & 0xffff)]!++;
      table[0x30000 | (y >>> 16)]!++;
    }
    if (i < n) {
      const x = w[i]!;
      table[x & 0xffff]!++;
      table[0x10000 | (x >>> 16)]!++;
    }
  };
  pairTable = { table, countWords };
  return pairTable;
}

/** After bytes off the scale: every counter back to 0, writing only those that are not (untouched pages stay untouched). */
function clearTable(table: Int32Array): void {
  for (let k = 0; k < table.length; k++) if (table[k] !== 0) table[k] = 0;
}
