/**
 * AWS's own spellings of x-gateway values, read as the short forms they mean, once, before anything else
 * reads a block: a request value in its API Gateway form (`method.request.path.id`, `$context.requestId`,
 * `$request.querystring.q`), an enum value in AWS's case (`REGIONAL`, `DAY`, `TOKEN`), or a name AWS
 * gives a value (`COGNITO_USER_POOLS`, `AWS_IAM`: the schema's `x-aliases`). The schema says where each
 * is taken (a request value where it has `x-requestValue`): a value it refuses is rewritten when its rewrite is accepted there, so a value is only ever
 * read as a form the schema allows at its place, and the template is the one the short form gives.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
import type { ErrorObject } from 'ajv';
import { splitPointer } from '../diagnostics/diagnostic.js';
import { compareCodeUnits } from './order.js';

/** A value written in an AWS spelling, and the short form it was read as. */
export interface Spelling {
  /** Where the value is, from the block's own pointer. */
  readonly pointer: string;
  readonly written: string;
  readonly short: string;
}

/** The API Gateway sources of a request value, by the name AWS writes after `request.`, and ours. */
const SOURCES: Readonly<Record<string, string>> = { path: 'path', querystring: 'query', header: 'header' };

/**
 * The short form of a request value written as API Gateway writes it: a method request (REST:
 * `method.request.path.id`), an HTTP API or WebSocket request (`$request.header.X`,
 * `route.request.querystring.q`), a mapping-template variable (`$context.x`, `$stageVariables.x`,
 * `$input.body`, `$input.json('$.a')`), or `querystring.q`. `$input.params('x')` is left alone: it
 * searches the path, the query string and the headers in turn, so it names no one place
 * (`ambiguousParams` says so).
 */
export function shortRequestValue(written: string): string | undefined {
  const text = written.startsWith('$') ? written.slice(1) : written;
  const request = /^(?:method\.request|request|route\.request)\.(path|querystring|header)\.(.+)$/.exec(text);
  if (request) return `${SOURCES[request[1]!]}.${request[2]}`;
  const body = /^(?:method\.request|request)\.body(\..+)?$/.exec(text);
  if (body) return `body${body[1] ?? ''}`;
  const json = /^input\.(?:json|path)\('\$((?:\.[^'.]+)*)'\)$/.exec(text);
  if (json) return `body${json[1]}`;
  if (text === 'input.body') return 'body';
  if (text.startsWith('querystring.')) return `query.${text.slice('querystring.'.length)}`;
  if (text !== written && /^(context|stageVariables)\./.test(text)) return text;
  return undefined;
}

/** `$input.params('x')`: the name it searches for, in the path, the query string and the headers. */
export function ambiguousParams(written: string): string | undefined {
  return /^\$?input\.params\('([^']+)'\)$/.exec(written)?.[1];
}

/** The one value of `allowed` that `value` spells in another case. */
function sameIgnoringCase(value: string, allowed: readonly unknown[]): string | undefined {
  const matches = allowed.filter((a): a is string => typeof a === 'string' && a.toLowerCase() === value.toLowerCase());
  return matches.length === 1 ? matches[0] : undefined;
}

/** The short form the schema takes for a value it refused with `error`, if the value is an AWS spelling of one. */
function rewriteOf(error: ErrorObject): string | undefined {
  const value = error.data;
  if (typeof value !== 'string') return undefined;
  const schema = (error.parentSchema ?? {}) as { 'x-aliases'?: Record<string, string>; 'x-requestValue'?: boolean };
  const aliases = schema['x-aliases'];
  if (aliases !== undefined && Object.hasOwn(aliases, value)) return aliases[value];
  if (error.keyword === 'enum') return sameIgnoringCase(value, error.params['allowedValues'] as unknown[]);
  // Only where the schema reads a request value: elsewhere (a stage variable's text) `$context.x` is text.
  if (error.keyword === 'pattern' && schema['x-requestValue'] === true) {
    const short = shortRequestValue(value);
    return short !== undefined && new RegExp(String(error.params['pattern']), 'u').test(short) ? short : undefined;
  }
  return undefined;
}

/**
 * Rewrite, in `block`, each value `validate` refuses that is an AWS spelling of a value it takes there;
 * `validate` returns the errors of the block as it is. Returns the rewrites made, and the errors that remain.
 */
export function readAwsSpellings(
  block: unknown,
  validate: (block: unknown) => readonly ErrorObject[],
): { spellings: Spelling[]; errors: readonly ErrorObject[] } {
  const made: Spelling[] = [];
  const done = new Set<string>();
  for (;;) {
    const errors = validate(block);
    const fixes = new Map<string, Spelling>();
    for (const error of errors) {
      if (done.has(error.instancePath) || fixes.has(error.instancePath)) continue;
      const short = rewriteOf(error);
      if (short !== undefined)
        fixes.set(error.instancePath, { pointer: error.instancePath, written: String(error.data), short });
    }
    if (fixes.size === 0) return { spellings: made.sort((a, b) => compareCodeUnits(a.pointer, b.pointer)), errors };
    for (const fix of fixes.values()) {
      replaceAt(block, fix.pointer, fix.short);
      done.add(fix.pointer);
      made.push(fix);
    }
  }
}

/** Set the value at a (non-empty) JSON pointer inside `root`. */
function replaceAt(root: unknown, pointer: string, value: string): void {
  const tokens = splitPointer(pointer);
  const last = tokens.pop()!;
  let node = root as Record<string, unknown>;
  for (const token of tokens) node = node[token] as Record<string, unknown>;
  node[last] = value;
}
