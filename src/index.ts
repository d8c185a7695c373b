/** gateform's programmatic API. */
export { compile, type CompileOptions, type CompileResult } from './compile.js';
export { serializeTemplate, type OutputFormat } from './emit/serialize.js';
export type { Diagnostic, Severity, Location, ResolvedDiagnostic } from './diagnostics/diagnostic.js';
export { resolveDiagnostics } from './diagnostics/resolve.js';
export { formatStylish } from './diagnostics/format/stylish.js';
export type { GatewayModel } from './model/ir.js';
