/**
 * Mapping templates: Handlebars sources in templates/ render to Velocity (VTL) text. Values that name
 * AWS resources are inserted as markers and the result is joined into one CloudFormation string, so a
 * table name given as `${PetsTable}` becomes part of an `Fn::Sub` while the template text stays literal.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { type AwsValue, type CfnString, joinSub } from '../model/aws-value.js';
import { escapeJson, formEncode, jsonLiteral } from './request-values.js';

const handlebars = Handlebars.create();
// Text of the spec inside a JSON string literal, where no Velocity may start (see jsonLiteral).
handlebars.registerHelper('json', (text: unknown) => new Handlebars.SafeString(jsonLiteral(String(text))));
// `{{#escapeJson}}$input.path('$.x'){{/escapeJson}}`: the value inside a JSON string literal.
handlebars.registerHelper('escapeJson', function (this: unknown, options: Handlebars.HelperOptions) {
  return new Handlebars.SafeString(escapeJson(options.fn(this).trim()));
});
handlebars.registerHelper('inc', (n: unknown) => Number(n) + 1);
handlebars.registerHelper('below', (a: unknown, b: unknown) => Number(a) < Number(b));
handlebars.registerHelper('formName', (text: unknown) => new Handlebars.SafeString(formEncode(String(text))));
// `{{#when condition}}…{{/when}}`: the text under a Velocity condition; always without one, never for `false`.
handlebars.registerHelper('when', function (this: unknown, condition: unknown, options: Handlebars.HelperOptions) {
  if (condition === undefined) return options.fn(this);
  return new Handlebars.SafeString(condition === 'false' ? '' : `#if(${String(condition)})${options.fn(this)}#{end}`);
});

const compiled = new Map<string, Handlebars.TemplateDelegate>();
const MARKER = '\u0001';

function sourceOf(name: string): string {
  return readFileSync(new URL(`../../templates/${name}.vtl.hbs`, import.meta.url), 'utf8');
}

/** Partials are templates too (`{{> dynamodb/plain-item …}}`), registered when first used, with the partials they use. */
function registerPartials(source: string): void {
  for (const [, partial] of source.matchAll(/\{\{> ?([\w/-]+)/g)) {
    if (handlebars.partials[partial!]) continue;
    const text = sourceOf(partial!);
    handlebars.registerPartial(partial!, text);
    registerPartials(text);
  }
}

function templateOf(name: string): Handlebars.TemplateDelegate {
  let template = compiled.get(name);
  if (!template) {
    const source = sourceOf(name);
    registerPartials(source);
    template = handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template;
}

/** Context values that are AWS values are inserted through markers; everything else as text. */
export type VtlContext = { readonly [key: string]: unknown };

export function renderVtl(
  name: string,
  context: VtlContext,
  values: Readonly<Record<string, AwsValue>> = {},
): CfnString {
  const inserted: AwsValue[] = [];
  const markers = Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      inserted.push(value);
      return [key, `${MARKER}${inserted.length - 1}${MARKER}`];
    }),
  );
  const text = templateOf(name)({ ...context, ...markers }).trim();
  const parts = text.split(MARKER).map((part, i) => (i % 2 === 0 ? part : inserted[Number(part)]!));
  return joinSub(parts);
}
