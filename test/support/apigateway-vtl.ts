/**
 * A small, faithful stand-in for the Velocity context API Gateway gives mapping templates, on velocityjs:
 * `$input` (body, json, path, params), `$util` (escapeJavaScript, urlEncode, base64Encode/Decode,
 * parseJson), `$context` (with requestOverride / responseOverride), `$stageVariables`.
 * Java behaviour is kept where templates depend on it: maps answer keySet/get/containsKey, strings have
 * Java's regex `replaceAll`, `escapeJavaScript` escapes `'` as `\'` (invalid in JSON), `urlEncode` is
 * `URLEncoder.encode` (space → `+`), a missing JSONPath is null and a missing parameter is "",
 * `$input.params('x')` searches the path, then the query string, then the headers (as documented), header
 * names are matched as the client spelled them, `$input.path` gives a number with a fraction or an
 * exponent as a Java Double (`1.5e3` prints `1500.0`), and every string answers the java.lang.String
 * methods templates call with Java's meaning (`replace` replaces every occurrence, `replaceAll`,
 * `matches` and `split` take a regular expression, `matches` the whole string, `length()` is a method).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
import { render } from 'velocityjs';

/** A java.lang.String's methods that templates call. */
class JavaString {
  constructor(private readonly value: string) {}
  replaceAll(regex: string, replacement: string): JavaString {
    return new JavaString(this.value.replace(javaRegex(regex), replacement));
  }
  contains(text: string): boolean {
    return this.value.includes(text);
  }
  startsWith(text: string): boolean {
    return this.value.startsWith(text);
  }
  toString(): string {
    return this.value;
  }
}

/** A Java regular expression as JavaScript's (the templates use the syntax both share). */
function javaRegex(regex: string, whole = false): RegExp {
  return new RegExp(whole ? `^(?:${regex})$` : regex, 'g');
}

/** java.lang.String's methods whose JavaScript namesakes differ, or which JavaScript lacks. */
const STRING_METHODS: Readonly<Record<string, (text: string, ...args: string[]) => unknown>> = {
  replace: (text, target, replacement) => text.split(String(target)).join(String(replacement)),
  replaceAll: (text, regex, replacement) => text.replace(javaRegex(regex), replacement),
  replaceFirst: (text, regex, replacement) => text.replace(new RegExp(regex), replacement),
  matches: (text, regex) => javaRegex(regex, true).test(text),
  split: (text, regex) => {
    // Java drops the trailing empty strings.
    const parts = text.split(new RegExp(regex));
    while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    return parts;
  },
  length: (text) => text.length,
  contains: (text, part) => text.includes(String(part)),
  compareTo: (text, other) => (text < other ? -1 : text > other ? 1 : 0),
};

/** velocityjs calls a string's JavaScript methods: these give the Java ones instead. */
const JAVA_STRING_HANDLERS = [
  {
    uid: 'java.lang.String',
    match: ({ property, context }: { property: string; context: unknown }) =>
      typeof context === 'string' && Object.hasOwn(STRING_METHODS, property),
    resolve: ({ property, params, context }: { property: string; params: string[]; context: string }) =>
      STRING_METHODS[property]!(context, ...params),
  },
];

/** A java.util.Map: `$map.key` and `$map.get('key')` both read it. */
class JavaMap {
  readonly #entries: Map<string, unknown>;
  constructor(entries: Record<string, unknown>) {
    this.#entries = new Map(Object.entries(entries));
    Object.assign(this, entries);
  }
  keySet(): string[] {
    return [...this.#entries.keys()];
  }
  get(key: string): unknown {
    return this.#entries.get(key);
  }
  containsKey(key: string): boolean {
    return this.#entries.has(key);
  }
  size(): number {
    return this.#entries.size;
  }
  toString(): string {
    return `{${[...this.#entries].map(([k, v]) => `${k}=${String(v)}`).join(', ')}}`;
  }
}

/** A java.util.List: iterable by #foreach, printed as `[1, 2]`. */
class JavaList extends Array<unknown> {
  override toString(): string {
    return `[${this.map((v) => String(v)).join(', ')}]`;
  }
}

/**
 * A number of the request as API Gateway's JSON reader may hold it: an integer as written, anything with a
 * fraction or an exponent as a java.lang.Double, which prints as Java does (`1.5e3` → `1500.0`).
 */
class JavaNumber {
  constructor(private readonly token: string) {}
  valueOf(): number {
    return Number(this.token);
  }
  toString(): string {
    return /[.eE]/.test(this.token) ? javaDouble(Number(this.token)) : this.token;
  }
}

/** Double.toString: plain decimals from 10^-3 to 10^7, else computerized scientific notation (`1.5E10`). */
export function javaDouble(x: number): string {
  const abs = Math.abs(x);
  if (abs === 0 || (abs >= 1e-3 && abs < 1e7)) {
    const text = Object.is(x, -0) ? '-0' : String(x);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** Numbers are kept as their text (marked by a leading NUL) until read, so their form is known. */
const NUMBER = '\u0000';

function parseJson(text: string): unknown {
  return JSON.parse(
    text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (m) =>
      m.startsWith('"') ? m : JSON.stringify(NUMBER + m),
    ),
  );
}

/**
 * `$input.json`: JSON text of a value, numbers as the client wrote them. *Assumed*: that API Gateway keeps
 * a number's text is not documented (README: request values).
 */
function jsonText(value: unknown): string {
  if (typeof value === 'string') return value.startsWith(NUMBER) ? value.slice(1) : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Java null is velocityjs's undefined: a quiet reference `$!x` to it renders as nothing. */
function toJava(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'string' && value.startsWith(NUMBER)) return new JavaNumber(value.slice(1));
  if (Array.isArray(value)) return JavaList.from(value.map(toJava));
  if (value !== null && typeof value === 'object')
    return new JavaMap(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJava(v)])));
  return value;
}

