/**
 * `npm run bench` (second part): gateform lint against @redocly/cli lint and @stoplight/spectral-cli
 * lint on the same generated specs of 2,000 operations (one with x-gateway, one with the raw
 * x-amazon-apigateway-* extensions), each as the CLI a CI job runs (cold process), median of a few runs
 * with the tools run in turn (a shared machine's load then weighs on each alike),
 * as ratios.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateSpec } from './generate.js';

const OPERATIONS = 2000;
const RUNS = 3;
mkdirSync('.bench', { recursive: true });

const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
const tools = (file) => [
  ['gateform lint', process.execPath, ['dist/cli/bin/gateform.js', 'lint', file, '--format', 'json']],
  ['redocly lint', 'node_modules/.bin/redocly', ['lint', file, '--format', 'json']],
  [
    'spectral lint',
    'node_modules/.bin/spectral',
    ['lint', file, '--ruleset', 'bench/spectral.yaml', '--format', 'json', '--quiet'],
  ],
];

function once(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(times) {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Median times of `commands`, run in turn (one of each per round), so that a shared machine's load weighs on all alike. */
function timeEach(commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < RUNS; i += 1)
    commands.forEach(([command, args], j) => {
      times[j].push(once(command, args));
    });
  return times.map(median);
}

function time(command, args) {
  return timeEach([[command, args]])[0];
}

for (const [flavour, raw] of [
  ['x-gateway', false],
  ['raw extensions', true],
]) {
  const file = `.bench/spec-${OPERATIONS}${raw ? '-raw' : ''}.yaml`;
  writeFileSync(file, generateSpec(OPERATIONS, { raw }));
  const measured = timeEach(tools(file).map(([, command, args]) => [command, args]));
  const results = tools(file).map(([name], i) => [name, measured[i]]);
  const ours = results[0][1];
  console.log(
    `lint, ${OPERATIONS} operations with ${flavour} (${file}), median of ${RUNS} cold runs, the tools in turn`,
  );
  for (const [name, ms] of results)
    console.log(
      `${name.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms   ${name === 'gateform lint' ? '' : `gateform is ${(ms / ours).toFixed(2)}x faster`}`,
    );
}

// Lint time must grow linearly with the operations of a raw spec (it was once quadratic): the same cold
// CLI run at 2,000 and at 8,000 operations, whose ratio should stay near 4.
const scaling = [OPERATIONS, OPERATIONS * 4].map((n) => {
  const file = `.bench/spec-${n}-raw.yaml`;
  writeFileSync(file, generateSpec(n, { raw: true }));
  return time(process.execPath, ['dist/cli/bin/gateform.js', 'lint', file, '--format', 'json']);
});
const ratio = scaling[1] / scaling[0];
console.log(
  `lint scaling, raw extensions: ${OPERATIONS} ops ${scaling[0].toFixed(0)} ms, ${OPERATIONS * 4} ops ${scaling[1].toFixed(0)} ms: ${ratio.toFixed(2)}x for 4x the operations${ratio > 6 ? ' (worse than linear!)' : ''}`,
);
if (ratio > 6) process.exitCode = 1;
