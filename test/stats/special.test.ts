import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { studentTCdf, studentTQuantile } from "../../src/index.ts";
import { logBeta, logGamma } from "../../src/stats/gamma.ts";
import { normalCdf } from "../../src/stats/normal.ts";

// The special functions under every interval, at the edges of their pieces, against R 4.x
// (options(digits = 17); the call beside each value).
const close = (value: number, expected: number, relative: number) =>
  expect(Math.abs(value - expected) / Math.abs(expected), `${value} against ${expected}`).toBeLessThan(relative);

describe("special functions at the edges of their pieces", () => {
  it("normalCdf from −37.5 to −5 in steps of 0.37 within 2e-15 of R (squaring x directly would lose 1e-13)", () => {
    // test/fixtures/r/pnorm-tail.R: pnorm(seq(-37.5, -5, by = 0.37))
    const r = JSON.parse(readFileSync(new URL("../fixtures/r/pnorm-tail.json", import.meta.url), "utf8")) as { x: number[]; p: number[] };
    expect(r.x).toHaveLength(88);
    for (const [i, x] of r.x.entries()) close(normalCdf(x), r.p[i]!, 2e-15);
  });

  it("normalCdf far in the lower tail, where exp(−x²/2) is split to keep its digits: R pnorm", () => {
    close(normalCdf(-10.3), 3.5230650789264124e-25, 1e-14); // pnorm(-10.3)
    close(normalCdf(-20.7), 1.7318518790197378e-95, 1e-14); // pnorm(-20.7)
    close(normalCdf(-37), 5.7255712225245771e-300, 1e-14); // pnorm(-37)
    close(normalCdf(-5.5), 1.8989562465887721e-8, 1e-14); // pnorm(-5.5)
    close(normalCdf(-1.2), 1.1506967022170828e-1, 1e-15); // pnorm(-1.2)
  });

  it("logGamma near 0, across the reflection at ½ and the switch to Stirling at 10: R lgamma", () => {
    close(logGamma(1e-10), 23.0258509298827363, 1e-15); // lgamma(1e-10): −ln x − γx
    close(logGamma(0.3), 1.0957979948180756, 1e-14); // lgamma(0.3): reflected
    close(logGamma(9.99), 12.7793152143501931, 1e-14); // lgamma(9.99): Lanczos
    close(logGamma(10), 12.8018274800814691, 1e-15); // lgamma(10): Stirling
    close(logGamma(12.5), 18.7343475119364484, 1e-15); // lgamma(12.5)
  });

  it("logBeta with one, both or neither argument at 10 or more: R lbeta", () => {
    close(logBeta(15, 0.5), -0.77332836545223194, 1e-14); // lbeta(15, 0.5)
    close(logBeta(0.5, 15), -0.77332836545223194, 1e-14); // lbeta(0.5, 15)
    close(logBeta(10, 10), -13.73622922703655469, 1e-15); // lbeta(10, 10)
    close(logBeta(12, 3), -6.99576615630484966, 1e-14); // lbeta(12, 3)
    // At q = 10 exactly, the one-sided decomposition: B(½, 10) = 9!·2¹⁰/19!! exactly, whose log
    // (Python's decimal, 40 digits) is −0.566432796397593935; the sum of log-gammas is 6e-15 off.
    close(logBeta(0.5, 10), -0.566432796397593935, 1e-15);
  });

  // R's pt agrees to 2e-14 at (−30, 1e9) and (−5, 2e8) with the tail integral of the t density
  // (scipy.integrate.quad, the density's constant by its asymptotic series in Python decimal):
  // 4.90770984398364e-198 and 2.866518134711967e-7.
  it("Student's t past 1e8 degrees of freedom, where it is a transformed normal: R pt and qt", () => {
    close(studentTQuantile(0.975, 1e10), 1.95996398477728073, 1e-15); // qt(0.975, 1e10)
    close(studentTCdf(2, 1e10), 0.97724986803832303, 1e-15); // pt(2, 1e10)
    close(studentTCdf(2, 1e8 + 1), 0.97724986670204661, 1e-15); // pt(2, 1e8 + 1)
    close(studentTCdf(-5, 2e8), 2.8665181347119739e-7, 3e-14); // pt(-5, 2e8) (Φ magnifies a rounding of t 26-fold at −5)
    // pt(-30, 1e9): 3e-11 apart, the O(t⁸/df²) error of A&S 26.7.8 this far out (from 3e-4 for Φ alone).
    close(studentTCdf(-30, 1e9), 4.9077098439837119e-198, 5e-11);
    close(studentTCdf(0.5, 5e8), 6.9146246116399257e-1, 1e-15); // pt(0.5, 5e8)
    close(studentTQuantile(0.001, 2e8), -3.0902323469184587, 1e-15); // qt(0.001, 2e8)
    expect(studentTQuantile(0.5, 3)).toBe(0); // qt(0.5, 3)
    expect(studentTCdf(0, 3)).toBe(0.5); // pt(0, 3)
  });

  it("Student's t at exactly 1e8 degrees of freedom is still the incomplete beta, not the transformed normal", () => {
    // The tail integral of the t density (scipy.integrate.quad from −40 to −30, the density's
    // constant by its asymptotic series), which scipy.special.stdtr(1e8, -30) matches to 4e-14:
    // 4.916682142941599e-198. The transformed normal, R's pt past 4e5 df, is 3e-9 off here.
    close(studentTCdf(-30, 1e8), 4.916682142941599e-198, 2e-12);
  });

  it("logGamma of a subnormal: −ln x, where the reflection's sin(πx) would give π / sin(πx) = ∞", () => {
    close(logGamma(1e-310), -Math.log(1e-310), 1e-15); // γx is 1e-310, far below an ulp of 713.8
  });

  it("logGamma just above 1e-8 reflects: the Lanczos sum alone is 3e-11 off at 1e-7", () => {
    // −ln x − γx + ζ(2)x²/2 (the next term is 4e-22), and Python's math.lgamma(1e-7), both 16.11809559323676.
    close(logGamma(1e-7), 16.11809559323676, 1e-15);
  });
});
