/** Lint one spec: load it, build the model when it has x-gateway, run the rules (DESIGN.md principle 1). */
import type { Diagnostic, Location } from './diagnostics/diagnostic.js';
import { applyConfig, type LintConfig } from './lint/config.js';
import { lintDocument } from './lint/engine.js';
import { loadDocument } from './load/load-document.js';
import { type ReadOptions, readPolicy } from './load/read-policy.js';
import type { SourceFile } from './load/source-file.js';
import { buildModel, usesXGateway } from './model/build-model.js';

export interface LintResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Findings an `ignore` entry of the config covers, each with its reason. */
  readonly suppressed: readonly Diagnostic[];
  readonly files: ReadonlyMap<string, SourceFile>;
}

/** `read` (the command line's) goes over the config's `refs`. */
export async function lint(path: string, config: LintConfig, read: ReadOptions = {}): Promise<LintResult> {
  const {
    loaded,
    diagnostics: loadDiagnostics,
    files,
  } = await loadDocument(path, readPolicy(path, { ...config.read, ...read }), { swagger2: true });
  const gateway = loaded !== undefined && usesXGateway(loaded.document);
  // x-gateway is compiled from OpenAPI 3 only: in a Swagger 2.0 document it is reported, not read.
  const built = gateway && !loaded.swagger ? buildModel(loaded, { trustReferences: true }) : undefined;
  const suppressed: Diagnostic[] = [];
  const diagnostics = applyConfig(
    [
      ...loadDiagnostics,
      ...(gateway && loaded.swagger ? [swaggerGateway(loaded.locate('/x-gateway'))] : []),
      ...(built?.diagnostics ?? []),
      ...(built?.spellings ?? []),
    ],
    config,
    false,
    suppressed,
  );
  if (loaded) diagnostics.push(...lintDocument(loaded, built?.model, config, undefined, suppressed));
  return { diagnostics, suppressed, files };
}

function swaggerGateway(location: Location): Diagnostic {
  return {
    code: 'unsupported-openapi-version',
    severity: 'error',
    message: '`x-gateway` is compiled from OpenAPI 3 documents only; in this Swagger 2.0 document it is not checked.',
    location,
    hint: 'Convert the document to OpenAPI 3 first, e.g. `npx swagger2openapi spec.yaml -o openapi.yaml`.',
  };
}
