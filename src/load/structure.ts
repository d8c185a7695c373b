/**
 * OpenAPI structural validation with swagger-parser (the official 2.0 / 3.0 / 3.1 JSON Schemas), its ajv errors
 * turned into diagnostics at the offending node.
 */
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { splitPointer, valueAtPointer } from '../diagnostics/diagnostic.js';
import { schemaProblem } from '../diagnostics/schema-problem.js';
import { isIntrinsic } from '../model/aws-value.js';
import { requirePackageFile } from '../package-files.js';

interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/**
 * The Swagger 2.0, OpenAPI 3.0 and 3.1 JSON Schemas that swagger-parser validates with, compiled ahead of time by
 * scripts/compile-schemas.js (same schemas, same ajv options). Calling `SwaggerParser.validate` instead
 * would compile them anew and dereference the whole document first, neither of which is needed: the
 * schemas accept Reference Objects where they stand.
 */
const validators: Record<'2.0' | '3.0' | '3.1', () => Validator> = {
  '2.0': () => requirePackageFile('./generated/openapi-2.0.cjs') as Validator,
  '3.0': () => requirePackageFile('./generated/openapi-3.0.cjs') as Validator,
  '3.1': () => requirePackageFile('./generated/openapi-3.1.cjs') as Validator,
};

/** At most this many structure errors are reported; the rest are usually echoes of the first. */
const MAX_REPORTED = 20;

export function structureDiagnostics(
  document: Record<string, unknown>,
  version: '2.0' | '3.0' | '3.1',
  locate: (pointer: string) => Location,
): Diagnostic[] {
  const validate = validators[version]();
  if (validate(withoutIntrinsics(document))) return [];
  const diagnostics: Diagnostic[] = [];
  const headers = new Set<string>();
  const parameters = new Set<string>();
  for (const e of mostSpecific(validate.errors ?? []).slice(0, MAX_REPORTED)) {
    // A Swagger 2.0 parameter with an OpenAPI 3 `schema` fails every parameter kind: one finding says it.
    const parameter = version === '2.0' ? openApi3Parameter(document, e.instancePath) : undefined;
    if (parameter !== undefined) {
      if (!parameters.has(parameter)) diagnostics.push(openApi3ParameterDiagnostic(document, parameter, locate));
      parameters.add(parameter);
      continue;
    }
    // A Swagger 2.0 header fails twice (an unknown `type`, no `schema`): one finding says both.
    if (version !== '2.0' && isSwagger2Header(document, e.instancePath)) {
      if (!headers.has(e.instancePath)) diagnostics.push(swagger2Header(document, e.instancePath, locate));
      headers.add(e.instancePath);
      continue;
    }
    const accepted = acceptedBy(e);
    diagnostics.push({
      ...(accepted ?? { code: 'openapi-structure', severity: 'error' }),
      message: describe(e, document),
      location: locate(e.instancePath),
      hint: accepted
        ? `API Gateway's import accepts this, but OpenAPI tools (validators, generators, docs) may not. See docs/rules/${accepted.code}.md.`
        : `See the ${version === '2.0' ? 'Swagger 2.0' : 'OpenAPI'} specification for this object; the document must be valid before it is compiled.`,
    });
  }
  return diagnostics;
}

/**
 * OpenAPI-validity points that API Gateway's import accepts: their own codes, at warning level, each with
 * a page saying why (docs/rules/). Anything else is `openapi-structure`, an error.
 */
function acceptedBy(e: AjvError): Pick<Diagnostic, 'code' | 'severity'> | undefined {
  if (
    (e.keyword === 'minProperties' && /\/responses$/.test(e.instancePath)) ||
    (e.keyword === 'required' && e.params['missingProperty'] === 'responses')
  )
    return { code: 'openapi-responses-empty', severity: 'warning' };
  if (
    (e.instancePath === '/info' && e.keyword === 'required') ||
    ((e.instancePath === '/info/version' || e.instancePath === '/info/title') && e.keyword === 'type')
  )
    return { code: 'openapi-info-incomplete', severity: 'warning' };
  return undefined;
}

/** A response header written as in Swagger 2.0: `type` (and maybe `format`) where OpenAPI 3 wants `schema`. */
function isSwagger2Header(document: Record<string, unknown>, pointer: string): boolean {
  if (!/\/responses\/[^/]+\/headers\/[^/]+$/.test(pointer)) return false;
  return writtenWith(valueAtPointer(document, pointer), 'type', ['schema', 'content']);
}

