// Split the string literals of lines longer than 160 characters in src/ into concatenated pieces of at most
// 100 characters, at spaces outside `${…}`; run `npm run format` before (to wrap everything else) and after.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const LIMIT = 160;
const PIECE = 100;
const root = process.argv[2] ?? 'src';
let changed = 0;
for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lineOf = (pos) => source.getLineAndCharacterOfPosition(pos).line;
  const lines = text.split('\n');
  const long = new Set(lines.flatMap((l, i) => (l.length > LIMIT ? [i] : [])));
  if (long.size === 0) continue;
  const edits = [];
  const visit = (node) => {
    const isString =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
    if (
      isString &&
      long.has(lineOf(node.getStart())) &&
      lineOf(node.getStart()) === lineOf(node.end) &&
      node.end - node.getStart() > PIECE
    ) {
      // Parts of a template expression after a substitution keep their place; tagged templates are left alone.
      if (!ts.isTaggedTemplateExpression(node.parent)) edits.push(node);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = text;
  for (const node of edits.sort((a, b) => b.getStart() - a.getStart())) {
    const raw = text.slice(node.getStart(), node.end);
    const quote = raw[0];
    const inner = raw.slice(1, -1);
    const pieces = [];
    let start = 0;
    let depth = 0;
    let lastSpace = -1;
    for (let i = 0; i < inner.length; i += 1) {
      const c = inner[i];
      if (c === '\\') {
        i += 1;
        continue;
      }
      if (quote === '`' && c === '$' && inner[i + 1] === '{') depth += 1;
      else if (quote === '`' && c === '}' && depth > 0) depth -= 1;
      else if (c === ' ' && depth === 0) lastSpace = i;
      if (i - start >= PIECE && lastSpace > start) {
        pieces.push(inner.slice(start, lastSpace + 1));
        start = lastSpace + 1;
        lastSpace = -1;
      }
    }
    pieces.push(inner.slice(start));
    if (pieces.length < 2) continue;
    const joined = pieces.map((p) => quote + p + quote).join(' +\n');
    out =
      out.slice(0, node.getStart()) +
      (ts.isStringLiteral(node.parent) ? joined : `(${joined})`.replace(/^\((.*)\)$/s, '$1')) +
      out.slice(node.end);
  }
  if (out !== text) {
    writeFileSync(path, out);
    changed += 1;
  }
}
console.log(`split long strings in ${changed} files`);
