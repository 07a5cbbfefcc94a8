import { npsSummary } from "./src/index.ts";
import ref from "./test/fixtures/r/clustered.json";
const d = ref.data;
const s = npsSummary(d.map(r=>r.ltr), { weights: d.map(r=>r.arr), cluster: d.map(r=>r.account), method: "wald" });
console.log(s.estimate, s.standardError, s.interval, ref.clustered.nps, s.clusters, s.designDf, s.effectiveN);
const f = npsSummary(d.map(r=>r.ltr), { weights: d.map(r=>r.arr), method: "wald" });
console.log(f.standardError, ref.ignoringAccounts.nps.standardError);
const u = npsSummary(d.map(r=>r.ltr), { cluster: d.map(r=>r.account), method: "wald" });
console.log(u.standardError, ref.unweightedClustered.nps.standardError);