/** An object that has `key` and none of `without`: the form of the other OpenAPI version. */
function writtenWith(node: unknown, key: string, without: readonly string[]): node is Record<string, unknown> {
  return (
    node !== null &&
    typeof node === 'object' &&
    Object.hasOwn(node, key) &&
    !without.some((other) => Object.hasOwn(node, other))
  );
}

function swagger2Header(
  document: Record<string, unknown>,
  pointer: string,
  locate: (pointer: string) => Location,
): Diagnostic {
  const header = valueAtPointer(document, pointer) as Record<string, unknown>;
  const name = nodeName(pointer);
  const schema = Object.fromEntries(
    ['type', 'format', 'items', 'enum'].filter((k) => k in header).map((k) => [k, header[k]]),
  );
  return {
    code: 'openapi-header-swagger2',
    severity: 'warning',
    message: `The response header \`${name}\` is written as in Swagger 2.0 (\`type\` on the header); OpenAPI 3 puts it in a \`schema\`.`,
    location: locate(pointer),
    hint:
      `Write \`${name}: { schema: ${JSON.stringify(schema)} }\`. API Gateway's import reads the header's name ` +
      'either way. See docs/rules/openapi-header-swagger2.md.',
  };
}

/**
 * The pointer of the Swagger 2.0 parameter at or above `pointer` when it is written as in OpenAPI 3: a
 * `schema` on a parameter that is not `in: body`, and no `type`.
 */
function openApi3Parameter(document: Record<string, unknown>, pointer: string): string | undefined {
  for (const at of [pointer, pointer.slice(0, pointer.lastIndexOf('/'))]) {
    if (!/\/parameters\/[^/]+$/.test(at)) continue;
    const parameter = valueAtPointer(document, at);
    if (writtenWith(parameter, 'schema', ['type']) && parameter['in'] !== 'body') return at;
  }
  return undefined;
}

function openApi3ParameterDiagnostic(
  document: Record<string, unknown>,
  pointer: string,
  locate: (pointer: string) => Location,
): Diagnostic {
  const parameter = valueAtPointer(document, pointer) as Record<string, unknown>;
  const schema = parameter['schema'] as Record<string, unknown> | null;
  const type =
    schema !== null && typeof schema === 'object' && typeof schema['type'] === 'string' ? schema['type'] : 'string';
  return {
    code: 'openapi-parameter-oas3',
    severity: 'warning',
    message:
      `The parameter \`${String(parameter['name'])}\` is written as in OpenAPI 3 (\`schema\`); ` +
      `Swagger 2.0 puts its type on the parameter.`,
    location: locate(pointer),
    hint:
      `Write \`type: ${type}\` in place of \`schema\`. API Gateway's import reads the parameter's name, ` +
      'location and `required` either way. See docs/rules/openapi-parameter-oas3.md.',
  };
}

/**
 * ajv reports every branch of a failed `oneOf`/`anyOf` and the combinator itself. Keep the errors that no
 * other error explains more precisely: the deepest ones, one per place and keyword.
 */
