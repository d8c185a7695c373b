/**
 * Writes schemas/x-gateway.editor.schema.json, the x-gateway schema editors bind (through
 * schemas/openapi-x-gateway.schema.json), from schemas/x-gateway.schema.json. Compile reads AWS's spellings
 * of values as the short forms the schema takes (src/model/spellings.ts), driven by the schema's own
 * annotations; the editor schema takes them too, so that valid input is not marked wrong:
 *
 * - an enum value in another case (`REGIONAL`, `DAY`), where only one value of the enum is that word;
 * - an `x-aliases` name (`COGNITO_USER_POOLS`, `AWS_IAM`), also where an `if` tells the branches apart;
 * - where the schema has `x-requestValue`, a request value in its API Gateway form
 *   (`method.request.path.id`, `$request.querystring.q`, `$context.requestId`, `$input.json('$.a')`)
 *   whose short form the pattern takes.
 *
 * Every node keeps its place (JSON pointer), so an error of one schema is found in the other. Run by
 * `npm run docs`; `--check` exits 1 when the file is not what would be written (a test runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCHEMA = fileURLToPath(new URL('../schemas/x-gateway.schema.json', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../schemas/x-gateway.editor.schema.json', import.meta.url));

/** Keywords that say what a node is, for people and tools; the rest constrain the value. */
const ANNOTATIONS = new Set(['$comment', 'title', 'description', 'default', 'examples', 'deprecated']);
/** Subschemas whose enums are not values written at a place: they refuse, or name keys. */
const NOT_VALUES = new Set(['not', 'if', 'propertyNames']);

/** A regex that matches `word` in any case (`[rR][eE][gG]…`), its other characters escaped. */
function anyCase(word) {
  return [...word]
    .map((c) => {
      const lower = c.toLowerCase();
      const upper = c.toUpperCase();
      if (lower !== upper) return `[${lower}${upper}]`;
      return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
    })
    .join('');
}

/** The enum's strings that are the only one of their word in any case: compile reads those in any case. */
function caseFree(values) {
  const strings = values.filter((v) => typeof v === 'string');
  return strings.filter((v) => strings.filter((o) => o.toLowerCase() === v.toLowerCase()).length === 1);
}

/** The node's annotations and its constraints, apart. */
function split(node) {
  const annotations = {};
  const constraints = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) annotations[key] = value;
    else constraints[key] = value;
  }
  return { annotations, constraints };
}

/**
 * A request value's short forms (`path.`, `query.`, …) and the API Gateway forms that are read as them
 * (src/model/spellings.ts `shortRequestValue`), as regex sources; `$?` is an optional `$`.
 */
const REQUEST = String.raw`\$?(?:method\.request|request|route\.request)\.`;
const AWS_FORMS = [
  ['path\\.', [`${REQUEST}path\\.`]],
  ['query\\.', [`${REQUEST}querystring\\.`, String.raw`\$?querystring\.`]],
  ['header\\.', [`${REQUEST}header\\.`]],
  ['context\\.', [String.raw`\$context\.`]],
  ['stageVariables\\.', [String.raw`\$stageVariables\.`]],
];

/** The alternatives of an anchored pattern: `^(a|b)$`, `^(a|b)\.rest$` (distributed), or `^a$`. */
function alternatives(pattern) {
  if (!pattern.startsWith('^') || !pattern.endsWith('$'))
    throw new Error(`x-requestValue pattern not anchored: ${pattern}`);
  const inner = pattern.slice(1, -1);
  const group = /^\((?:\?:)?/.exec(inner);
  if (!group) return [inner];
  let depth = 0;
  let inClass = false;
  const parts = [];
  let start = group[0].length;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) {
        parts.push(inner.slice(start, i));
        const rest = inner.slice(i + 1);
        return parts.map((part) => part + rest);
      }
    } else if (c === '|' && depth === 1) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  throw new Error(`x-requestValue pattern not understood: ${pattern}`);
}

