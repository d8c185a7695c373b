/**
 * Where a JSON pointer's node is written in JSON text, found by walking the text along the pointer and
 * skipping every value off the path. The YAML syntax tree that places nodes in YAML files costs minutes
 * and gigabytes on a 40 MB JSON file (one long line); this scan reads it once, without allocating.
 */

/** Start and end offsets of a node as written: a member's key (quotes included) or its value, an item. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * `part`: for a member of an object, its key or its value (an array item is its value either way).
 * Undefined when the text is not JSON along the path or the pointer names no node.
 */
export function jsonSpanOf(text: string, tokens: readonly string[], part: 'key' | 'value' = 'key'): Span | undefined {
  let at = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  let span: Span = { start: at, end: valueEnd(text, at) ?? text.length };
  for (const token of tokens) {
    const c = text[at];
    if (c === '{') {
      const member = findMember(text, at, token);
      if (!member) return undefined;
      span = member.key;
      at = member.value;
    } else if (c === '[') {
      if (!/^\d+$/.test(token)) return undefined;
      const item = findItem(text, at, Number(token));
      if (item === undefined) return undefined;
      const end = valueEnd(text, item);
      if (end === undefined) return undefined;
      span = { start: item, end };
      at = item;
    } else {
      return undefined;
    }
  }
  // The value's end is found only for the last member: on the way, it would mean skipping its whole value.
  if (part === 'value' && span.start !== at) {
    const end = valueEnd(text, at);
    return end === undefined ? undefined : { start: at, end };
  }
  return span;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && WHITESPACE.has(text[at]!)) at += 1;
  return at;
}

/** The offset just past the string that opens at `at`. */
function stringEnd(text: string, at: number): number | undefined {
  for (let i = at + 1; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === '"') return i + 1;
  }
  return undefined;
}

/** The offset just past the value that starts at `at`. */
function valueEnd(text: string, at: number): number | undefined {
  const c = text[at];
  if (c === '"') return stringEnd(text, at);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let i = at; i < text.length; i += 1) {
      const d = text[i];
      if (d === '"') {
        const end = stringEnd(text, i);
        if (end === undefined) return undefined;
        i = end - 1;
      } else if (d === '{' || d === '[') depth += 1;
      else if (d === '}' || d === ']') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    return undefined;
  }
  let i = at;
  while (i < text.length && !WHITESPACE.has(text[i]!) && text[i] !== ',' && text[i] !== '}' && text[i] !== ']') i += 1;
  return i > at ? i : undefined;
}

/** The first member of the object at `at` named `name`: its key's span and where its value starts. */
function findMember(text: string, at: number, name: string): { key: Span; value: number } | undefined {
  let i: number | undefined = skipSpace(text, at + 1);
  while (i !== undefined && text[i] === '"') {
    const keyEnd = stringEnd(text, i);
    if (keyEnd === undefined) return undefined;
    const raw = text.slice(i + 1, keyEnd - 1);
    const colon = skipSpace(text, keyEnd);
    if (text[colon] !== ':') return undefined;
    const value = skipSpace(text, colon + 1);
    if (keyText(raw) === name) return { key: { start: i, end: keyEnd }, value };
    i = nextEntry(text, value);
  }
  return undefined;
}

/** Where the entry after the value at `at` starts; undefined after the last one. */
function nextEntry(text: string, at: number): number | undefined {
  const end = valueEnd(text, at);
  if (end === undefined) return undefined;
  const comma = skipSpace(text, end);
  return text[comma] === ',' ? skipSpace(text, comma + 1) : undefined;
}

/** A key as written between its quotes, escapes decoded. */
function keyText(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Where item `index` of the array at `at` starts. */
function findItem(text: string, at: number, index: number): number | undefined {
  let i: number | undefined = skipSpace(text, at + 1);
  if (text[i] === ']') return undefined;
  for (let n = 0; i !== undefined && n < index; n += 1) i = nextEntry(text, i);
  return i;
}

/**
 * The first key written twice in one object, which JSON.parse drops silently (it keeps the last); the YAML
 * reader refuses the same in YAML. Undefined when there is none, or the text is not JSON.
 */
export function firstDuplicateKey(text: string): { offset: number; key: string } | undefined {
  // One entry per open object (its keys so far) or array (undefined).
  const open: (Set<string> | undefined)[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end === undefined) return undefined;
      const keys = open[open.length - 1];
      if (keys && text[skipSpace(text, end)] === ':') {
        const key = keyText(text.slice(i + 1, end - 1));
        if (keys.has(key)) return { offset: i, key };
        keys.add(key);
      }
      i = end - 1;
    } else if (c === '{') open.push(new Set());
    else if (c === '[') open.push(undefined);
    else if (c === '}' || c === ']') open.pop();
  }
  return undefined;
}
