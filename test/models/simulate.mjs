// Simulators of the purchase models, for property tests (fit data drawn from known parameters and
// get them back) and the benchmarks (a million customers). Plain JavaScript so that both vitest and
// `node bench/…` import it. Seeded: the same seed gives the same customers on every runtime.

/** A seeded uniform generator on [0, 1) (mulberry32). */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
function normal(random) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, rate) draw (Marsaglia & Tsang 2000; shape < 1 by the u^(1/shape) boost). */
export function gamma(random, shape, rate) {
  if (shape < 1) return gamma(random, shape + 1, rate) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x;
    let v;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** A Beta(a, b) draw, from two Gamma draws. */
export function beta(random, a, b) {
  const x = gamma(random, a, 1);
  return x / (x + gamma(random, b, 1));
}

/**
 * A customer's summary as a transaction log records it: the last purchase time rounded down to
 * `resolution` (kept above 0 after a repeat purchase), none when there was none.
 */
function recorded(x, tx, T, resolution) {
  const rounded = resolution > 0 ? Math.floor(tx / resolution) * resolution : tx;
  return { frequency: x, recency: x === 0 ? 0 : Math.max(resolution || Number.MIN_VALUE, rounded), T };
}

/**
 * Customers under a BG/NBD model (Fader, Hardie & Lee 2005): λ ~ Gamma(r, α), p ~ Beta(a, b);
 * purchases at Poisson rate λ after the first at time 0, dropout with probability p after each
 * repeat purchase. `ages[i]` is customer i's T. `resolution` rounds times down to its multiples
 * (1/7 for days in weeks), as a transaction log would record them. Returns
 * `{ frequency, recency, T }` per customer.
 */
export function simulateBgNbd({ r, alpha, a, b }, ages, seed, resolution = 0) {
  const random = seeded(seed);
  return ages.map((T) => {
    const lambda = gamma(random, r, alpha);
    const p = beta(random, a, b);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (random() < p) break;
    }
    return recorded(x, tx, T, resolution);
  });
}

/**
 * Customers under a Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): λ ~ Gamma(r, α),
 * μ ~ Gamma(s, β), lifetime ~ Exponential(μ); purchases at Poisson rate λ while alive. Times
 * rounded as in {@link simulateBgNbd}.
 */
export function simulateParetoNbd({ r, alpha, s, beta: b }, ages, seed, resolution = 0) {
  const random = seeded(seed);
  return ages.map((T) => {
    const lambda = gamma(random, r, alpha);
    const mu = gamma(random, s, b);
    const end = Math.min(T, -Math.log(1 - random()) / mu);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > end) break;
      x++;
      tx = t;
    }
    return recorded(x, tx, T, resolution);
  });
}
