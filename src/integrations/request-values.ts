/**
 * Where a service integration takes a value from the request: `body` (the whole body), `body.a.b` (a
 * field), `path.id`, `query.q`, `header.X-Id`, `context.requestId`, `stageVariables.name`, or a
 * `'literal'`. Each becomes a Velocity expression over API Gateway's `$input`, `$context` and
 * `$stageVariables`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
import type { RequestValue } from '../model/ir.js';

/** The Velocity reference of a request value (a missing body field is null). */
export function vtlExpression(value: RequestValue): string {
  // Single-quoted Velocity strings are not interpolated: the literal stays as written.
  if (value.startsWith("'")) return value;
  const dot = value.indexOf('.');
  const [kind, rest] = dot < 0 ? [value, ''] : [value.slice(0, dot), value.slice(dot + 1)];
  switch (kind) {
    case 'body':
      return rest === '' ? '$input.body' : `$input.path('$.${rest}')`;
    case 'path':
    case 'query':
    case 'header':
      // `$input.params(name)` is the empty string, not null, for a parameter the request lacks.
      return `$input.params('${rest}')`;
    case 'context':
      return `$context.${rest}`;
    default:
      return `$stageVariables.${rest}`;
  }
}

/** The value as a string that is empty, never null, when the request lacks it (quiet reference). */
export function quietValue(value: RequestValue): string {
  const expression = vtlExpression(value);
  return expression.startsWith("'") ? expression : `"$!${expression.slice(1)}"`;
}

/**
 * A request value inside a JSON string literal. `$util.escapeJavaScript` also escapes `'` as `\'`, which
 * JSON does not allow, so those are turned back (as the mapping template reference advises).
 */
export function jsonString(value: RequestValue): string {
  return escapeJson(quietValue(value));
}

/** A Velocity expression escaped for a JSON string literal (see jsonString). */
export function escapeJson(expression: string): string {
  return `$util.escapeJavaScript(${expression}).replaceAll("\\\\'","'")`;
}

/** The JSONPath of a body field (`body.a.b` → `$.a.b`); undefined for anything else, the whole body included. */
function fieldPath(value: RequestValue): string | undefined {
  return value.startsWith('body.') ? `$.${value.slice(5)}` : undefined;
}

/**
 * A value passed whole as JSON text (an event's detail, an execution's input), set into `variable` by the
 * `set` directives: the body or a body field as `$input.json`, so an object stays an object (`$input.path`
 * would print it as Java's `{a=1}`). A field the body lacks or holds as null (`$input.json` prints "null"),
 * or an empty body, becomes `{}`: EventBridge refuses a detail that is not an object, and Step Functions
 * asks for "{}" as the input of an execution that has none. Undefined for a value that is not the body.
 */
function jsonValue(value: RequestValue, variable: string): { set: string; text: string } | undefined {
  const path = value === 'body' ? '$' : fieldPath(value);
  if (path === undefined) return undefined;
  return {
    set: `#set(${variable} = "$!input.json('${path}')")#if(${variable} == "null" || ${variable} == "")#set(${variable} = "{}")#{end}`,
    text: variable,
  };
}

/**
 * A JSON value embedded in the request's JSON as a string (EventBridge's Detail, Step Functions' input):
 * the body or a body field as its JSON text (`{}` when absent), another value as `wrap` makes JSON of
 * it; escaped twice, for the embedded JSON and then for the string that holds it.
 */
export function embeddedJsonValue(value: RequestValue, variable: string, wrap: (quoted: string) => string): { set: string; text: string } {
  const json = jsonValue(value, variable);
  return json !== undefined ? { set: json.set, text: escapeJson(json.text) } : { set: '', text: wrap(`\\"${escapeJson(jsonString(value))}\\"`) };
}

/**
 * A value passed whole as text (a message body, record data): a body field that is a string as itself,
 * any other JSON value as its JSON text (`$input.path` would print an object as Java's `{a=1}`), and ""
 * when the request lacks it. A body field takes `#set` directives first (`set`), which put it in
 * `variable`; `text` is then the string expression.
 */
export function textValue(value: RequestValue, variable: string): { set: string; text: string } {
  const path = fieldPath(value);
  if (path === undefined) return { set: '', text: quietValue(value) };
  return {
    set: `#set(${variable} = "$!input.json('${path}')")#if(${variable}.startsWith('"'))#set(${variable} = "$!input.path('${path}')")#elseif(${variable} == "null")#set(${variable} = "")#{end}`,
    text: variable,
  };
}

/** A request value as one form-encoded field value. */
export function formValue(value: RequestValue): string {
  return `$util.urlEncode(${quietValue(value)})`;
}

/** `formValue` of an optional request value (a field left out stays out). */
export function optionalFormValue(value: RequestValue | undefined): string | undefined {
  return value === undefined ? undefined : formValue(value);
}

export function readsBody(value: RequestValue): boolean {
  return value === 'body' || value.startsWith('body.');
}

export function pathParameterOf(value: RequestValue): string | undefined {
  return value.startsWith('path.') ? value.slice(5) : undefined;
}
