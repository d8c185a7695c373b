/**
 * Where a service integration takes a value from the request: `body` (the whole body), `body.a.b` (a
 * field), `path.id`, `query.q`, `header.X-Id`, `context.requestId`, `stageVariables.name`, or a
 * `'literal'`. Each is read from exactly the place it names (`$input.params('x')` would search the
 * path, then the query string, then the headers, so a query string could stand in for a header), and
 * reaches the service as sent. A literal is known when compiling: it is written into the template already
 * encoded for where it goes, so no text of it is ever read as Velocity.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
import type { RequestValue } from '../model/ir.js';

/**
 * A request value as a template reads it: a literal's text, or the directives (`set`) that put the value
 * into `variable` as a string ("" when the request lacks it) and a condition (`present`) that is true
 * when the request has it, even empty.
 */
type Reading =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'read'; readonly set: string; readonly variable: string; readonly present: string };

/** A JSON body field's path: `body.a.b` → `$.a.b`. */
function fieldPath(field: string): string {
  return `$.${field}`;
}

/**
 * Read `value` into `variable` (a Velocity reference, `$item0`; `${variable}p` holds whether it is present).
 * - `body`: the body as sent.
 * - `body.a`: a string field as itself, any other JSON value (object, array, number, boolean) as its JSON
 *   text (`$input.path` would print an object as Java's `{a=1}` and may print `1.5e3` as `1500.0`); a
 *   missing or null field is absent, `""` is present and empty.
 * - `path.x`, `query.x`: that parameter of the path or query string; `header.X`: that header, its name
 *   matched case-insensitively (HTTP/2 clients send names in lower case).
 * - `context.x`, `stageVariables.x`: absent when empty.
 */
function readValue(value: RequestValue, variable: string): Reading {
  if (value.startsWith("'")) return { kind: 'literal', text: value.slice(1, -1) };
  const dot = value.indexOf('.');
  const [kind, rest] = dot < 0 ? [value, ''] : [value.slice(0, dot), value.slice(dot + 1)];
  const present = `${variable}p`;
  const v = variable;
  switch (kind) {
    case 'body':
      if (rest === '') return { kind: 'read', set: `#set(${v} = "$!input.body")`, variable: v, present: `${v} != ""` };
      return {
        kind: 'read',
        set:
          `#set(${v} = "$!input.json('${fieldPath(rest)}')")#if(${v} == "" || ${v} == "null")#set(${present} = ` +
          `false)#set(${v} = "")#{else}#set(${present} = true)#if(${v}.startsWith('"'))#set(${v} = ` +
          `"$!input.path('${fieldPath(rest)}')")#{end}#{end}`,
        variable: v,
        present,
      };
    case 'path':
      return { kind: 'read', set: `#set(${v} = "$!input.params().path.get('${rest}')")`, variable: v, present: 'true' };
    case 'query':
      return {
        kind: 'read',
        set: `#set(${present} = $input.params().querystring.containsKey('${rest}'))#set(${v} = "$!input.params().querystring.get('${rest}')")`,
        variable: v,
        present,
      };
    case 'header':
      return { kind: 'read', set: headerLookup(rest, v), variable: v, present: `${v}Name != ""` };
    case 'context':
      return { kind: 'read', set: `#set(${v} = "$!context.${rest}")`, variable: v, present: `${v} != ""` };
    default:
      return { kind: 'read', set: `#set(${v} = "$!stageVariables.${rest}")`, variable: v, present: `${v} != ""` };
  }
}

/**
 * A request header, whatever case the client spelled its name in: `${variable}Name` is the name as sent
 * ("" when there is none) and `variable` its value. Whether API Gateway's header map matches names
 * case-insensitively is not documented, so the template compares them itself.
 */
export function headerLookup(name: string, variable: string): string {
  return (
    `#set(${variable}Name = "")#set(${variable} = "")#foreach($headerName in ` +
    `$input.params().header.keySet())#if($headerName.toLowerCase() == ` +
    `'${name.toLowerCase()}')#set(${variable}Name = $headerName)#set(${variable} = ` +
    `"$!input.params().header.get($headerName)")#{end}#{end}`
  );
}

