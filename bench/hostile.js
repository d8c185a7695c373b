/**
 * `npm run bench` (third part): hostile specs of at most 1 KB, each of the kinds a spec from outside the
 * team may try (a `$ref` to a device, a FIFO, a secret outside the project or a huge file; a YAML alias
 * bomb; deep nesting; a glob that makes regular expressions backtrack), through `gateform lint` and
 * `gateform compile`, each in a fresh process (bench/hostile-run.js). Each must finish in under 2 s and
 * 200 MB: the time of the run and the CPU time of the whole process (Node's start included) under 2 s,
 * the peak RSS under 200 MB, or the script exits 1. The wall time of the process is shown too; on a
 * machine shared by many processes, most of it is waiting for a core.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT_MS = 2000;
const LIMIT_MB = 200;
const HEAD = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\n';
const ref = (target) => `${HEAD}paths:\n  /a:\n    $ref: '${target}'\n`;
const bomb = [
  'a0: &a0 [x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(',')}]`),
].join('\n');

/** Each case: its spec, and what else its folder holds. */
const CASES = {
  'ref-proc-environ': { spec: ref('/proc/self/environ') },
  'ref-outside-root': { spec: ref('../../../../../../etc/passwd') },
  'ref-dev-zero': { spec: ref('/dev/zero') },
  'ref-fifo': { spec: ref('./fifo.yaml'), setup: (dir) => execFileSync('mkfifo', [join(dir, 'fifo.yaml')]) },
  'ref-symlink-dev-zero': {
    spec: ref('./zero.yaml'),
    setup: (dir) => execFileSync('ln', ['-s', '/dev/zero', join(dir, 'zero.yaml')]),
  },
  'ref-sparse-8gb': {
    spec: ref('./big.yaml'),
    setup: (dir) => {
      writeFileSync(join(dir, 'big.yaml'), '');
      truncateSync(join(dir, 'big.yaml'), 8 * 1024 ** 3);
    },
  },
  'ref-remote': { spec: ref('http://169.254.169.254/latest/meta-data/') },
  'yaml-alias-bomb': { spec: `${HEAD}paths: {}\nx-bomb:\n${bomb.replace(/^/gm, '  ')}\n` },
  'yaml-merge-bomb': {
    spec: `${HEAD}paths: {}\nx-m:\n  a: &a {${Array.from({ length: 40 }, (_, i) => `k${i}: 1`).join(', ')}}\n${Array.from(
      { length: 12 },
      (_, i) =>
        `  b${i}: &b${i} {<<: [${Array(6)
          .fill(i === 0 ? '*a' : `*b${i - 1}`)
          .join(', ')}]}`,
    ).join('\n')}\n`,
  },
  'yaml-alias-cycle': { spec: `${HEAD}paths: {}\nx-a: &a [*a, *a]\n` },
  'nesting-yaml': { spec: `${HEAD}paths: {}\nx-a: ${'['.repeat(470)}${']'.repeat(470)}\n` },
  'nesting-json': {
    file: 'openapi.json',
    spec: `{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{},"x":${'['.repeat(460)}${']'.repeat(460)}}`,
  },
  'invalid-utf8': { spec: `${HEAD}paths: {}\nx-a: "\udcff"\n`, bytes: true },
  'ignore-glob-backtracking': {
    file: `${'a'.repeat(60)}.yaml`,
    spec: `${HEAD}paths:\n  /a/{id}:\n    get:\n      x-amazon-apigateway-integration: { type: mock, responses: { default: { statusCode: "200" } } }\n      responses: { "200": { description: ok } }\n`,
    setup: (dir) =>
      writeFileSync(
        join(dir, 'gateform.config.yaml'),
        `ignore:\n  - file: "${'*a'.repeat(30)}b"\n    reason: a glob that backtracks\n`,
      ),
  },
};

const root = '.bench/hostile';
rmSync(root, { recursive: true, force: true });
const rows = [];
let over = false;
for (const [name, { spec, file = 'openapi.yaml', setup, bytes }] of Object.entries(CASES)) {
  const dir = join(root, name, 'project');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{}');
  // `bytes`: the spec's lone surrogates stand for invalid UTF-8 bytes (0xff).
  const data = bytes ? Buffer.from(spec.replace(/\udcff/g, '\u00ff'), 'latin1') : Buffer.from(spec);
  if (data.length > 1024) throw new Error(`${name}: the spec is ${data.length} bytes, over 1 KB`);
  writeFileSync(join(dir, file), data);
  setup?.(dir);
  for (const command of ['lint', 'compile']) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['bench/hostile-run.js', command, join(dir, file)], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const measured = result.status === 0 ? JSON.parse(result.stdout) : undefined;
    const ok =
      measured !== undefined && measured.runMs < LIMIT_MS && measured.cpuMs < LIMIT_MS && measured.maxRssMb < LIMIT_MB;
    over ||= !ok;
    rows.push(
      `${`${name} (${data.length} B)`.padEnd(34)} ${command.padEnd(8)} ${measured ? `exit ${measured.exit}   run ${measured.runMs.toFixed(0).padStart(4)} ms   process CPU ${measured.cpuMs.toFixed(0).padStart(4)} ms, wall ${wall.toFixed(0).padStart(5)} ms   peak RSS ${measured.maxRssMb.toFixed(0).padStart(4)} MB   ${measured.codes.join(', ')}` : `FAILED (${result.signal ?? `exit ${result.status}`}) ${result.stderr.slice(0, 200)}`}${ok ? '' : '   OVER'}`,
    );
  }
}
console.log(`Hostile specs (limits: ${LIMIT_MS} ms, ${LIMIT_MB} MB each)`);
for (const row of rows) console.log(row);
process.exitCode = over ? 1 : 0;
