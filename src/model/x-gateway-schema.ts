/**
 * Checks `x-gateway` blocks against schemas/x-gateway.schema.json, first (STYLE.md 6): after this, code
 * trusts their shape. Errors land on the offending key, with a "did you mean" for misspelt keys.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { childPointer } from '../diagnostics/diagnostic.js';
import { schemaProblem } from '../diagnostics/schema-problem.js';
import { compareCodeUnits } from './order.js';
import { requirePackageFile } from '../package-files.js';
import {
  type KeyRewrite,
  closest,
  listed,
  rawIntegrationKeys,
  rawIntegrationRewrite,
  rewriteKey,
  rewriteValue,
} from './rewrites.js';
import { ambiguousParams, readAwsSpellings } from './spellings.js';

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Compiled ahead of time by scripts/compile-schemas.js (with `verbose`, so errors carry their schema). */
let validators: Record<BlockKind, Validator> | undefined;

function compiled(): Record<BlockKind, Validator> {
  validators ??= requirePackageFile('./generated/x-gateway.cjs') as Record<BlockKind, Validator>;
  return validators;
}

export type BlockKind = 'root' | 'operation';

/** What checking one block says: its errors, and the AWS spellings it was read with (for `lint` to suggest the short forms). */
export interface BlockCheck {
  readonly diagnostics: Diagnostic[];
  readonly spellings: Diagnostic[];
  /**
   * Whether the block can be read despite its errors: they were all unknown keys, which are removed from
   * it (nothing reads them), and what is left is valid.
   */
  readonly readable: boolean;
  /**
   * Where the block is still wrong once its unknown keys are removed (pointers from the block's own): the
   * parts nothing can read. Empty when the block is readable.
   */
  readonly broken: readonly string[];
  /** Where a misspelt key, or AWS's name of one, was read as the key it means (pointers from the block's own). */
  readonly renamed: readonly string[];
}

/**
 * Read an unknown key as what it was meant to be, so that the rest of the block is checked as meant: a
 * misspelt key or AWS's name of a key of the same object is renamed to it (unless that key is written
 * too); any other unknown key is removed, as nothing reads it.
 */
function repair(error: ErrorObject, kind: BlockKind): string | undefined {
  const object = error.data as Record<string, unknown>;
  const key = String(error.params['additionalProperty']);
  const known = knownKeys(error);
  const rewrite = rewriteKey(key, object[key], known, kind === 'root' && error.instancePath === '');
  const sibling = rewrite?.kind === 'sibling' && !rewrite.short.includes('.') ? rewrite : undefined;
  const to = closest(key, known) ?? sibling?.short;
  const value = object[key];
  delete object[key];
  if (to === undefined || to in object) return undefined;
  object[to] = sibling?.value !== undefined && to === 'header' ? sibling.value : value;
  return childPointer(error.instancePath, to);
}

/**
 * Validate one block written at `pointer`; `locate` maps document pointers to file locations. AWS's
 * spellings of values are first rewritten, in the block, to the short forms they mean (model/spellings.ts).
 */
export function checkXGateway(
  block: unknown,
  kind: BlockKind,
  pointer: string,
  locate: (pointer: string, part?: 'value') => Location,
): BlockCheck {
  const validate = compiled()[kind];
  const errorsOf = (value: unknown): readonly ErrorObject[] => (validate(value) ? [] : (validate.errors ?? []));
  const read = readAwsSpellings(block, errorsOf);
  const spellings = read.spellings.map(
    ({ pointer: at, written, short }): Diagnostic => ({
      code: 'aws-spelling',
      severity: 'info',
      message: `\`${written}\` is read as \`${short}\`.`,
      location: locate(pointer + at, 'value'),
      hint: `Write \`${short}\`: the short form says the same, and compiles to the same template.`,
    }),
  );
  const errors = relevant(read.errors);
  const diagnostics = toDiagnostics(errors, pointer, kind, locate);
  if (errors.length === 0) return { diagnostics, spellings, readable: true, broken: [], renamed: [] };
  const unknown = errors.filter((e) => e.keyword === 'additionalProperties');
  const renamed = unknown.flatMap((error) => repair(error, kind) ?? []);
  // Keys of a raw integration leave an integration that names no kind: it cannot be read.
  const raw = rawIntegrationPaths(unknown);
  const broken = [...new Set([...raw, ...errorsOf(block).map((e) => e.instancePath)])].sort(compareCodeUnits);
  return { diagnostics, spellings, readable: broken.length === 0, broken, renamed };
}

