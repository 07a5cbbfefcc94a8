import { proportionInterval } from "./dist/index.js";
const ps = Float64Array.from({ length: 1024 }, (_, i) => ((i * 7919) % 1000) / 1000 * 0.98 + 0.01);
let sink = 0;
function run(f) { const t = performance.now(); let k = 0; while (performance.now() - t < 500) { f(); k++; } return (k * 1024) / ((performance.now() - t) / 1000) / 1e6; }
const full = () => { for (let i = 0; i < 1024; i++) sink += proportionInterval({ successes: Math.round(ps[i] * 1000), n: 1000 }).interval.lower; };
const hand = () => { for (let i = 0; i < 1024; i++) { const n = 1000, p = ps[i], z = 1.959963984540054, z2 = z * z; sink += (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n); } };
for (let r = 0; r < 3; r++) console.log("hand", run(hand).toFixed(1), "full", run(full).toFixed(1));
