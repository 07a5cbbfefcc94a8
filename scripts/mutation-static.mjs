// Survivors by hand: `node scripts/mutation-static.mjs` applies each static mutant that the
// saved Stryker runs report as survived (a change to code that runs when its module loads, such
// as a colour in a module-level table) to a copy of the repository, and runs the tests that import
// its file (`vitest related`, with the mutation test set). Stryker 9's vitest runner activates
// such mutants only after the module has loaded, so it reports them as survived whether or not a
// test would fail (stryker-js issues #6144 and #6209). With `--all [src/prefix …]` it re-checks
// every survivor under those paths the same way: the runner also reports a few mutants as
// survived that the tests covering them do fail on when applied by hand. The verdicts go to
// reports/static.json, which the table and survivor scripts read: a mutant counts as killed when
// its tests fail here.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mutantKey, readReports, span } from "./mutation-reports.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const sandbox = join(tmpdir(), "cxmetrics-static-mutants");
rmSync(sandbox, { recursive: true, force: true });
mkdirSync(sandbox, { recursive: true });
for (const file of execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).trim().split("\n")) {
  mkdirSync(join(sandbox, file, ".."), { recursive: true });
  cpSync(join(root, file), join(sandbox, file));
}
symlinkSync(join(root, "node_modules"), join(sandbox, "node_modules"));

const all = process.argv.includes("--all");
const prefixes = process.argv.slice(2).filter((a) => a !== "--all");
const { files } = readReports();
const verdicts = {};
for (const [path, file] of Object.entries(files)) {
  if (prefixes.length > 0 && !prefixes.some((p) => path.startsWith(p))) continue;
  const current = readFileSync(join(root, path), "utf8");
  for (const mutant of file.mutants) {
    if (!(mutant.status === "Survived" && (mutant.static || all))) continue;
    const key = mutantKey(path, mutant);
    if (current !== file.source) {
      console.log(`${key}: ${path} changed since its Stryker run; run Stryker over it first`);
      continue;
    }
    const [from, to] = span(current, mutant.location);
    const mutated = current.slice(0, from) + mutant.replacement + current.slice(to);
    writeFileSync(join(sandbox, path), mutated);
    const run = spawnSync("npx", ["vitest", "related", "--run", "-c", "vitest.mutation.config.ts", path], {
      cwd: sandbox,
      encoding: "utf8",
    });
    writeFileSync(join(sandbox, path), current);
    const status = run.status === 0 ? "Survived" : "Killed";
    const failed = /(\d+) failed/.exec(run.stdout)?.[1] ?? "0";
    verdicts[key] = { status, original: current.slice(from, to), replacement: mutant.replacement, failed: Number(failed) };
    console.log(
      `${key}: ${JSON.stringify(current.slice(from, to))} → ${JSON.stringify(mutant.replacement)}: ${status} (${failed} tests failed)`,
    );
  }
}
const out = new URL("../reports/static.json", import.meta.url);
let saved = {};
try {
  saved = JSON.parse(readFileSync(out, "utf8"));
} catch {}
writeFileSync(out, `${JSON.stringify({ ...saved, ...verdicts }, null, 2)}\n`);
rmSync(sandbox, { recursive: true, force: true });
