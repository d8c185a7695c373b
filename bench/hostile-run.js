/**
 * One hostile run in a fresh process: `node bench/hostile-run.js <lint|compile> <file>` runs the CLI
 * command in-process and prints its exit code, the diagnostic codes, the time of the run, the CPU time of
 * the process and its peak RSS.
 */
import { main } from '../dist/cli/main.js';

const [command, file] = process.argv.slice(2);
let printed = '';
const io = { stdout: (text) => void (printed += text), stderr: (text) => void (printed += text), color: false };
const start = process.hrtime.bigint();
const exit = await main([command, file], io);
const runMs = Number(process.hrtime.bigint() - start) / 1e6;
const codes = [...new Set([...printed.matchAll(/\[([a-z0-9-]+)\]\n/g)].map((m) => m[1]))];
// CPU time of the whole process (Node's start included): on a busy machine it stays near what the work costs.
const { user, system } = process.cpuUsage();
process.stdout.write(
  JSON.stringify({
    exit,
    codes,
    runMs,
    cpuMs: (user + system) / 1e3,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