/** Where `integration` holds the fields of a raw x-amazon-apigateway-integration, by its unknown keys' errors. */
function rawIntegrationPaths(unknown: readonly ErrorObject[]): string[] {
  const keysAt = new Map<string, string[]>();
  for (const error of unknown)
    keysAt.set(error.instancePath, [
      ...(keysAt.get(error.instancePath) ?? []),
      String(error.params['additionalProperty']),
    ]);
  return [...keysAt].filter(([at, keys]) => isRawIntegration(at, keys)).map(([at]) => at);
}

function isRawIntegration(at: string, keys: readonly string[]): boolean {
  return lastToken(at) === 'integration' && keys.some((k) => k === 'type' || k === 'uri') && rawIntegrationKeys(keys);
}

/**
 * Keep the errors that say what is wrong most precisely. A failed `anyOf` reports every branch: when one
 * branch got further (its errors lie deeper in the value), only that branch's errors stay; otherwise
 * the errors of the branch whose type the value has, or the `anyOf` error alone, stand for all of them. `if` only says that a `then` failed, whose own errors
 * say how.
 */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  // Branches may sit behind a $ref, so they are told apart by where in the value they failed.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const deeper = (path: string): boolean => errors.some((e) => e.instancePath.startsWith(path + '/'));
  return (
    errors
      // `propertyNames` only says that a name failed; the name's own error says which and why.
      .filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames')
      .filter((e) => {
        if (!anyOfPaths.has(e.instancePath)) return true;
        // At a failed anyOf: the deeper branch's errors if one got further; else those of the branch of the
        // value's type (a number below its minimum, not "not a placeholder string"); else the anyOf error alone.
        if (deeper(e.instancePath)) return false;
        const resource = errors.some(
          (o) => o.instancePath === e.instancePath && o.keyword === 'anyOf' && o.schemaPath.endsWith('awsValue/anyOf'),
        );
        const typed =
          !resource &&
          errors.some((o) => o.instancePath === e.instancePath && o.keyword !== 'anyOf' && o.keyword !== 'type');
        if (typed) return e.keyword !== 'anyOf' && e.keyword !== 'type';
        // Of nested anyOfs (`lambda`: an AWS value, itself an anyOf, or options), the AWS value's says what is wrong.
        return e.keyword === 'anyOf' && (!resource || e.schemaPath.endsWith('awsValue/anyOf'));
      })
      // A branch's error is described by the key it stands for (the branch has no description of its own);
      // the AWS value's anyOf inside another, by the outer one (which names the other forms).
      .map((e) => {
        const anyOf = errors.find(
          (o) =>
            o.instancePath === e.instancePath &&
            o.keyword === 'anyOf' &&
            o !== e &&
            (e.keyword !== 'anyOf' || !o.schemaPath.endsWith('awsValue/anyOf')),
        );
        if (!anyOf) return e;
        const description = (anyOf.parentSchema as { description?: unknown } | undefined)?.description;
        return { ...e, parentSchema: { ...(e.parentSchema as object), description } };
      })
      .sort((a, b) => compareCodeUnits(a.instancePath, b.instancePath))
  );
}

/**
 * The diagnostics of the errors `relevant` kept, one per mistake: AWS's names for the keys of one object
 * (`rateLimit`, `burstLimit`), or the fields of a raw integration written as x-gateway's, are one mistake,
 * which also stands for the keys the object then lacks (`rate`, `burst`).
 */
