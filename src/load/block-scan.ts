/**
 * Find where a JSON pointer's node is written in block-style YAML by reading lines, without parsing the
 * whole file: for a spec of thousands of operations a full parse costs seconds, this costs a look at the
 * blocks on the way (each block's keys are indexed the first time it is read, so many lookups stay
 * cheap). Anything it is not sure of (flow collections on the way, anchors, tags, odd keys) gives
 * undefined, and the caller falls back to the YAML parser.
 */
export interface ScannedPosition {
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]}&*!|>%@`,?:-][^#]*?|-[^\s#][^#]*?)\s*:(?:\s|$)/;

/** A range of lines holding a node's children; `shift` is where a sequence item's first line starts its content. */
interface Range {
  readonly from: number;
  readonly to: number;
  readonly shift?: number;
}

interface Entry {
  readonly line: number;
  readonly column: number;
  readonly length: number;
  /** A sequence item (else a mapping's member). */
  readonly item: boolean;
  /** Text after the key or the dash, trimmed, and the column where it starts. */
  readonly rest: string;
  readonly restColumn: number;
  readonly children: Range;
}

function keyName(raw: string): string | undefined {
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return undefined;
    }
  }
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw.trimEnd();
}

export class BlockIndex {
  /** Indentation of each line, or -1 for a line without content (blank, comment, document marker). */
  private readonly indents: Int32Array;
  private readonly blocks = new Map<string, Map<string, Entry> | null>();

  constructor(private readonly lines: readonly string[]) {
    this.indents = new Int32Array(lines.length);
    lines.forEach((text, i) => {
      // Read in place: a large spec has tens of thousands of lines.
      let indent = 0;
      while (indent < text.length && (text.charCodeAt(indent) === 32 || /\s/.test(text[indent]!))) indent += 1;
      const blank =
        indent === text.length ||
        text[indent] === '#' ||
        (indent === 0 && text.startsWith('---')) ||
        text.startsWith('...');
      this.indents[i] = blank ? -1 : indent;
    });
  }

  /** `part`: for a member of a mapping, its key or its value (a sequence item is its value either way). */
  find(tokens: readonly string[], part: 'key' | 'value' = 'key'): ScannedPosition | undefined {
    let range: Range = { from: 0, to: this.lines.length };
    for (const [step, token] of tokens.entries()) {
      const entry = this.entries(range)?.get(token);
      if (!entry) return undefined;
      if (step === tokens.length - 1)
        return part === 'key' || entry.item
          ? { line: entry.line + 1, column: entry.column + 1, length: entry.length }
          : this.valueOf(entry);
      if (/^[[{]/.test(entry.rest)) return this.findInFlow(entry, tokens.slice(step + 1), part);
      // Only a block value can be walked into: an anchor, tag or alias on the way is the parser's.
      if (
        entry.rest !== '' &&
        !entry.rest.startsWith('#') &&
        (entry.children.shift === undefined || /^[&*!|>]/.test(entry.rest))
      )
        return undefined;
      range = entry.children;
    }
    return undefined;
  }

  /**
   * Where the value of a mapping's `entry` starts, as the parser places it: after its tag or anchor, at a
   * block scalar's indicator, on the first line of a block collection. One line long at most (where a
   * value spans lines, the caret shows where it starts).
   */
  private valueOf(entry: Entry): ScannedPosition | undefined {
    if (entry.rest === '' || entry.rest.startsWith('#')) {
      for (let i = entry.children.from; i < entry.children.to; i += 1) {
        const indent = this.indents[i]!;
        if (indent >= 0) return { line: i + 1, column: indent + 1, length: 1 };
      }
      // An empty value: the parser knows where it placed it.
      return undefined;
    }
    // A tag or an anchor before the value: the parser's.
    if (/^[!&]/.test(entry.rest)) return undefined;
    return { line: entry.line + 1, column: entry.restColumn + 1, length: firstLineLength(entry.rest) };
  }

  private text: string | undefined;
  private lineStarts: number[] | undefined;

  /** The rest of the walk inside the flow collection that is `entry`'s value. */
  private findInFlow(entry: Entry, tokens: readonly string[], part: 'key' | 'value'): ScannedPosition | undefined {
    this.text ??= this.lines.join('\n');
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (const line of this.lines)
        this.lineStarts.push(this.lineStarts[this.lineStarts.length - 1]! + line.length + 1);
    }
    const line = this.lines[entry.line]!;
    const column = line.indexOf(entry.rest[0]!, entry.column);
    const found = findInFlow(this.text, this.lineStarts[entry.line]! + column, tokens, part);
    if (!found) return undefined;
    let lineIndex = 0;
    while (this.lineStarts[lineIndex + 1]! <= found.offset) lineIndex += 1;
    return { line: lineIndex + 1, column: found.offset - this.lineStarts[lineIndex]! + 1, length: found.length };
  }

  private indentAt(i: number, range: Range): number {
    if (i === range.from && range.shift !== undefined) {
      const rest = this.lines[i]!.slice(range.shift);
      return rest.trim() === '' ? -1 : range.shift + (rest.length - rest.trimStart().length);
    }
    return this.indents[i]!;
  }

  /** The keys (or item indexes) of the block in `range`, read once. */
  private entries(range: Range): Map<string, Entry> | undefined {
    const id = `${range.from}:${range.to}:${range.shift ?? ''}`;
    if (!this.blocks.has(id)) this.blocks.set(id, this.read(range));
    return this.blocks.get(id) ?? undefined;
  }

  private read(range: Range): Map<string, Entry> | null {
    let first = range.from;
    while (first < range.to && this.indentAt(first, range) < 0) first += 1;
    if (first >= range.to) return null;
    const indent = this.indentAt(first, range);
    const text = (i: number): string => this.lines[i]!;
    const entries = new Map<string, Entry>();
    const lines: number[] = [];
    const isItem = (i: number): boolean => /^-(\s|$)/.test(text(i).slice(indent));
    const sequence = isItem(first);
    for (let i = first; i < range.to; i += 1) {
      const at = this.indentAt(i, range);
      if (at < 0 || at > indent) continue;
      if (at < indent) break;
      // `key:` then `- item` at the key's own indentation: the items are the key's value, not keys.
      if (!sequence && isItem(i)) continue;
      lines.push(i);
    }
    const endOf = (index: number): number => lines[index + 1] ?? range.to;
    for (const [index, i] of lines.entries()) {
      const content = text(i).slice(indent);
      if (sequence) {
        if (!/^-(\s|$)/.test(content)) return null;
        const after = content.slice(1);
        const column = indent + 1 + (after.length - after.trimStart().length);
        const rest = after.trim();
        entries.set(String(index), {
          item: true,
          line: i,
          column,
          length: Math.max(1, rest.length),
          rest,
          restColumn: column,
          children: rest === '' ? { from: i + 1, to: endOf(index) } : { from: i, to: endOf(index), shift: column },
        });
      } else {
        const match = KEY.exec(content);
        if (!match) return null;
        const name = keyName(match[1]!);
        if (name === undefined) return null;
        const after = content.slice(match[0].length);
        entries.set(name, {
          item: false,
          line: i,
          column: indent,
          length: match[1]!.length,
          rest: after.trim(),
          restColumn: indent + match[0].length + after.length - after.trimStart().length,
          children: { from: i + 1, to: endOf(index) },
        });
      }
    }
    return entries;
  }
}

/** The length of the value that starts `rest` on its first line: up to its closing quote or a comment. */
function firstLineLength(rest: string): number {
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    for (let i = 1; i < rest.length; i += 1) {
      if (quote === '"' && rest[i] === '\\') i += 1;
      else if (rest[i] === quote) {
        if (quote === "'" && rest[i + 1] === "'") i += 1;
        else return i + 1;
      }
    }
    return rest.length;
  }
  const comment = rest.search(/\s#/);
  return comment < 0 ? rest.length : rest.slice(0, comment).trimEnd().length;
}

/**
 * Walk `tokens` into the flow collection (`{…}` or `[…]`) at `offset` of `text`: keys and items are read
 * as YAML writes them, quoted scalars may span lines (`\` at a line end included). Anything unusual on
 * the way (a tag, anchor or alias to walk into, a malformed collection) gives undefined.
 */
function findInFlow(
  text: string,
  offset: number,
  tokens: readonly string[],
  part: 'key' | 'value',
): { offset: number; length: number } | undefined {
  let at = offset;
  const skipSpace = (): void => {
    for (;;) {
      while (at < text.length && /\s/.test(text[at]!)) at += 1;
      if (text[at] !== '#') return;
      while (at < text.length && text[at] !== '\n') at += 1;
    }
  };
  /** Skip a scalar or a collection; its end offset, or -1. */
  const skipValue = (): number => {
    const c = text[at];
    if (c === '"' || c === "'") {
      for (at += 1; at < text.length; at += 1) {
        if (c === '"' && text[at] === '\\') at += 1;
        else if (text[at] === c) {
          if (c === "'" && text[at + 1] === "'") at += 1;
          else return (at += 1);
        }
      }
      return -1;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      at += 1;
      for (;;) {
        skipSpace();
        if (text[at] === close) return (at += 1);
        if (at >= text.length || skipValue() < 0) return -1;
        skipSpace();
        if (text[at] === ':') {
          at += 1;
          skipSpace();
          if (text[at] !== ',' && text[at] !== close && skipValue() < 0) return -1;
          skipSpace();
        }
        if (text[at] === ',') at += 1;
        else if (text[at] !== close) return -1;
      }
    }
    // A plain scalar (a tag before a value is skipped with it): up to `,`, a closing bracket or `: `.
    while (
      at < text.length &&
      !/[,\]}\n]/.test(text[at]!) &&
      !(text[at] === ':' && /[\s,\]}]/.test(text[at + 1] ?? ' '))
    ) {
      if ((text[at] === '[' || text[at] === '{') && /\s/.test(text[at - 1] ?? '')) return skipValue();
      at += 1;
    }
    return at;
  };
  /** The value at `at` (a member's, after its `:`): where it starts and, on its first line, ends; undefined if empty or tagged. */
  const flowValue = (): { offset: number; length: number } | undefined => {
    if (/[,\]}!&]/.test(text[at] ?? ',')) return undefined;
    const start = at;
    if (skipValue() < 0) return undefined;
    const newline = text.indexOf('\n', start);
    const end = newline >= 0 && newline < at ? newline : at;
    return { offset: start, length: Math.max(1, text.slice(start, end).trimEnd().length) };
  };
  for (const [step, token] of tokens.entries()) {
    const open = text[at];
    if (open !== '{' && open !== '[') return undefined;
    const close = open === '{' ? '}' : ']';
    at += 1;
    let found = false;
    for (let index = 0; !found; index += 1) {
      skipSpace();
      if (text[at] === close || at >= text.length) return undefined;
      // A tagged item is where its value starts, as the parser places it (`!ImportValue name` → `name`).
      while (open === '[' && (text[at] === '!' || text[at] === '&')) {
        while (at < text.length && !/[\s,\]]/.test(text[at]!)) at += 1;
        skipSpace();
      }
      const start = at;
      if (skipValue() < 0) return undefined;
      const raw = text.slice(start, at).trimEnd();
      const name = open === '[' ? String(index) : keyName(raw.startsWith('"') ? raw.replace(/\\\n\s*/g, '') : raw);
      skipSpace();
      if (open === '{' && text[at] === ':') {
        at += 1;
        skipSpace();
      }
      if (name === token) {
        if (step === tokens.length - 1)
          return part === 'key' || open === '[' ? { offset: start, length: raw.length } : flowValue();
        if (open === '[') at = start;
        found = true;
      } else {
        if (open === '{' && text[at] !== ',' && text[at] !== close && skipValue() < 0) return undefined;
        skipSpace();
        if (text[at] === ',') at += 1;
      }
    }
  }
  return undefined;
}
