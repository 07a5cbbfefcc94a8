// A Bun script: NPS, CSAT and CES per plan for the sample survey, read straight from the CSV.
// Run from the repository root with `bunx bun run examples/bun/report.ts` (or `bun run …`),
// after `npm run build`; in your own project, `bun add cxmetrics` and import it the same way.
// The CSV is read with d3-dsv (RFC 4180: quoted cells may hold commas, quotes and line breaks,
// as a free-text comment column does); splitting lines on commas would shift such a row's cells.
import { segmentReport } from "cxmetrics";
import { csvParse } from "d3-dsv";

const text = await Bun.file(new URL("../data/survey.csv", import.meta.url)).text();
// Cells stay strings, as a CSV gives them: cxmetrics reads "9" as 9 and a blank as missing.
const records = csvParse(text);

const report = segmentReport(records, { by: "plan", metrics: { nps: "ltr", csat: "sat", ces: "effort" }, missing: "skip" });
console.log(`${report.total.n} responses, NPS ${report.total.nps?.estimate.toFixed(1)}`);
for (const s of report.segments) {
  const { nps, csat, ces } = s;
  if (nps === null || csat === null || ces === null) continue;
  console.log(
    `${String(s.key).padEnd(11)} NPS ${nps.estimate.toFixed(1).padStart(6)}  CSAT ${(100 * csat.estimate).toFixed(1)}%  CES ${ces.estimate.toFixed(2)}` +
      (nps.vsRest?.significant ? "  (NPS differs from the rest)" : ""),
  );
}
