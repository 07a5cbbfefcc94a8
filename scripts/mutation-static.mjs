// Survivors by hand: `node scripts/mutation-static.mjs` applies each static mutant that the
// saved results (test/mutation/results.json) list as survived (a change to code that runs when
// its module loads, such as a colour in a module-level table) to a copy of the repository, and
// runs the tests that import its file (`vitest related`, with the mutation test set). Stryker 9's
// vitest runner activates such mutants only after the module has loaded, so it reports them as
// survived whether or not a test would fail (stryker-js issues #6144 and #6209). With `--all
// [src/prefix …]` it re-checks every survivor under those paths the same way, which settles the
// survivors a new test kills without a new Stryker run; `--uncovered` does the same for the
// mutants no test reached in that run (a test written since may reach them). (A mutant at a
// column past the start of a condition changes one operand, not the whole condition: apply
// exactly its span, as this script does, before deciding that Stryker misreported it.) A mutant
// the tests fail on is saved as killed. Mutants listed in docs/mutation-equivalents.md are skipped.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mutantKey, readEquivalents, readResults, sourceOf, span, writeResults } from "./mutation-reports.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const sandbox = join(tmpdir(), `cxmetrics-static-mutants-${process.pid}`); // one per run: runs may overlap
rmSync(sandbox, { recursive: true, force: true });
mkdirSync(sandbox, { recursive: true });
for (const file of execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).trim().split("\n")) {
  mkdirSync(join(sandbox, file, ".."), { recursive: true });
  cpSync(join(root, file), join(sandbox, file));
}
symlinkSync(join(root, "node_modules"), join(sandbox, "node_modules"));

const all = process.argv.includes("--all");
const uncovered = process.argv.includes("--uncovered");
const prefixes = process.argv.slice(2).filter((a) => a !== "--all" && a !== "--uncovered");
const files = readResults();
// Mutants listed as equivalent are not re-checked (no test can kill them, by their reasons).
const equivalents = readEquivalents();
for (const [path, file] of Object.entries(files)) {
  if (prefixes.length > 0 && !prefixes.some((p) => path.startsWith(p))) continue;
  if (!file.current) {
    console.log(`${path} changed since its Stryker run; run Stryker over it first`);
    continue;
  }
  const current = sourceOf(path);
  for (const mutant of [...file.alive]) {
    const retest = mutant.status === "Survived" ? mutant.static || all : uncovered && mutant.status === "NoCoverage";
    if (!retest) continue;
    const key = mutantKey(path, mutant);
    if (equivalents.has(key)) continue;
    const [from, to] = span(current, mutant.location);
    writeFileSync(join(sandbox, path), current.slice(0, from) + mutant.replacement + current.slice(to));
    const run = spawnSync("npx", ["vitest", "related", "--run", "-c", "vitest.mutation.config.ts", path], {
      cwd: sandbox,
      encoding: "utf8",
      // A mutant that loops forever as its module loads hangs vitest itself: like Stryker, count
      // a run past two minutes as a kill (a timeout is caught).
      timeout: 120_000,
      killSignal: "SIGKILL",
    });
    writeFileSync(join(sandbox, path), current);
    const failed = /(\d+) failed/.exec(run.stdout)?.[1] ?? "0";
    if (run.status !== 0) {
      file.alive.splice(file.alive.indexOf(mutant), 1);
      file.killed++;
    }
    // Saved after each mutant: a long run stopped half-way keeps what it settled. Only this file's
    // entry is written over, so a save of another file made meanwhile is kept.
    writeResults({ ...readResults(), [path]: file });
    console.log(
      `${key}: ${JSON.stringify(mutant.original)} → ${JSON.stringify(mutant.replacement)}: ${run.status === 0 ? "survived" : "killed"} (${failed} tests failed)`,
    );
  }
}
rmSync(sandbox, { recursive: true, force: true });
