/**
 * Writes docs/reference.md from schemas/x-gateway.schema.json: for every key, its full path, type, default,
 * the API kinds that take it (`x-apiKinds`) and what it becomes in AWS (`x-aws`). Run by `npm run docs`.
 *
 *   node scripts/docs-reference.js            write docs/reference.md
 *   node scripts/docs-reference.js --check    exit 1 when docs/reference.md is not what would be written
 *   --schema <file>                           read another schema (the tests use it)
 *
 * A key without its annotations is an error (exit 1, nothing written): the reference must say it all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const KINDS = { rest: 'REST', http: 'HTTP', websocket: 'WebSocket' };
const OUTPUT = fileURLToPath(new URL('../docs/reference.md', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../schemas/x-gateway.schema.json', import.meta.url));

/** The places a document holds x-gateway blocks, and the schema each is checked against. */
const ENTRIES = [
  { title: 'Root `x-gateway`', prefix: 'x-gateway', pointer: '#', intro: 'At the root of the OpenAPI document.' },
  {
    title: 'Path item and operation `x-gateway`',
    prefix: 'paths.<path>[.<method>].x-gateway',
    pointer: '#/$defs/operation',
    intro: 'On a path item (for all its operations) or an operation; the nearest one wins, then `x-gateway.defaults`.',
  },
];

