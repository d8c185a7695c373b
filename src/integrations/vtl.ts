/**
 * Mapping templates: Handlebars sources in templates/ render to Velocity (VTL) text. Values that name
 * AWS resources are inserted as markers and the result is joined into one CloudFormation string, so a
 * table name given as `${PetsTable}` becomes part of an `Fn::Sub` while the template text stays literal.
 */
import type Handlebars from 'handlebars';
import { type AwsValue, type CfnString, joinSub } from '../model/aws-value.js';
import { escapeJson, formEncode, jsonLiteral } from './request-values.js';
import { requirePackageFile } from '../package-files.js';

type TemplateSpec = Parameters<typeof Handlebars.template>[0];

/**
 * Handlebars' runtime with the templates precompiled by scripts/compile-templates.js (every template is a
 * partial too: `{{> dynamodb/plain-item …}}`), loaded when a route first renders one: a spec without
 * mapping templates never loads Handlebars.
 */
let templates: ReadonlyMap<string, Handlebars.TemplateDelegate> | undefined;

function loadTemplates(): ReadonlyMap<string, Handlebars.TemplateDelegate> {
  const runtime = (requirePackageFile('handlebars/runtime') as typeof Handlebars).create();
  // Text of the spec inside a JSON string literal, where no Velocity may start (see jsonLiteral).
  runtime.registerHelper('json', (text: unknown) => new runtime.SafeString(jsonLiteral(String(text))));
  // `{{#escapeJson}}$input.path('$.x'){{/escapeJson}}`: the value inside a JSON string literal.
  runtime.registerHelper('escapeJson', function (this: unknown, options: Handlebars.HelperOptions) {
    return new runtime.SafeString(escapeJson(options.fn(this).trim()));
  });
  runtime.registerHelper('inc', (n: unknown) => Number(n) + 1);
  runtime.registerHelper('below', (a: unknown, b: unknown) => Number(a) < Number(b));
  runtime.registerHelper('formName', (text: unknown) => new runtime.SafeString(formEncode(String(text))));
  // `{{#when condition}}…{{/when}}`: the text under a Velocity condition; always without one, never for `false`.
  runtime.registerHelper('when', function (this: unknown, condition: unknown, options: Handlebars.HelperOptions) {
    if (condition === undefined) return options.fn(this);
    return new runtime.SafeString(condition === 'false' ? '' : `#if(${String(condition)})${options.fn(this)}#{end}`);
  });
  const specs = requirePackageFile('./generated/vtl-templates.cjs') as Record<string, TemplateSpec>;
  const loaded = new Map(Object.entries(specs).map(([name, spec]) => [name, runtime.template(spec)]));
  for (const [name, template] of loaded) runtime.registerPartial(name, template);
  return loaded;
}

function templateOf(name: string): Handlebars.TemplateDelegate {
  templates ??= loadTemplates();
  const template = templates.get(name);
  if (!template) throw new Error(`no mapping template ${name} in generated/vtl-templates.cjs: run npm run build`);
  return template;
}

const MARKER = '\u0001';

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