function toDiagnostics(
  errors: readonly ErrorObject[],
  base: string,
  kind: BlockKind,
  locate: (pointer: string, part?: 'value') => Location,
): Diagnostic[] {
  const unknown = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const list = unknown.get(error.instancePath) ?? [];
    unknown.set(error.instancePath, [...list, error]);
  }
  const out: Diagnostic[] = [];
  const covered = new Set<ErrorObject>();
  /** Keys a grouped mistake stands for, at each object: their `required` errors are that mistake's. */
  const supplied = new Map<string, Set<string>>();
  for (const [at, group] of unknown) {
    const keys = group.map((e) => String(e.params['additionalProperty']));
    const object = group[0]!.data as Record<string, unknown>;
    const known = knownKeys(group[0]!);
    if (isRawIntegration(at, keys)) {
      out.push(rawIntegration(keys, object, base + at, locate));
      for (const e of group) covered.add(e);
      continue;
    }
    const rewrites = group.flatMap((e) => {
      const key = String(e.params['additionalProperty']);
      const rewrite = rewriteKey(key, object[key], known, kind === 'root' && at === '');
      return rewrite?.kind === 'sibling' ? [{ error: e, rewrite }] : [];
    });
    if (rewrites.length === 0) continue;
    out.push(
      awsNames(
        rewrites.map((r) => r.rewrite),
        base + at,
        locate,
      ),
    );
    for (const { error } of rewrites) covered.add(error);
    supplied.set(at, new Set(rewrites.map((r) => r.rewrite.short.split('.')[0]!)));
  }
  for (const error of errors) {
    if (covered.has(error)) continue;
    if (error.keyword === 'required' && supplied.get(error.instancePath)?.has(String(error.params['missingProperty'])))
      continue;
    out.push(toDiagnostic(error, base, kind, locate));
  }
  return out.sort((a, b) => compareCodeUnits(a.location?.pointer ?? '', b.location?.pointer ?? ''));
}

/** The keys the object of an `additionalProperties` error takes. */
function knownKeys(error: ErrorObject): string[] {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(parent?.properties ?? {});
}

/** AWS's names for keys of one object: one diagnostic, at the first, with each rewrite. */
function awsNames(
  rewrites: readonly Extract<KeyRewrite, { kind: 'sibling' }>[],
  at: string,
  locate: (pointer: string, part?: 'value') => Location,
): Diagnostic {
  const names = rewrites.map((r) => `\`${r.key}\``);
  const shorts = rewrites.map((r) => `\`${r.short}\``);
  const writes = rewrites.map((r) => `\`${written(r.short, r.value)}\``);
  const name = keyName(at.slice(at.indexOf('/x-gateway') + '/x-gateway'.length));
  const one = rewrites.length === 1;
  const where = name === undefined ? 'x-gateway' : `\`${name}\``;
  return {
    code: 'unknown-x-gateway-key',
    severity: 'error',
    message: `${listed(names, 'and')} ${one ? "is AWS's name" : "are AWS's names"} for ${listed(shorts, 'and')} in ${where}.`,
    location: locate(childPointer(at, rewrites[0]!.key)),
    hint: `Write ${listed(writes, 'and')}.`,
  };
}

/** A key's rewrite as written: `rate`, `header: Authorization`, `apiKeys: { source: HEADER }`. */
function written(short: string, value: string | undefined): string {
  const parts = short.split('.');
  if (parts.length === 1) return value !== undefined ? `${short}: ${value}` : short;
  return `${parts.map((p, i) => (i === parts.length - 1 ? `${p}: ${value ?? '…'}` : `${p}: { `)).join('')}${' }'.repeat(parts.length - 1)}`;
}

const RAW_INTEGRATION = 'raw-integration';

/** A raw `x-amazon-apigateway-integration` written as x-gateway's `integration`. */
function rawIntegration(
  keys: readonly string[],
  object: Record<string, unknown>,
  at: string,
  locate: (pointer: string, part?: 'value') => Location,
): Diagnostic {
  const rewrite = rawIntegrationRewrite(object);
  return {
    code: 'unknown-x-gateway-key',
    messageId: RAW_INTEGRATION,
    severity: 'error',
    message: `\`integration\` holds the fields of a raw x-amazon-apigateway-integration (${keys.map((k) => `\`${k}\``).join(', ')}).`,
    location: locate(at),
    hint:
      (rewrite !== undefined
        ? `Write \`${rewrite}\`.`
        : 'Write the x-gateway form of the integration (`lambda`, `http`, `mock`, or an AWS service: `sqs`, ' +
          '`sns`, `dynamodb`, `s3`, `stepfunctions`, `eventbridge`, `kinesis`).') +
      " To keep the raw form, write it as the operation's `x-amazon-apigateway-integration` instead.",
  };
}