/** The pattern of an `x-requestValue` node, with the API Gateway forms of the values it takes. */
function requestValuePattern(pattern) {
  const takes = new RegExp(pattern, 'u');
  const forms = alternatives(pattern).flatMap((alt) => {
    if (alt.startsWith('body')) {
      const rest = alt.slice('body'.length);
      return [
        String.raw`\$?(?:method\.request|request)\.body` + rest,
        String.raw`\$?input\.(?:json|path)\('\$(?=(?:\.[^'.]+)*'\)$)` + rest + String.raw`'\)`,
        ...(takes.test('body') ? [String.raw`\$?input\.body`] : []),
      ];
    }
    const source = AWS_FORMS.find(([short]) => alt.startsWith(short));
    return source ? source[1].map((prefix) => prefix + alt.slice(source[0].length)) : [];
  });
  return `^(?:${[...alternatives(pattern), ...forms].join('|')})$`;
}

/**
 * `if: { properties: { type: { const: token } } }`: the branch applies to what compile reads as `token`
 * (`TOKEN`, an alias of it), as the property at that place says.
 */
function conditionOf(condition, properties) {
  if (!condition?.properties) return condition;
  const read = Object.fromEntries(
    Object.entries(condition.properties).map(([key, test]) => {
      const property = properties?.[key];
      if (typeof test?.const !== 'string' || !property) return [key, test];
      const aliases = Object.entries(property['x-aliases'] ?? {})
        .filter(([, short]) => short === test.const)
        .map(([alias]) => alias);
      const anyCaseOk = Array.isArray(property.enum) && caseFree(property.enum).includes(test.const);
      const forms = [
        { const: test.const },
        ...(aliases.length > 0 ? [{ enum: aliases }] : []),
        ...(anyCaseOk ? [{ type: 'string', pattern: `^${anyCase(test.const)}$` }] : []),
      ];
      return [key, forms.length === 1 ? test : { anyOf: forms }];
    }),
  );
  return { ...condition, properties: read };
}

/** The editor's form of one node (and of the nodes under it). */
function editorNode(node, valuePlace = true) {
  if (Array.isArray(node)) return node.map((n) => editorNode(n, valuePlace));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || ANNOTATIONS.has(key) || key === 'enum' || key === 'const') out[key] = value;
    else if (key === 'properties' || key === 'patternProperties' || key === '$defs')
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, editorNode(v, valuePlace)]));
    else out[key] = editorNode(value, valuePlace && !NOT_VALUES.has(key));
  }
  if (Array.isArray(out.allOf) && out.properties)
    out.allOf = out.allOf.map((branch) =>
      branch?.if ? { ...branch, if: conditionOf(branch.if, node.properties) } : branch,
    );
  if (!valuePlace) return out;
  if (node['x-requestValue'] === true && typeof node.pattern === 'string')
    out.pattern = requestValuePattern(node.pattern);
  const aliases = Object.keys(node['x-aliases'] ?? {});
  const anyCaseValues = Array.isArray(node.enum) ? caseFree(node.enum) : [];
  if (aliases.length === 0 && anyCaseValues.length === 0) return out;
  const { annotations, constraints } = split(out);
  if (Array.isArray(constraints.enum)) constraints.enum = [...constraints.enum, ...aliases];
  const others = [
    ...(aliases.length > 0 && !Array.isArray(constraints.enum) ? [{ enum: aliases }] : []),
    ...(anyCaseValues.length > 0 ? [{ type: 'string', pattern: `^(?:${anyCaseValues.map(anyCase).join('|')})$` }] : []),
  ];
  return { ...annotations, anyOf: [constraints, ...others] };
}

/** The editor schema of `schema` (x-gateway.schema.json). */
export function editorSchema(schema) {
  const out = editorNode(schema);
  return {
    ...out,
    $id: schema.$id.replace(/\.schema\.json$/, '.editor.schema.json'),
    $comment:
      'Generated by scripts/editor-schema.js from x-gateway.schema.json (npm run docs); do not edit. ' +
      "It also takes AWS's spellings of values, which compile reads as the short forms.",
  };
}

function main(args) {
  const text = `${JSON.stringify(editorSchema(JSON.parse(readFileSync(SCHEMA, 'utf8'))), null, 2)}\n`;
  if (args.includes('--check')) {
    if (readFileSync(OUTPUT, 'utf8') === text) return 0;
    process.stderr.write('schemas/x-gateway.editor.schema.json is stale: run `npm run docs` and commit it.\n');
    return 1;
  }
  writeFileSync(OUTPUT, text);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
