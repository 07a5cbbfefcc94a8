// Lists the mutants the saved results (test/mutation/results.json) leave alive: surviving or not
// covered by any test, and not listed as equivalent in docs/mutation-equivalents.md. Each line is
// the key that list uses (file:line:column MutatorName), then the source line, then the part of it
// the mutant changes and what it made of that part (a mutant at a column past the line's start
// changes only an operand, not the whole line). `node scripts/mutation-survivors.mjs [path prefix]`, e.g. `src/stats`.
import { mutantKey, readEquivalents, readResults, sourceOf } from "./mutation-reports.mjs";

const results = readResults();
const equivalents = readEquivalents();
const prefix = process.argv[2] ?? "src/";

let count = 0;
for (const [path, file] of Object.entries(results)) {
  if (!path.startsWith(prefix)) continue;
  if (!file.current) console.log(`${path} changed since its last run: the places below may have moved`);
  const lines = sourceOf(path).split("\n");
  for (const m of file.alive) {
    const key = mutantKey(path, m);
    if (equivalents.has(key)) continue;
    count++;
    const line = lines[m.location.start.line - 1]?.trim() ?? "";
    const short = (text) => text.replace(/\s+/g, " ").slice(0, 110);
    console.log(
      `${key}${m.status === "NoCoverage" ? " (no coverage)" : ""}\n    ${short(line)}\n    ${short(m.original)} → ${short(m.replacement)}`,
    );
  }
}
console.log(`${count} alive`);
