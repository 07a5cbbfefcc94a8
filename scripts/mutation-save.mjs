// Saves a Stryker run into test/mutation/results.json (read by the table, survivor and static
// scripts), replacing the files it mutated:
//   node scripts/mutation-save.mjs [--mutate 'glob,glob'] [report]
// `--mutate` takes the same globs the run was given (default: all of src/), because Stryker's
// report also carries, unchanged, the results its incremental file holds for other files; those
// are not this run's and are left as saved. The report defaults to reports/mutation.json.
import { readFileSync } from "node:fs";
import { readResults, sha256, span, writeResults } from "./mutation-reports.mjs";

const args = process.argv.slice(2);
const at = args.indexOf("--mutate");
const globs = (at < 0 ? "src/**/*.ts" : args.splice(at, 2)[1]).split(",");
const reportFile = args[0] ?? new URL("../reports/mutation.json", import.meta.url);

/** A glob of Stryker's `--mutate` (`**` any folders, `*` any name part) as a RegExp. */
const pattern = (glob) =>
  new RegExp(
    `^${glob
      .split("**/")
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*"))
      .join("(?:.*/)?")}$`,
  );
const patterns = globs.map(pattern);

const report = JSON.parse(readFileSync(reportFile, "utf8"));
const files = readResults();
let saved = 0;
for (const [path, file] of Object.entries(report.files)) {
  if (!patterns.some((p) => p.test(path))) continue;
  const entry = { sha256: sha256(file.source), killed: 0, typeErrors: 0, otherErrors: 0, alive: [] };
  for (const m of file.mutants) {
    if (m.status === "Killed" || m.status === "Timeout") entry.killed++;
    else if (m.status === "CompileError") entry.typeErrors++;
    else if (m.status === "Survived" || m.status === "NoCoverage" || (m.status === "Ignored" && m.static)) {
      const [from, to] = span(file.source, m.location);
      entry.alive.push({
        location: m.location,
        mutatorName: m.mutatorName,
        // A static mutant left out with --ignoreStatic is saved as a survivor, for
        // mutation-static.mjs to settle (it applies each one by hand).
        status: m.status === "Ignored" ? "Survived" : m.status,
        original: file.source.slice(from, to),
        replacement: m.replacement ?? "",
        ...(m.static ? { static: true } : {}),
      });
    } else entry.otherErrors++;
  }
  files[path] = entry;
  saved++;
}
writeResults(files);
console.log(`saved ${saved} files from ${reportFile} (globs: ${globs.join(", ")})`);
