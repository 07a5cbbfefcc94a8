// trend in a named time zone against the same call in UTC, on 1M records over two years (epoch
// milliseconds and ISO strings), in one process: the ratio is what to read. Run after a build:
// npx tsup && node bench/zones.mjs
import { trend } from "../dist/index.js";

const N = 1_000_000;
const start = Date.UTC(2024, 0, 1);
const span = 2 * 365 * 86_400_000;
let seed = 1;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const epoch = Array.from({ length: N }, () => ({ at: start + Math.floor(random() * span), v: Math.floor(random() * 11) }));
const iso = epoch.map((r) => ({ at: new Date(r.at).toISOString(), v: r.v }));
const time = (f) => {
  f();
  const t = performance.now();
  for (let i = 0; i < 5; i++) f();
  return (performance.now() - t) / 5;
};
for (const [name, data] of [
  ["epoch ms", epoch],
  ["ISO strings", iso],
]) {
  for (const timeZone of ["America/New_York", "Asia/Kolkata"]) {
    const utc = time(() => trend(data, { time: "at", every: "week", metrics: { nps: "v" } }));
    const zoned = time(() => trend(data, { time: "at", every: "week", timeZone, metrics: { nps: "v" } }));
    console.log(`${name}, ${timeZone}: UTC ${utc.toFixed(1)} ms, zone ${zoned.toFixed(1)} ms, ${(zoned / utc).toFixed(2)}×`);
  }
}
