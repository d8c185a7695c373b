/** One measurement in a fresh process: `node bench/measure.js <compile|compile-large|swagger-parser> <file> <runs>`. */
import SwaggerParser from '@apidevtools/swagger-parser';
import { compile } from '../dist/index.js';

const [mode, file, runs = '5'] = process.argv.slice(2);
const tasks = {
  compile: async () => {
    // The template as the CLI writes it: compile serializes it once (its size is checked on that text).
    const result = await compile(file);
    if (result.text === undefined) throw new Error('compile failed: ' + JSON.stringify(result.diagnostics.slice(0, 3)));
  },
  // A spec over CloudFormation's template limit: its Body beside the template, written for one Region and account.
  'compile-large': async () => {
    const result = await compile(file, {
      bodyFileStem: 'template',
      target: { region: 'eu-west-1', accountId: '123456789012' },
    });
    if (result.text === undefined || result.body === undefined)
      throw new Error('compile failed: ' + JSON.stringify(result.diagnostics.slice(0, 3)));
  },
  'swagger-parser': async () => {
    await SwaggerParser.validate(file);
  },
};
const task = tasks[mode];
const times = [];
// CPU time (user + system, all threads) beside the wall clock: on a busy machine it stays near what the work costs.
const cpuTimes = [];
for (let i = 0; i < Number(runs); i += 1) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await task();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1e3);
}
process.stdout.write(JSON.stringify({ times, cpuTimes, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