function resolve(schema, ref) {
  return ref
    .slice(2)
    .split('/')
    .filter(Boolean)
    .reduce((node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')], schema);
}

const defName = (ref) => (/^#\/\$defs\/([^/]+)$/.exec(ref) ?? [])[1];

/** Whether a schema declares keys of its own (properties, through its branches but not its $refs). */
function hasKeys(node) {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(hasKeys);
  if (node.properties) return true;
  return ['anyOf', 'oneOf', 'allOf', 'then', 'else', 'items', 'prefixItems', 'additionalProperties'].some((k) =>
    hasKeys(node[k]),
  );
}

/** $defs referenced from several places that declare keys: each gets a section, which its places link to. */
function sharedDefs(schema) {
  const counts = new Map();
  JSON.stringify(schema, (key, value) => {
    if (key === '$ref' && typeof value === 'string') counts.set(value, (counts.get(value) ?? 0) + 1);
    return value;
  });
  return new Set(
    [...counts]
      .filter(([ref, n]) => n > 1 && defName(ref) && hasKeys(resolve(schema, ref)))
      .map(([ref]) => defName(ref)),
  );
}

const anchor = (title) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const code = (value) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const unique = (items) => [...new Set(items)];

function typeText(schema, node, ctx) {
  if (!node || typeof node !== 'object') return 'any';
  if (node.$ref) {
    const name = defName(node.$ref);
    if (name && (ctx.shared.has(name) || !hasKeys(resolve(schema, node.$ref)))) {
      ctx.valueTypes.add(name);
      return `[${name}](#${anchor(name)})`;
    }
    return typeText(schema, resolve(schema, node.$ref), ctx);
  }
  if (node.const !== undefined) return code(node.const);
  if (node.enum) return node.enum.map(code).join(' or ');
  const branches = node.anyOf ?? node.oneOf;
  if (branches) return unique(branches.map((b) => typeText(schema, b, ctx))).join(' or ');
  // `if`/`then`/`else` without a type of its own: the value has the type of one branch or the other.
  if (!node.type && (node.then || node.else))
    return unique([node.then, node.else].filter(Boolean).map((b) => branchText(schema, b, ctx))).join(' or ');
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0) return node.properties ? 'object' : 'any';
  return types
    .map((type) => {
      if (type === 'array' && node.items && typeof node.items === 'object') {
        return `array of ${typeText(schema, node.items, ctx)}`;
      }
      if (type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object') {
        return `map of ${typeText(schema, node.additionalProperties, ctx)}`;
      }
      return type;
    })
    .join(' or ');
}

/**
 * The type of a conditional branch: an object whose keys belong to different API kinds says which kind
 * takes which (`vpcLink`: `subnets` on HTTP APIs, `targets` on REST and WebSocket APIs).
 */
function branchText(schema, node, ctx) {
  const type = typeText(schema, node, ctx);
  const keys = Object.entries(node.properties ?? {}).filter(([, sub]) => sub && typeof sub === 'object');
  const kindsOf = (sub) => (sub['x-apiKinds'] ?? []).map((k) => KINDS[k]).join(', ');
  const groups = unique(keys.map(([, sub]) => kindsOf(sub)));
  if (type !== 'object' || groups.length < 2) return type;
  const keysOf = (group) =>
    keys
      .filter(([, sub]) => kindsOf(sub) === group)
      .map(([key]) => code(key))
      .join(', ');
  return `object of ${groups.map((group) => `${keysOf(group)} (${group})`).join(' or ')}`;
}

/** The keys under `node`, as rows; `shared` $defs are not entered (their section lists them). */
function collect(schema, node, path, pointer, ctx, rows) {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  if (node.$ref) {
    const name = defName(node.$ref);
    if (name && ctx.shared.has(name)) {
      ctx.uses.set(name, [...(ctx.uses.get(name) ?? []), path]);
      return;
    }
    collect(schema, resolve(schema, node.$ref), path, node.$ref.slice(1), ctx, rows);
  }
  for (const [key, sub] of Object.entries(node.properties ?? {})) {
    // `true` admits a key that another branch declares (an authorizer's `type` beside its own fields).
    if (sub === true) continue;
    const at = `${pointer}/properties/${key}`;
    const full = `${path}.${key}`;
    const kinds = sub['x-apiKinds'];
    if (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((k) => !(k in KINDS))) {
      ctx.problems.push(`${at}: x-apiKinds must be a non-empty list of ${Object.keys(KINDS).join(', ')}`);
    }
    if (typeof sub['x-aws'] !== 'string' || sub['x-aws'].trim() === '') {
      ctx.problems.push(`${at}: x-aws must say what the key becomes in AWS`);
    }
    rows.push({
      path: full,
      type: typeText(schema, sub, ctx),
      default: sub.default,
      kinds: Array.isArray(kinds) ? kinds : [],
      aws: sub['x-aws'] ?? '',
      description: sub.description ?? (sub.$ref ? resolve(schema, sub.$ref).description : undefined) ?? '',
    });
    collect(schema, sub, full, at, ctx, rows);
  }
  for (const branch of ['anyOf', 'oneOf', 'allOf']) {
    for (const [i, b] of (node[branch] ?? []).entries())
      collect(schema, b, path, `${pointer}/${branch}/${i}`, ctx, rows);
  }
  collect(schema, node.then, path, `${pointer}/then`, ctx, rows);
  collect(schema, node.else, path, `${pointer}/else`, ctx, rows);
  for (const [i, b] of (node.prefixItems ?? []).entries()) {
    collect(schema, b, `${path}[${i}]`, `${pointer}/prefixItems/${i}`, ctx, rows);
  }
  if (node.items && typeof node.items === 'object')
    collect(schema, node.items, `${path}[]`, `${pointer}/items`, ctx, rows);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    collect(schema, node.additionalProperties, `${path}.<name>`, `${pointer}/additionalProperties`, ctx, rows);
  }
}

/** One row per path: the branches of a oneOf (authorizer types) each say their part. */
function merge(rows) {
  const byPath = new Map();
  for (const row of rows) {
    const seen = byPath.get(row.path);
    if (!seen) {
      byPath.set(row.path, { ...row, types: [row.type], awsAll: [row.aws], descriptions: [row.description] });
      continue;
    }
    seen.types.push(row.type);
    seen.kinds = Object.keys(KINDS).filter((k) => seen.kinds.includes(k) || row.kinds.includes(k));
    seen.awsAll.push(row.aws);
    seen.descriptions.push(row.description);
    seen.default ??= row.default;
  }
  return [...byPath.values()].map((row) => ({
    ...row,
    type: unique(row.types).join(' or '),
    aws: unique(row.awsAll.filter(Boolean)).join('; '),
    description: unique(row.descriptions.filter(Boolean)).join(' '),
  }));
}

function table(rows) {
  return [
    '| key | type | default | API kinds | in AWS | what it does |',
    '|---|---|---|---|---|---|',
    ...merge(rows).map((r) =>
      [
        '',
        code(r.path),
        r.type,
        r.default === undefined ? '' : code(r.default),
        r.kinds.map((k) => KINDS[k]).join(', '),
        r.aws,
        r.description,
        '',
      ]
        .map(cell)
        .join(' | ')
        .trim(),
    ),
  ].join('\n');
}

/** Each raw extension (or field of one) that an `x-aws` names, with the keys that write it. */
function byExtension(rows) {
  const index = new Map();
  for (const row of merge(rows)) {
    for (const extension of unique(row.aws.match(/x-amazon-apigateway-[a-z-]*[a-z](\.[A-Za-z]+)*/g) ?? [])) {
      index.set(extension, unique([...(index.get(extension) ?? []), row.path]));
    }
  }
  return [
    '| raw extension | x-gateway keys |',
    '|---|---|',
    ...[...index.keys()]
      .sort()
      .map((extension) => `| ${code(extension)} | ${index.get(extension).map(code).join(', ')} |`),
  ].join('\n');
}

/** The reference page, and the problems that keep it from being complete. */
export function renderReference(schema) {
  const ctx = { shared: sharedDefs(schema), uses: new Map(), valueTypes: new Set(), problems: [] };
  const every = [];
  const sections = ENTRIES.map(({ title, prefix, pointer, intro }) => {
    const rows = [];
    collect(schema, pointer === '#' ? schema : resolve(schema, pointer), prefix, pointer.slice(1), ctx, rows);
    every.push(...rows);
    return `## ${title}\n\n${intro}\n\n${table(rows)}\n`;
  });
  const done = new Set();
  // A shared section may reach another (an integration's throttle): go on until none is new.
  for (
    let name = [...ctx.uses.keys()].find((n) => !done.has(n));
    name;
    name = [...ctx.uses.keys()].find((n) => !done.has(n))
  ) {
    done.add(name);
    const def = schema.$defs[name];
    const rows = [];
    collect(schema, def, name, `/$defs/${name}`, ctx, rows);
    every.push(...rows);
    const places = unique(ctx.uses.get(name)).map(code).join(', ');
    sections.push(
      `## ${name}\n\n${def.description ?? ''}\n\nUsed at ${places}; the keys below are relative to those places.\n\n${table(rows)}\n`,
    );
  }
  const values = [...ctx.valueTypes]
    .filter((name) => !ctx.shared.has(name))
    .sort()
    .map((name) => {
      const def = schema.$defs[name];
      const type = typeText(schema, def, { ...ctx, valueTypes: new Set() });
      return `### ${name}\n\n${type}. ${def.description ?? ''}\n`;
    });
  const markdown = [
    '# x-gateway reference',
    '',
    '<!-- Generated by scripts/docs-reference.js from schemas/x-gateway.schema.json (npm run docs); do not edit. -->',
    '',
    'Every key of the `x-gateway` language: where it goes (its full path; `<name>` stands for a name you choose,',
    '`[]` for an item of a list), its type, its default, the API kinds that take it (a key another kind does not',
    'take is an error at the key that names the alternative) and what it becomes in AWS. The',
    '[language guide](language.md) explains how the keys work together.',
    '',
    ...sections,
    '## By raw extension',
    '',
    'The `x-amazon-apigateway-*` extensions (and their fields) gateform writes, and the keys that write them: a',
    'spec written with raw extensions moves to x-gateway key by key ([migration guide](migration.md)).',
    '',
    byExtension(every),
    '',
    '## Value types',
    '',
    ...values,
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return { markdown: markdown.endsWith('\n') ? markdown : `${markdown}\n`, problems: ctx.problems };
}

function main(args) {
  const at = args.indexOf('--schema');
  const schemaFile = at >= 0 ? args[at + 1] : SCHEMA;
  const { markdown, problems } = renderReference(JSON.parse(readFileSync(schemaFile, 'utf8')));
  if (problems.length > 0) {
    process.stderr.write(`${schemaFile}: keys without their reference annotations:\n${problems.join('\n')}\n`);
    return 1;
  }
  if (args.includes('--check')) {
    if (readFileSync(OUTPUT, 'utf8') === markdown) return 0;
    process.stderr.write('docs/reference.md is stale: run `npm run docs` and commit it.\n');
    return 1;
  }
  writeFileSync(OUTPUT, markdown);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