/** The JSONPath subset templates use: `$`, `.name`, `['name']`, `[index]`. */
export function jsonPath(root: unknown, path: string): unknown {
  if (!path.startsWith('$')) throw new Error(`unsupported JSONPath ${path}`);
  let node = root;
  for (const [, dotted, quoted, index] of path.slice(1).matchAll(/\.([^.[\]]+)|\['([^']*)'\]|\[(\d+)\]/g)) {
    if (node === null || typeof node !== 'object') return null;
    const key = dotted ?? quoted ?? Number(index);
    node = (node as Record<string | number, unknown>)[key] ?? null;
  }
  return node;
}

/** Java's URLEncoder.encode(s, "UTF-8"): alphanumerics and `.-*_` stay, space is `+`. */
export function javaUrlEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      if (/[A-Za-z0-9.\-*_]/.test(c)) return c;
      if (c === ' ') return '+';
      return '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    })
    .join('');
}

/** Apache Commons StringEscapeUtils.escapeJavaScript, which API Gateway's `$util.escapeJavaScript` is. */
export function escapeJavaScript(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what it escapes.
  return text.replace(/[\\"'/\b\f\n\r\t\u0000-\u001f\u007f-\uffff]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case "'":
        return "\\'";
      case '/':
        return '\\/';
      case '\b':
        return '\\b';
      case '\f':
        return '\\f';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    }
  });
}

export interface SampleRequest {
  readonly body?: string;
  readonly path?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly stageVariables?: Readonly<Record<string, string>>;
}

export interface Rendered {
  readonly text: string;
  /** `$context.responseOverride.status`, when the template set it. */
  readonly status?: number;
  /** `$context.responseOverride.header.*` the template set. */
  readonly headers: Record<string, string>;
}

const REQUEST_ID = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef';

/** Render a template; `payload` is what `$input` reads: the method request, or the service's response. */
export function renderTemplate(template: string, payload: string, request: SampleRequest = {}): Rendered {
  const parsed = (): unknown => (payload.trim() === '' ? {} : parseJson(payload));
  const params = { path: request.path ?? {}, querystring: request.query ?? {}, header: request.headers ?? {} };
  const context = {
    requestId: REQUEST_ID,
    connectionId: 'L0SM9cOFvHcCIhw=',
    authorizer: new JavaMap({ principalId: "user-1 'o\"k'" }),
    requestTimeEpoch: 1767225600000,
    httpMethod: 'POST',
    identity: new JavaMap({ sourceIp: '203.0.113.9' }),
    requestOverride: { header: {}, querystring: {}, path: {} },
    responseOverride: { header: {} } as { header: Record<string, string>; status?: number },
  };
  const input = {
    body: new JavaString(payload),
    json: (path: string) => jsonText(jsonPath(parsed(), path)),
    path: (path: string) => toJava(jsonPath(parsed(), path)),
    params: (name?: string) => {
      if (name === undefined)
        return new JavaMap({
          path: new JavaMap(params.path),
          querystring: new JavaMap(params.querystring),
          header: new JavaMap(params.header),
        });
      return params.path[name] ?? params.querystring[name] ?? params.header[name] ?? '';
    },
  };
  const util = {
    // Java methods given null answer null, and Velocity prints a null reference as its own text.
    escapeJavaScript: (text: unknown) =>
      text === undefined || text === null ? undefined : new JavaString(escapeJavaScript(String(text))),
    urlEncode: (text: unknown) => {
      if (text === null || text === undefined) throw new Error('URLEncoder.encode(null): NullPointerException');
      return javaUrlEncode(String(text));
    },
    urlDecode: (text: string) => decodeURIComponent(text.replace(/\+/g, ' ')),
    base64Encode: (text: unknown) =>
      text === undefined || text === null ? undefined : Buffer.from(String(text), 'utf8').toString('base64'),
    base64Decode: (text: string) => Buffer.from(text, 'base64').toString('utf8'),
    parseJson: (text: string) => toJava(JSON.parse(text)),
  };
  const text = render(
    template,
    { input, util, context, stageVariables: request.stageVariables ?? {} },
    {},
    { customMethodHandlers: JAVA_STRING_HANDLERS },
  );
  return {
    text,
    headers: Object.fromEntries(Object.entries(context.responseOverride.header).map(([k, v]) => [k, String(v)])),
    ...(context.responseOverride.status !== undefined && { status: Number(context.responseOverride.status) }),
  };
}