/** A request value as the parts a template writes: read once (`set`), then written where it goes. */
export interface TemplateValue {
  /** The directives that read it (none for a literal). */
  readonly set: string;
  /** Inside a JSON string literal. */
  readonly json: string;
  /** As one form-encoded field value. */
  readonly form: string;
  /** Its UTF-8 bytes, base64-encoded. */
  readonly base64: string;
  /** A JSON boolean: true only for the text `true`. */
  readonly boolean: string;
  /** A condition true when the request has it, even empty; undefined when it always has (a literal). */
  readonly present: string | undefined;
  /** A condition true when it is not empty: undefined when known to be, `false` when known not to be. */
  readonly filled: string | undefined;
}

/** `value` read into `variable`, in every form a template writes it. */
export function templateValue(value: RequestValue, variable: string): TemplateValue {
  const reading = readValue(value, variable);
  if (reading.kind === 'literal') {
    const { text } = reading;
    return {
      set: '',
      json: jsonLiteral(text),
      form: formEncode(text),
      base64: Buffer.from(text, 'utf8').toString('base64'),
      boolean: String(text === 'true'),
      present: undefined,
      filled: text === '' ? 'false' : undefined,
    };
  }
  const v = reading.variable;
  return {
    set: reading.set,
    json: escapeJson(v),
    form: `$util.urlEncode(${v})`,
    base64: `$util.base64Encode(${v})`,
    boolean: `#if(${v} == "true")true#{else}false#{end}`,
    present: reading.present,
    filled: `${v} != ""`,
  };
}

/** `templateValue` of an optional request value (a value the spec leaves out stays out). */
export function optionalValueOf(value: RequestValue | undefined, variable: string): TemplateValue | undefined {
  return value === undefined ? undefined : templateValue(value, variable);
}

/**
 * Text inside a JSON string literal of a template: JSON-escaped, with `$` and `#` written as `\u0024` and
 * `\u0023`, so that no reference, directive or comment (`##`) starts in it, and no backslash of it
 * escapes one.
 */
export function jsonLiteral(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/\$/g, '\\u0024').replace(/#/g, '\\u0023');
}

/**
 * Form encoding as Java's `URLEncoder.encode(text, "UTF-8")` does it, which is what `$util.urlEncode`
 * is: letters, digits and `.-*_` stay, a space is `+`, every other byte is `%XX`.
 */
export function formEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      if (/[A-Za-z0-9.\-*_]/.test(c)) return c;
      return c === ' ' ? '+' : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/**
 * A Velocity expression escaped for a JSON string literal. `$util.escapeJavaScript` also escapes `'` as
 * `\'`, which JSON does not allow, so those are turned back (as the mapping template reference advises).
 */
export function escapeJson(expression: string): string {
  return `$util.escapeJavaScript(${expression}).replaceAll("\\\\'","'")`;
}

const INNER = '@VALUE@';

/**
 * A JSON value embedded in the request's JSON as a string (EventBridge's Detail, Step Functions' input),
 * set into `variable`: the body as sent, or a body field as its JSON text; `{}` for an empty body or a
 * missing or null field (EventBridge refuses a detail that is not an object, and Step Functions asks for
 * "{}" as the input of an execution that has none). Another value becomes the JSON text `wrap` makes of it
 * as a JSON string. Escaped twice: for the embedded JSON, then for the string that holds it.
 */
export function embeddedJsonValue(
  value: RequestValue,
  variable: string,
  wrap: (json: string) => string,
): { set: string; text: string } {
  const v = variable;
  if (value === 'body')
    return { set: `#set(${v} = "$!input.body")#if(${v}.trim() == "")#set(${v} = "{}")#{end}`, text: escapeJson(v) };
  if (value.startsWith('body.')) {
    return {
      set: `#set(${v} = "$!input.json('${fieldPath(value.slice(5))}')")#if(${v} == "null" || ${v} == "")#set(${v} = "{}")#{end}`,
      text: escapeJson(v),
    };
  }
  const reading = readValue(value, v);
  if (reading.kind === 'literal') return { set: '', text: jsonLiteral(wrap(JSON.stringify(reading.text))) };
  return {
    set: reading.set,
    text: jsonLiteral(wrap(INNER)).replace(INNER, `\\"${escapeJson(escapeJson(reading.variable))}\\"`),
  };
}

export function readsBody(value: RequestValue): boolean {
  return value === 'body' || value.startsWith('body.');
}

export function pathParameterOf(value: RequestValue): string | undefined {
  return value.startsWith('path.') ? value.slice(5) : undefined;
}
