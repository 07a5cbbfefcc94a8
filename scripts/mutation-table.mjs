// Writes the mutation-testing section of docs/robustness.md from the saved results
// (test/mutation/results.json, which `node scripts/mutation-save.mjs` fills from each Stryker run):
// per module (a folder of src/), the mutants killed (by a failing test or a timeout), surviving,
// not covered by any test, and rejected by the type checker, and the score, killed ÷ (killed +
// survived + not covered). Equivalent mutants are listed by hand in docs/mutation-equivalents.md
// and subtracted. A file changed since its run is counted with its old figures and named.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mutantKey, readEquivalents, readResults } from "./mutation-reports.mjs";

const MARK = "\n<!-- mutation testing: scripts/mutation-table.mjs -->";
/** Where the generated part ends: what follows (written by hand) is kept. */
const END = "<!-- end of the generated table -->";
const doc = new URL("../docs/robustness.md", import.meta.url);
const results = readResults();
const equivalents = readEquivalents();

/** A file's module: its area's folder, or its layer's in src/_lib (core, read, count). */
const moduleOf = (path) =>
  path
    .split("/")
    .slice(0, path.startsWith("src/_lib/") ? 3 : 2)
    .join("/")
    .replace(/\.ts$/, "");
const modules = new Map();
for (const [path, file] of Object.entries(results)) {
  const module = moduleOf(path);
  const m = modules.get(module) ?? { killed: 0, survived: 0, noCoverage: 0, errors: 0, equivalent: 0 };
  m.killed += file.killed;
  m.errors += file.typeErrors + file.otherErrors;
  for (const mutant of file.alive) {
    if (equivalents.has(mutantKey(path, mutant))) m.equivalent++;
    else if (mutant.status === "Survived") m.survived++;
    else m.noCoverage++;
  }
  modules.set(module, m);
}
// An entry of the list that matches no mutant left alive is stale (killed since, or moved by an
// edit above it): the list should name only what no test can kill.
const alive = new Set(Object.entries(results).flatMap(([path, file]) => file.alive.map((m) => mutantKey(path, m))));
for (const key of equivalents) if (!alive.has(key)) console.warn(`docs/mutation-equivalents.md: ${key} matches no mutant left alive`);
const score = (m) => (100 * m.killed) / (m.killed + m.survived + m.noCoverage);
const total = [...modules.values()].reduce(
  (t, m) => ({
    killed: t.killed + m.killed,
    survived: t.survived + m.survived,
    noCoverage: t.noCoverage + m.noCoverage,
    errors: t.errors + m.errors,
    equivalent: t.equivalent + m.equivalent,
  }),
  { killed: 0, survived: 0, noCoverage: 0, errors: 0, equivalent: 0 },
);
const row = (name, m) =>
  `| ${name} | ${m.killed} | ${m.survived} | ${m.noCoverage} | ${m.equivalent} | ${m.errors} | ${score(m).toFixed(1)} % |`;
// How much of each module the saved runs cover: its files run, of its files.
const src = new URL("../src/", import.meta.url);
// (A file of types and re-exports only has no mutants, and no place in a report.)
const hasCode = (path) =>
  /\b(function|const|let|class)\b/.test(
    readFileSync(new URL(`../${path}`, import.meta.url), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, ""),
  );
const filesOf = (module) =>
  readdirSync(new URL(`${module.slice("src/".length)}/`, src))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `${module}/${f}`)
    .filter(hasCode);
const modulesInSrc = readdirSync(src, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    d.name === "_lib"
      ? readdirSync(new URL("_lib/", src), { withFileTypes: true })
          .filter((l) => l.isDirectory())
          .map((l) => `src/_lib/${l.name}`)
      : [`src/${d.name}`],
  );
const named = (module) => {
  const all = filesOf(module);
  const run = all.filter((f) => f in results).length;
  return run === all.length ? `\`${module}\`` : `\`${module}\` (${run} of ${all.length} files)`;
};
const notRun = modulesInSrc.filter((module) => !modules.has(module));
const changed = Object.keys(results).filter((path) => !results[path].current);
const section = [
  MARK,
  "",
  "## Mutation testing",
  "",
  "`npm run test:mutation` (Stryker with the vitest runner and the TypeScript checker) changes src/ in small ways and counts the changes some test catches. `node scripts/mutation-save.mjs` keeps each run's results in test/mutation/results.json, and `node scripts/mutation-table.mjs` rewrites this table from them: each file's figures come from the last run over it, which may predate tests written since (and a run narrowed to a module's own tests with `MUTATION_TESTS` gives a lower bound). Static mutants (code run when a module loads) that Stryker 9's vitest runner reports as survived without activating them are settled by `node scripts/mutation-static.mjs`, which applies each by hand and runs the tests that import its file. `node scripts/mutation-survivors.mjs` lists the mutants left alive; docs/mutation-equivalents.md lists those no test can kill, each with its reason.",
  "",
  "| module | killed | survived | no coverage | equivalent | type errors | score |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...[...modules]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, m]) => row(modulesInSrc.includes(name) ? named(name) : `\`${name}\``, m)),
  row("**all run so far**", total),
  "",
  ...(notRun.length === 0 ? [] : [`Not run yet: ${notRun.map((m) => `\`${m}\``).join(", ")}.`, ""]),
  ...(changed.length === 0
    ? []
    : [`Changed since their last run (figures from before the change): ${changed.map((p) => `\`${p}\``).join(", ")}.`, ""]),
  END,
].join("\n");
const text = readFileSync(doc, "utf8");
const at = text.indexOf(MARK);
const end = text.indexOf(END);
writeFileSync(doc, (at < 0 ? text : text.slice(0, at)) + section + (at < 0 || end < 0 ? "\n" : text.slice(end + END.length)));
console.log(section);
