/**
 * `npm run bench`: compile a generated spec of 1,000 operations (as a REST API, and as an HTTP API) and
 * compare with swagger-parser validating the same file; then a spec of 3,000 operations with Lambda
 * placeholders, over CloudFormation's template limit (its Body beside the template, docs/large-specs.md). Each side runs in its own process (cold first run, then warm runs); the median warm time,
 * the cold time and the peak memory are reported.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { compile as compileSpec } from '../dist/index.js';
import { generateSpec } from './generate.js';

const OPERATIONS = 1000;
const RUNS = 7;
mkdirSync('.bench', { recursive: true });
const file = `.bench/spec-${OPERATIONS}.yaml`;
writeFileSync(file, generateSpec(OPERATIONS));
const httpFile = `.bench/spec-${OPERATIONS}-http.yaml`;
writeFileSync(httpFile, generateSpec(OPERATIONS, { http: true }));

function measure(mode, spec = file, runs = RUNS) {
  const out = execFileSync(process.execPath, ['bench/measure.js', mode, spec, String(runs)], { encoding: 'utf8' });
  const { times, cpuTimes, maxRssMb } = JSON.parse(out);
  return { cold: times[0], median: warmMedian(times), cpu: warmMedian(cpuTimes), maxRssMb };
}

function warmMedian(times) {
  const warm = times.slice(1).sort((a, b) => a - b);
  return warm[Math.floor(warm.length / 2)];
}

const compile = measure('compile');
const httpCompile = measure('compile', httpFile);
const parser = measure('swagger-parser');
const row = (name, m) =>
  `${name.padEnd(28)} cold ${m.cold.toFixed(0).padStart(5)} ms   warm median ${m.median.toFixed(0).padStart(5)} ms (CPU ${m.cpu.toFixed(0).padStart(5)} ms)   peak RSS ${m.maxRssMb.toFixed(0)} MB`;
console.log(`${OPERATIONS} operations (${file})`);
console.log(row('gateform compile', compile));
console.log(row('gateform compile (HTTP API)', httpCompile));
console.log(row('swagger-parser validate', parser));
console.log(
  `ratio HTTP API compile / REST compile: warm ${(httpCompile.median / compile.median).toFixed(2)}x, warm CPU ${(httpCompile.cpu / compile.cpu).toFixed(2)}x`,
);
console.log(
  `ratio compile / swagger-parser: cold ${(compile.cold / parser.cold).toFixed(2)}x, warm ${(compile.median / parser.median).toFixed(2)}x, warm CPU ${(compile.cpu / parser.cpu).toFixed(2)}x`,
);

// Over the template limit: 3,000 operations whose Lambda function is a `${ApiFunctionArn}` placeholder.
const LARGE = 3000;
const LARGE_RUNS = 3;
console.log(`\n${LARGE} operations with Lambda placeholders, compiled for eu-west-1 and one account`);
for (const http of [false, true]) {
  const spec = `.bench/spec-${LARGE}-placeholders${http ? '-http' : ''}.yaml`;
  writeFileSync(spec, generateSpec(LARGE, { http }));
  const m = measure('compile-large', spec, LARGE_RUNS);
  const result = await compileSpec(spec, {
    bodyFileStem: 'template',
    target: { region: 'eu-west-1', accountId: '123456789012' },
  });
  const size = (text) => `${Buffer.byteLength(text).toLocaleString('en')} bytes`;
  console.log(row(`gateform compile (${http ? 'HTTP' : 'REST'} API)`, m));
  console.log(
    `${''.padEnd(28)} template ${size(result.text)}, Body file ${size(result.body.text)} (${result.body.file}), ` +
      `${Object.keys(result.template.Resources).length} resources`,
  );
}
