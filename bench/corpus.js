/**
 * `npm run corpus`: lint and compile every document of ../shared/corpus (real specs from public
 * repositories; read in place, never copied here) and report what came out: per document, then per rule
 * (or diagnostic code) the findings in each folder of the corpus, with the `recommended` preset and with
 * `strict`. Nothing may crash. Skipped when the folder is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile, DEFAULT_CONFIG, lint } from '../dist/index.js';

const ROOT = process.env.GATEFORM_CORPUS ?? '../shared/corpus';
if (!existsSync(ROOT)) {
  console.log(`corpus: ${ROOT} is absent; skipped.`);
  process.exit(0);
}
const files = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .map((f) => join(ROOT, d.name, f)),
  )
  .sort();
let crashes = 0;
const STRICT = { ...DEFAULT_CONFIG, preset: 'strict' };
const folders = [...new Set(files.map((f) => f.split('/').at(-2)))];
/** code → column (`<folder>` for recommended, `<folder> strict`) → findings. */
const codes = new Map();
const count = (diagnostics, column) => {
  for (const d of diagnostics) {
    const row = codes.get(d.code) ?? codes.set(d.code, new Map()).get(d.code);
    row.set(column, (row.get(column) ?? 0) + 1);
  }
};
for (const file of files) {
  const start = performance.now();
  const folder = file.split('/').at(-2);
  try {
    const linted = await lint(file, DEFAULT_CONFIG);
    const compiled = await compile(file);
    count(linted.diagnostics, folder);
    count((await lint(file, STRICT)).diagnostics, `${folder} strict`);
    const errors = linted.diagnostics.filter((d) => d.severity === 'error').length;
    console.log(
      `${compiled.template ? 'compiles' : 'refused '} ${String(errors).padStart(3)} errors ${String(linted.diagnostics.length - errors).padStart(3)} other ${(performance.now() - start).toFixed(0).padStart(5)} ms  ${file}`,
    );
  } catch (error) {
    crashes += 1;
    console.log(`CRASH ${file}: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
const columns = [...folders, ...folders.map((f) => `${f} strict`)];
const total = (row) => folders.reduce((sum, f) => sum + (row.get(f) ?? 0), 0);
const width = Math.max(...[...codes.keys()].map((c) => c.length), 4);
console.log(`\n${files.length} documents, ${crashes} crashes. Findings per rule (or code), by folder:`);
console.log(`${'rule'.padEnd(width)} ${columns.map((c) => c.padStart(Math.max(c.length, 6))).join(' ')}`);
for (const [code, row] of [...codes].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1)))
  console.log(
    `${code.padEnd(width)} ${columns.map((c) => String(row.get(c) ?? 0).padStart(Math.max(c.length, 6))).join(' ')}`,
  );
process.exit(crashes > 0 ? 1 : 0);
