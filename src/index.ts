/** gateform's programmatic API. */
export { compile, type CompileOptions, type CompileResult } from './compile.js';
export { serializeTemplate, type OutputFormat } from './emit/serialize.js';
export type { DeployTarget } from './emit/literal-body.js';
export type { Diagnostic, Severity, Location, ResolvedDiagnostic } from './diagnostics/diagnostic.js';
export { resolveDiagnostics } from './diagnostics/resolve.js';
export { formatStylish } from './diagnostics/format/stylish.js';
export type { GatewayModel } from './model/ir.js';
export { lint, type LintResult } from './lint.js';
export { DEFAULT_CONFIG, loadConfig, type LintConfig } from './lint/config.js';
export { RULES } from './lint/rules/index.js';
export { formatJson } from './diagnostics/format/json.js';
export { formatSarif } from './diagnostics/format/sarif.js';
export { formatGithub } from './diagnostics/format/github.js';
