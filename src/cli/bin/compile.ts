#!/usr/bin/env node
/** The `compile` bin: `npx compile openapi.yaml` is `gateform compile openapi.yaml`. */
import { runCompile } from '../compile.js';
import { processIo } from '../io.js';

process.exitCode = await runCompile(process.argv.slice(2), processIo);