function toDiagnostic(
  error: ErrorObject,
  base: string,
  kind: BlockKind,
  locate: (pointer: string, part?: 'value') => Location,
): Diagnostic {
  const at = base + error.instancePath;
  const name = keyName(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params['additionalProperty']);
    const known = knownKeys(error);
    const guess = closest(key, known);
    const rewrite =
      guess === undefined ? rewriteKey(key, undefined, known, kind === 'root' && error.instancePath === '') : undefined;
    const where = name === undefined ? 'x-gateway' : `\`${name}\``;
    if (rewrite?.kind === 'elsewhere')
      return {
        code: 'unknown-x-gateway-key',
        severity: 'error',
        message: `Unknown key \`${key}\` in ${where}: it is \`${rewrite.place}\`.`,
        location: locate(childPointer(at, key)),
        hint: `Write \`${written(rewrite.place, undefined)}\` in the root x-gateway block.`,
      };
    return {
      code: 'unknown-x-gateway-key',
      severity: 'error',
      message: `Unknown key \`${key}\` in ${where}.` + (guess ? ` Did you mean \`${guess}\`?` : ''),
      location: locate(childPointer(at, key)),
      hint: guess
        ? `Write \`${guess}\`. Known keys here: ${known.join(', ')}.`
        : known.length > 0
          ? `Write one of the keys known here: ${known.join(', ')}.`
          : 'Remove it: no keys are allowed here.',
    };
  }
  if (error.propertyName !== undefined) return badName(error, error.propertyName, at, name ?? 'x-gateway', locate);
  const description = describeSchema(error.parentSchema);
  return {
    code: 'invalid-x-gateway-value',
    severity: 'error',
    message: `${subject(error.instancePath)} ${explain(error)}.`,
    // A missing key is placed at the object that lacks it; any other error, at the value that has it.
    location: error.keyword === 'required' ? locate(at) : locate(at, 'value'),
    hint:
      description !== undefined
        ? `${rewriteValue(error)} ${description}`
        : rewriteValue(error).replace(/ of this form:$/, '.'),
  };
}

/** What a message calls the value at `path`: its key, or for a list's entry, the entry of its key. */
function subject(path: string): string {
  const last = lastToken(path);
  if (last === undefined) return '`x-gateway`';
  if (!/^[0-9]+$/.test(last)) return `\`${last}\``;
  const owner = keyName(path);
  return owner === undefined ? 'An entry' : `An entry of \`${owner}\``;
}

/** The nearest key (not a list index) of `path`. */
function keyName(path: string): string | undefined {
  const tokens = path
    .split('/')
    .slice(1)
    .filter((t) => !/^[0-9]+$/.test(t));
  const last = tokens[tokens.length - 1];
  return last?.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A key that `propertyNames` refuses (a template parameter, usage plan or stage variable name), reported at the key. */
function badName(
  error: ErrorObject,
  key: string,
  at: string,
  parent: string,
  locate: (pointer: string, part?: 'value') => Location,
): Diagnostic {
  const pattern = error.keyword === 'pattern' ? String(error.params['pattern']) : undefined;
  return {
    code: 'invalid-x-gateway-value',
    severity: 'error',
    message: `The name \`${key}\` in \`${parent}\` ${pattern !== undefined ? `does not match \`${pattern}\`` : explain(error)}.`,
    location: locate(childPointer(at, key)),
    hint:
      pattern !== undefined
        ? `Write a name with only the characters \`${pattern}\` allows.`
        : `${rewriteValue(error).replace(/^Write /, 'Write a name of ')}`,
  };
}

function explain(error: ErrorObject): string {
  switch (error.keyword) {
    case 'anyOf':
      return error.schemaPath.endsWith('awsValue/anyOf')
        ? 'must be a string (a literal, or with ${Name} placeholders) or one CloudFormation intrinsic such as !Ref or !GetAtt'
        : 'has none of the allowed forms';
    case 'enum':
      return `must be one of: ${(error.params['allowedValues'] as unknown[]).map((v) => String(v)).join(', ')}`;
    case 'pattern': {
      const searched = ambiguousParams(String(error.data));
      return searched !== undefined
        ? `has the value \`${String(error.data)}\`, which searches the path, the query string and the headers in turn`
        : `has the value \`${String(error.data)}\`, which is not of the allowed form`;
    }
    default:
      return schemaProblem(error.keyword, error.params);
  }
}

function describeSchema(schema: unknown): string | undefined {
  const description = (schema as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? description : undefined;
}

function lastToken(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  return pointer
    .slice(pointer.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}

export { closest } from './rewrites.js';
