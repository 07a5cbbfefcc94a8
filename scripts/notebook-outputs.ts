// Saves the outputs of examples/deno/cxmetrics.ipynb, so that GitHub shows them: each code cell
// run in order with Deno (as the Deno Jupyter kernel runs them), its console output captured,
// and a cell ending in a chart given the chart's MIME bundle (its Jupyter display hook) plus the
// chart rendered to SVG with vega, which GitHub draws. The library comes from this repository's
// source (the notebook's npm:cxmetrics is mapped to it). Run: npm run notebook
import * as vega from "vega";
import * as vl from "vega-lite";

const notebookPath = new URL("../examples/deno/cxmetrics.ipynb", import.meta.url);
const notebook = JSON.parse(await Deno.readTextFile(notebookPath));
const code = notebook.cells.filter((c: { cell_type: string }) => c.cell_type === "code");

type Output = Record<string, unknown>;
const outputs: Output[][] = code.map(() => []);
let current = 0;
const text = (...args: unknown[]) => args.map((a) => (typeof a === "string" ? a : Deno.inspect(a, { colors: false }))).join(" ");
const stdout = (s: string) => outputs[current]!.push({ output_type: "stream", name: "stdout", text: s.split(/(?<=\n)/) });

/** console.table as Deno prints it, for the rows and columns given. */
function table(rows: Record<string, unknown>[], columns?: string[]): string {
  const keys = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const header = ["(idx)", ...keys];
  const body = rows.map((r, i) => [String(i), ...keys.map((k) => (r[k] === undefined ? "" : Deno.inspect(r[k], { colors: false })))]);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((b) => b[j]!.length)) + 2);
  const cell = (s: string, w: number) => {
    const left = Math.floor((w - s.length) / 2);
    return " ".repeat(left) + s + " ".repeat(w - s.length - left);
  };
  const line = (l: string, m: string, r: string) => l + widths.map((w) => "─".repeat(w)).join(m) + r;
  return [
    line("┌", "┬", "┐"),
    `│${header.map((h, j) => cell(h, widths[j]!)).join("│")}│`,
    line("├", "┼", "┤"),
    ...body.map((b) => `│${b.map((s, j) => cell(s, widths[j]!)).join("│")}│`),
    line("└", "┴", "┘"),
  ].join("\n");
}

console.log = (...args: unknown[]) => stdout(`${text(...args)}\n`);
console.table = (rows: unknown, columns?: string[]) => stdout(`${table(rows as Record<string, unknown>[], columns)}\n`);

async function display(value: unknown): Promise<void> {
  const hook = (value as Record<symbol, () => Record<string, unknown>>)?.[Symbol.for("Jupyter.display")];
  if (typeof hook !== "function") return;
  const bundle = hook();
  const spec = bundle["application/vnd.vegalite.v5+json"];
  const view = new vega.View(vega.parse(vl.compile(spec as vl.TopLevelSpec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  outputs[current]!.push({
    output_type: "execute_result",
    execution_count: current + 1,
    metadata: {},
    data: { ...bundle, "image/svg+xml": svg.split(/(?<=\n)/), "text/plain": String(bundle["text/plain"]).split(/(?<=\n)/) },
  });
}

// One module of all the cells, as the kernel keeps one scope: a cell ending in an expression has it displayed.
const parts = code.map((c: { source: string[] }, i: number) => {
  const lines = c.source.join("").trimEnd().split("\n");
  const last = lines.at(-1)!;
  if (/^(chart|toRows)\(.*\)$/.test(last)) lines[lines.length - 1] = `await __display(${last});`;
  return `__cell(${i});\n${lines.join("\n")}`;
});
const module = parts
  .join("\n\n")
  .replaceAll('"npm:cxmetrics/charts"', '"../../src/charts/index.ts"')
  .replaceAll('"npm:cxmetrics"', '"../../src/index.ts"');
const file = new URL("../examples/deno/.cells.ts", import.meta.url);
await Deno.writeTextFile(
  file,
  `const __cell = (i: number) => (globalThis as any).__cell(i);\nconst __display = (v: unknown) => (globalThis as any).__display(v);\n${module}\n`,
);
(globalThis as Record<string, unknown>).__cell = (i: number) => {
  current = i;
};
(globalThis as Record<string, unknown>).__display = display;
Deno.chdir(new URL("../examples/deno/", import.meta.url));
try {
  await import(file.href);
} finally {
  await Deno.remove(file);
}
code.forEach((c: Record<string, unknown>, i: number) => {
  c.outputs = outputs[i];
  c.execution_count = i + 1;
});
await Deno.writeTextFile(notebookPath, `${JSON.stringify(notebook, null, 1)}\n`);
(Deno as unknown as { stdout: { writeSync(b: Uint8Array): void } }).stdout.writeSync(
  new TextEncoder().encode(`Saved the outputs of ${code.length} code cells in ${notebookPath.pathname}\n`),
);
