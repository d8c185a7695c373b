/**
 * A small, faithful stand-in for the Velocity context API Gateway gives mapping templates, on velocityjs:
 * `$input` (body, json, path, params), `$util` (escapeJavaScript, urlEncode, base64Encode/Decode,
 * parseJson), `$context` (with requestOverride / responseOverride), `$stageVariables`.
 * Java behaviour is kept where templates depend on it: maps answer keySet/get/containsKey, strings have
 * Java's regex `replaceAll`, `escapeJavaScript` escapes `'` as `\'` (invalid in JSON), `urlEncode` is
 * `URLEncoder.encode` (space → `+`), a missing JSONPath is null and a missing parameter is "".
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
import { render } from 'velocityjs';

/** A java.lang.String's methods that templates call. */
class JavaString {
  constructor(private readonly value: string) {}
  replaceAll(regex: string, replacement: string): JavaString {
    return new JavaString(this.value.replace(new RegExp(regex, 'g'), replacement));
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
    return this.#entries.get(key) ?? null;
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

/** Java null is velocityjs's undefined: a quiet reference `$!x` to it renders as nothing. */
function toJava(value: unknown): unknown {
  if (value === null) return undefined;
  if (Array.isArray(value)) return JavaList.from(value.map(toJava));
  if (value !== null && typeof value === 'object') return new JavaMap(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJava(v)])));
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
  return text.replace(/[\\"'/\b\f\n\r\t\u0000-\u001f\u007f-\uffff]/g, (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case '"': return '\\"';
      case "'": return "\\'";
      case '/': return '\\/';
      case '\b': return '\\b';
      case '\f': return '\\f';
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      default: return '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
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
  const parsed = (): unknown => (payload.trim() === '' ? {} : JSON.parse(payload));
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
    json: (path: string) => JSON.stringify(jsonPath(parsed(), path)),
    path: (path: string) => toJava(jsonPath(parsed(), path)),
    params: (name?: string) => {
      if (name === undefined) return new JavaMap({ path: new JavaMap(params.path), querystring: new JavaMap(params.querystring), header: new JavaMap(params.header) });
      return params.path[name] ?? params.querystring[name] ?? params.header[name] ?? '';
    },
  };
  const util = {
    // Java methods given null answer null, and Velocity prints a null reference as its own text.
    escapeJavaScript: (text: unknown) => (text === undefined || text === null ? undefined : new JavaString(escapeJavaScript(String(text)))),
    urlEncode: (text: unknown) => {
      if (text === null || text === undefined) throw new Error('URLEncoder.encode(null): NullPointerException');
      return javaUrlEncode(String(text));
    },
    urlDecode: (text: string) => decodeURIComponent(text.replace(/\+/g, ' ')),
    base64Encode: (text: unknown) => (text === undefined || text === null ? undefined : Buffer.from(String(text), 'utf8').toString('base64')),
    base64Decode: (text: string) => Buffer.from(text, 'base64').toString('utf8'),
    parseJson: (text: string) => toJava(JSON.parse(text)),
  };
  const text = render(template, { input, util, context, stageVariables: request.stageVariables ?? {} });
  return {
    text,
    headers: Object.fromEntries(Object.entries(context.responseOverride.header).map(([k, v]) => [k, String(v)])),
    ...(context.responseOverride.status !== undefined && { status: Number(context.responseOverride.status) }),
  };
}
