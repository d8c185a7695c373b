/**
 * Bundle the command line (dist/cli/bin/*.js, as tsc wrote them) into one module per bin and a chunk they
 * share, in place. Node 20 spends about 1 ms per ES module it loads, and a compile loads some 140 of
 * them: the bundle is what keeps `gateform compile` on a small spec near the cost of starting Node
 * (`npm run bench` prints the ratio). dist/index.js, the programmatic API, stays unbundled. Run by
 * `npm run build` (and before the tests).
 */
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const bin = fileURLToPath(new URL('../dist/cli/bin/', import.meta.url));

const bundle = await rolldown({
  input: { gateform: `${bin}gateform.js`, compile: `${bin}compile.js` },
  platform: 'node',
  // Dependencies stay in node_modules (swagger-parser, Handlebars and yaml load only when a spec needs them),
  // and package-files.js stays where it finds the package's root from.
  external: (id, importer) =>
    (!id.startsWith('.') && !id.startsWith('/')) || (importer !== undefined && id.endsWith('/package-files.js')),
});
// The bins import the rest of dist/; their bundled selves are written over them. Minified: Node decodes and
// parses every byte of the chunk on each start, and it is half the size so (741 → 382 KB, some 4 ms).
await bundle.write({ dir: bin, format: 'esm', chunkFileNames: 'shared.js', minify: true });
await bundle.close();
