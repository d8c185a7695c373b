/**
 * The files shipped beside the code (package.json, generated/), read relative to the package's root. This
 * module sits one folder under the root in src/ and in dist/ alike, and the CLI bundle keeps it a separate
 * module (scripts/bundle-cli.js), so the path holds wherever the code that asks for a file ends up.
 */
import { createRequire } from 'node:module';

/** `require` from the package's root: `requirePackageFile('./generated/x-gateway.cjs')`. */
export const requirePackageFile = createRequire(new URL('../package.json', import.meta.url));
