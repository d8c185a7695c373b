/**
 * Where a service integration takes a value from the request: `body` (the whole body), `body.a.b` (a
 * field), `path.id`, `query.q`, `header.X-Id`, `context.requestId`, `stageVariables.name`, or a
 * `'literal'`. Each becomes a Velocity expression over API Gateway's `$input`, `$context` and
 * `$stageVariables`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
export type RequestValue = string;

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

/** A request value as one form-encoded field value. */
export function formValue(value: RequestValue): string {
  return `$util.urlEncode(${quietValue(value)})`;
}

export function readsBody(value: RequestValue): boolean {
  return value === 'body' || value.startsWith('body.');
}

export function pathParameterOf(value: RequestValue): string | undefined {
  return value.startsWith('path.') ? value.slice(5) : undefined;
}
