/** One measurement in a fresh process: `node bench/measure.js <compile|swagger-parser> <file> <runs>`. */
import SwaggerParser from '@apidevtools/swagger-parser';
import { compile, serializeTemplate } from '../dist/index.js';

const [mode, file, runs = '5'] = process.argv.slice(2);
const tasks = {
  compile: async () => {
    const result = await compile(file);
    if (!result.template) throw new Error('compile failed: ' + JSON.stringify(result.diagnostics.slice(0, 3)));
    serializeTemplate(result.template, 'yaml');
  },
  'swagger-parser': async () => {
    await SwaggerParser.validate(file);
  },
};
const task = tasks[mode];
const times = [];
for (let i = 0; i < Number(runs); i += 1) {
  const start = process.hrtime.bigint();
  await task();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
process.stdout.write(JSON.stringify({ times, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
