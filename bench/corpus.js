/**
 * `npm run corpus`: lint and compile every document of ../shared/corpus (real specs from public
 * repositories; read in place, never copied here) and report what came out. Nothing may crash.
 * Skipped when the folder is absent.
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
const codes = new Map();
for (const file of files) {
  const start = performance.now();
  try {
    const linted = await lint(file, DEFAULT_CONFIG);
    const compiled = await compile(file);
    for (const d of linted.diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
    const errors = linted.diagnostics.filter((d) => d.severity === 'error').length;
    console.log(
      `${compiled.template ? 'compiles' : 'refused '} ${String(errors).padStart(3)} errors ${String(linted.diagnostics.length - errors).padStart(3)} other ${(performance.now() - start).toFixed(0).padStart(5)} ms  ${file}`,
    );
  } catch (error) {
    crashes += 1;
    console.log(`CRASH ${file}: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
console.log(`\n${files.length} documents, ${crashes} crashes. Findings by code:`);
for (const [code, count] of [...codes].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(count).padStart(5)}  ${code}`);
process.exit(crashes > 0 ? 1 : 0);
