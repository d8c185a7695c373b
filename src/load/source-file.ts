/**
 * A loaded file: its text, its value, and the positions of its nodes. Positions are looked up only
 * when a diagnostic is printed (STYLE.md 5): the YAML syntax tree is walked along the pointer then.
 */
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { splitPointer } from '../diagnostics/diagnostic.js';
import { BlockIndex } from './block-scan.js';
import { jsonSpanOf } from './json-scan.js';
import { requirePackageFile } from '../package-files.js';

export interface Position {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export class SourceFile {
  private tree: { document: Document; lines: LineCounter } | undefined;
  private blockIndex: BlockIndex | undefined;

  constructor(
    /** The path as the user named it, or as a `$ref` reached it. */
    readonly path: string,
    readonly text: string,
    readonly value: unknown,
  ) {}

  /**
   * Where the node at `pointer` is written: for a member of a mapping, its key, or with `part: 'value'`,
   * where its value starts; for an array item, the item. Undefined when the pointer names no node
   * (callers must pass pointers that exist).
   */
  positionOf(pointer: string, part: 'key' | 'value' = 'key'): Position | undefined {
    return this.afterMark(this.positionInText(pointer, part));
  }

  private positionInText(pointer: string, part: 'key' | 'value'): Position | undefined {
    if (/\.json$/i.test(this.path)) {
      const span = jsonSpanOf(this.text, splitPointer(pointer), part);
      if (span) {
        const [start, end] = [this.positionAt(span.start), this.positionAt(span.end)];
        return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
      }
    } else {
      this.blockIndex ??= new BlockIndex(this.lines());
      const scanned = this.blockIndex.find(splitPointer(pointer), part);
      if (scanned)
        return {
          line: scanned.line,
          column: scanned.column,
          endLine: scanned.line,
          endColumn: scanned.column + scanned.length,
        };
    }
    return this.parsedPositionInText(pointer, part);
  }

  /** Columns as editors count them: a byte order mark at the start of the file is not one. */
  private afterMark(position: Position | undefined): Position | undefined {
    if (!position || this.text.charCodeAt(0) !== 0xfeff) return position;
    const { line, column, endLine, endColumn } = position;
    return {
      line,
      column: line === 1 ? column - 1 : column,
      endLine,
      endColumn: endLine === 1 ? endColumn - 1 : endColumn,
    };
  }

  /** The same, from the YAML parser's syntax tree (built on first use): for what the scan cannot read. */
  parsedPositionOf(pointer: string, part: 'key' | 'value' = 'key'): Position | undefined {
    return this.afterMark(this.parsedPositionInText(pointer, part));
  }

  private parsedPositionInText(pointer: string, part: 'key' | 'value'): Position | undefined {
    const { document, lines } = this.syntaxTree();
    let node: unknown = document.contents;
    let range: readonly number[] | undefined = isNode(node) ? (node.range ?? undefined) : undefined;
    // An alias stands for its anchor's node: what is under it is written there.
    const follow = (n: unknown): unknown => (yaml().isAlias(n) ? n.resolve(document) : n);
    const tokens = splitPointer(pointer);
    for (const [step, token] of tokens.entries()) {
      node = follow(node);
      if (yaml().isMap(node)) {
        const pair = memberOf(node, token, follow);
        if (!pair) return undefined;
        const written = part === 'value' && step === tokens.length - 1 ? pair.value : pair.key;
        // An empty value (`key:` and nothing) is placed at its key.
        const at = isNode(written) && written.range && written.range[0] < written.range[1] ? written : pair.key;
        range = isNode(at) ? (at.range ?? undefined) : undefined;
        node = pair.value;
      } else if (yaml().isSeq(node)) {
        const item = node.items[Number(token)];
        if (!/^\d+$/.test(token) || item === undefined) return undefined;
        node = item;
        range = isNode(item) ? (item.range ?? undefined) : undefined;
      } else {
        return undefined;
      }
    }
    if (!range) return undefined;
    const start = lines.linePos(range[0]!);
    const end = lines.linePos(range[1]!);
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  }

  /** The text of line `line` (1-based), without its line break (nor the byte order mark). */
  lineText(line: number): string {
    const text = this.lines()[line - 1] ?? '';
    return line === 1 ? text.replace(/^\ufeff/, '') : text;
  }

  private lineStarts: number[] | undefined;
  /** Line and column (1-based) of an offset. */
  private positionAt(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    const starts = this.lineStarts;
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }

  private lineCache: string[] | undefined;
  private lines(): string[] {
    this.lineCache ??= this.text.split(/\r?\n/);
    return this.lineCache;
  }

  private syntaxTree(): { document: Document; lines: LineCounter } {
    if (!this.tree) {
      const { LineCounter, parseDocument } = yaml();
      const lines = new LineCounter();
      this.tree = { document: parseDocument(this.text, { lineCounter: lines, uniqueKeys: false }), lines };
    }
    return this.tree;
  }
}

/** The `yaml` library, loaded on the first position the line scan cannot give (it is slow to load, and rarely needed). */
let yamlLibrary: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlLibrary ??= requirePackageFile('yaml') as typeof import('yaml');
  return yamlLibrary;
}

function isNode(value: unknown): value is Node {
  return yaml().isNode(value);
}

/** The pair of `map` for `key`, or the one a merge key (`<<: *anchor`) brings in. */
function memberOf(map: YAMLMap, key: string, follow: (n: unknown) => unknown): Pair | undefined {
  const own = map.items.find((p) => yaml().isPair(p) && keyText(p.key) === key);
  if (own) return own;
  for (const merge of map.items.filter((p) => keyText(p.key) === '<<')) {
    for (const source of yaml().isSeq(merge.value) ? merge.value.items : [merge.value]) {
      const merged = follow(source);
      const pair = yaml().isMap(merged) ? memberOf(merged, key, follow) : undefined;
      if (pair) return pair;
    }
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String(key.value);
  return undefined;
}