function mostSpecific(errors: readonly AjvError[]): AjvError[] {
  const combinators = new Set(['oneOf', 'anyOf', 'if', 'not', 'then', 'else', 'allOf']);
  const kept = errors.filter(
    (e) =>
      !combinators.has(e.keyword) ||
      !errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && !combinators.has(o.keyword)),
  );
  // Of errors at the same place, prefer "unknown property" over the ambiguous "required" of other branches.
  const byPlace = new Map<string, AjvError>();
  for (const e of kept) {
    const key = `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
    if (!byPlace.has(key)) byPlace.set(key, e);
  }
  const deduped = mergeRequiredAlternatives(mergeAlternatives(withoutReferenceBranch([...byPlace.values()])));
  const deepest = deduped.filter(
    (e) =>
      !deduped.some(
        (o) => o.instancePath.length > e.instancePath.length && o.instancePath.startsWith(e.instancePath + '/'),
      ),
  );
  return deepest.sort((a, b) => (a.instancePath < b.instancePath ? -1 : a.instancePath > b.instancePath ? 1 : 0));
}

/**
 * Most objects may also be a Reference Object, so a malformed one also fails "missing `$ref`": that
 * branch is never what was meant when the node says anything else is wrong.
 */
function withoutReferenceBranch(errors: readonly AjvError[]): AjvError[] {
  const isRefBranch = (e: AjvError): boolean => e.keyword === 'required' && e.params['missingProperty'] === '$ref';
  return errors.filter(
    (e) =>
      !isRefBranch(e) ||
      !errors.some(
        (o) =>
          o !== e &&
          !isRefBranch(o) &&
          o.keyword !== 'oneOf' &&
          o.keyword !== 'anyOf' &&
          (o.instancePath === e.instancePath || o.instancePath.startsWith(e.instancePath + '/')),
      ),
  );
}

/**
 * "Missing `schema`" and "missing `content`" from two branches of one `oneOf`/`anyOf` mean "needs one of
 * them": one error listing them (missing properties of the same `required` stay separate errors).
 */
function mergeRequiredAlternatives(errors: readonly AjvError[]): AjvError[] {
  const merged = new Map<string, AjvError>();
  const out: AjvError[] = [];
  for (const e of errors) {
    const branch = /^(.*\/(?:oneOf|anyOf))\/\d+\/required$/.exec(e.schemaPath);
    if (e.keyword !== 'required' || !branch) {
      out.push(e);
      continue;
    }
    const key = `${e.instancePath} ${branch[1]}`;
    const previous = merged.get(key);
    if (previous) {
      (previous.params['missingProperties'] as unknown[]).push(e.params['missingProperty']);
    } else {
      const combined: AjvError = { ...e, params: { missingProperties: [e.params['missingProperty']] } };
      merged.set(key, combined);
      out.push(combined);
    }
  }
  return out;
}

/** The branches of a `oneOf` each say "must be X"; one error listing every allowed value says it better. */
function mergeAlternatives(errors: readonly AjvError[]): AjvError[] {
  const merged = new Map<string, AjvError>();
  const out: AjvError[] = [];
  for (const e of errors) {
    if (e.keyword !== 'enum' && e.keyword !== 'const') {
      out.push(e);
      continue;
    }
    const values = e.keyword === 'enum' ? (e.params['allowedValues'] as unknown[]) : [e.params['allowedValue']];
    const previous = merged.get(e.instancePath);
    if (previous) {
      (previous.params['allowedValues'] as unknown[]).push(...values);
    } else {
      const combined: AjvError = { ...e, keyword: 'enum', params: { allowedValues: [...values] } };
      merged.set(e.instancePath, combined);
      out.push(combined);
    }
  }
  return out;
}

/**
 * CloudFormation intrinsics may stand for any value of the Body (`title: !Ref AppName`); CloudFormation
 * resolves them before API Gateway reads the document. Validate with each one read as a string.
 */
function withoutIntrinsics(node: unknown): unknown {
  return hasIntrinsic(node) ? replaceIntrinsics(node) : node;
}

function hasIntrinsic(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasIntrinsic);
  if (node === null || typeof node !== 'object') return false;
  return isIntrinsic(node) || Object.values(node).some(hasIntrinsic);
}

function replaceIntrinsics(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(replaceIntrinsics);
  if (node === null || typeof node !== 'object') return node;
  if (isIntrinsic(node)) return 'intrinsic';
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, replaceIntrinsics(value)]));
}

function describe(e: AjvError, document: Record<string, unknown>): string {
  const where = e.instancePath === '' ? 'The document' : `\`${nodeName(e.instancePath)}\``;
  switch (e.keyword) {
    case 'additionalProperties':
      return `Unknown property \`${String(e.params['additionalProperty'])}\` in ${where === 'The document' ? 'the document root' : where}.`;
    case 'required': {
      const missing = (e.params['missingProperties'] as unknown[] | undefined) ?? [e.params['missingProperty']];
      if (missing.length === 1) return `${where} is missing the required property \`${String(missing[0])}\`.`;
      return `${where} needs one of the properties ${missing.map((m) => `\`${String(m)}\``).join(', ')}.`;
    }
    case 'type': {
      const value = valueAtPointer(document, e.instancePath);
      const read =
        typeof value === 'number' || typeof value === 'boolean'
          ? ` (it was read as the ${typeof value} ${String(value)}; quote it to make it a string)`
          : '';
      return `${where} must be of type ${String(e.params['type'])}${e.params['type'] === 'string' ? read : ''}.`;
    }
    case 'enum':
      return `${where} must be one of: ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    default:
      return `${where} ${schemaProblem(e.keyword, e.params)}.`;
  }
}

/** `/servers/0` → `servers[0]`; `/paths/~1pets/get` → `get`. */
function nodeName(pointer: string): string {
  const tokens = splitPointer(pointer);
  const last = tokens[tokens.length - 1]!;
  return /^\d+$/.test(last) && tokens.length > 1 ? `${tokens[tokens.length - 2]}[${last}]` : last;
}
