/**
 * `npm run bench`: compile a generated spec of 1,000 operations (as a REST API, and as an HTTP API) and
 * compare with swagger-parser validating the same file. Each side runs in its own process (cold first run, then warm runs); the median warm time,
 * the cold time and the peak memory are reported.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateSpec } from './generate.js';

const OPERATIONS = 1000;
const RUNS = 7;
mkdirSync('.bench', { recursive: true });
const file = `.bench/spec-${OPERATIONS}.yaml`;
writeFileSync(file, generateSpec(OPERATIONS));
const httpFile = `.bench/spec-${OPERATIONS}-http.yaml`;
writeFileSync(httpFile, generateSpec(OPERATIONS, { http: true }));

function measure(mode, spec = file) {
  const out = execFileSync(process.execPath, ['bench/measure.js', mode, spec, String(RUNS)], { encoding: 'utf8' });
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
