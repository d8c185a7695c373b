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
  /** Text after the key or the dash, trimmed. */
  readonly rest: string;
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
      const trimmed = text.trimStart();
      const blank = trimmed === '' || trimmed.startsWith('#') || (text.startsWith('---') && trimmed === text) || text.startsWith('...');
      this.indents[i] = blank ? -1 : text.length - trimmed.length;
    });
  }

  find(tokens: readonly string[]): ScannedPosition | undefined {
    let range: Range = { from: 0, to: this.lines.length };
    let position: ScannedPosition | undefined;
    for (const [step, token] of tokens.entries()) {
      const entry = this.entries(range)?.get(token);
      if (!entry) return undefined;
      position = { line: entry.line + 1, column: entry.column + 1, length: entry.length };
      // Only a block value can be walked into: a flow collection, anchor, tag or alias on the way is the parser's.
      if (step < tokens.length - 1 && entry.rest !== '' && !entry.rest.startsWith('#') && (entry.children.shift === undefined || /^[[{&*!|>]/.test(entry.rest))) return undefined;
      range = entry.children;
    }
    return position;
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
    for (let i = first; i < range.to; i += 1) {
      const at = this.indentAt(i, range);
      if (at < 0 || at > indent) continue;
      if (at < indent) break;
      lines.push(i);
    }
    const endOf = (index: number): number => lines[index + 1] ?? range.to;
    const sequence = /^-(\s|$)/.test(text(first).slice(indent));
    for (const [index, i] of lines.entries()) {
      const content = text(i).slice(indent);
      if (sequence) {
        if (!/^-(\s|$)/.test(content)) return null;
        const after = content.slice(1);
        const column = indent + 1 + (after.length - after.trimStart().length);
        const rest = after.trim();
        entries.set(String(index), { line: i, column, length: Math.max(1, rest.length), rest, children: rest === '' ? { from: i + 1, to: endOf(index) } : { from: i, to: endOf(index), shift: column } });
      } else {
        const match = KEY.exec(content);
        if (!match) return null;
        const name = keyName(match[1]!);
        if (name === undefined) return null;
        entries.set(name, { line: i, column: indent, length: match[1]!.length, rest: content.slice(match[0].length).trim(), children: { from: i + 1, to: endOf(index) } });
      }
    }
    return entries;
  }
}
