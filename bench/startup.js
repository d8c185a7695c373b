/**
 * `npm run bench` (startup): compile the README's example (examples/pets) with the CLI, against starting
 * Node itself (`node -e 0`), in interleaved cold processes, so that the machine's load weighs on both
 * alike. The ratio of the medians is what an editor, a hook or a CI loop waits for beyond Node itself.
 */
import { spawnSync } from 'node:child_process';

const RUNS = 21;
const SPEC = 'examples/pets/openapi.yaml';
const commands = {
  node: ['-e', '0'],
  compile: ['dist/cli/bin/gateform.js', 'compile', SPEC],
};

function run(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

const times = { node: [], compile: [] };
// One unmeasured round warms the file cache; then each round runs both, in alternating order.
for (const args of Object.values(commands)) run(args);
for (let i = 0; i < RUNS; i += 1) {
  const order = i % 2 === 0 ? ['node', 'compile'] : ['compile', 'node'];
  for (const name of order) times[name].push(run(commands[name]));
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const node = median(times.node);
const compile = median(times.compile);
console.log(`startup: ${SPEC}, median of ${RUNS} interleaved cold runs`);
console.log(`  node -e 0                     ${node.toFixed(0).padStart(5)} ms`);
console.log(`  gateform compile (small spec) ${compile.toFixed(0).padStart(5)} ms`);
console.log(`startup ratio compile / node -e 0: ${(compile / node).toFixed(2)}x (goal: at most 2.5x)`);
