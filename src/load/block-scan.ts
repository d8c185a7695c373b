/**
 * Find where a JSON pointer's node is written in block-style YAML by scanning lines, without parsing the
 * whole file: a spec of thousands of operations costs a full parse of seconds' share, a scan of the few
 * blocks on the way costs microseconds. Anything it is not sure of (flow collections on the way, anchors,
 * tags, odd keys) gives undefined, and the caller falls back to the YAML parser.
 */
export interface ScannedPosition {
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]}&*!|>%@`,?:-][^#]*?|-[^\s#][^#]*?)\s*:(?:\s|$)/;

function isContent(text: string, from: number): boolean {
  const rest = text.slice(from).trimStart();
  return rest !== '' && !rest.startsWith('#') && !(from === 0 && (text.startsWith('---') || text.startsWith('...')));
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
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

export function scanBlockYaml(lines: readonly string[], tokens: readonly string[]): ScannedPosition | undefined {
  let from = 0;
  let to = lines.length;
  /** Column where the first line of the range starts its content (a sequence item's `- key:` line). */
  let shift: number | undefined;
  let position: ScannedPosition | undefined;
  const line = (i: number): string => (i === from && shift !== undefined ? ' '.repeat(shift) + lines[i]!.slice(shift) : lines[i]!);
  const endOf = (start: number, indent: number): number => {
    for (let i = start; i < to; i += 1) if (isContent(line(i), 0) && indentOf(line(i)) <= indent) return i;
    return to;
  };
  for (const [step, token] of tokens.entries()) {
    let first = from;
    while (first < to && !isContent(line(first), 0)) first += 1;
    if (first >= to) return undefined;
    const indent = indentOf(line(first));
    const head = line(first).slice(indent);
    if (/^-(\s|$)/.test(head)) {
      if (!/^\d+$/.test(token)) return undefined;
      let seen = -1;
      let found = -1;
      for (let i = first; i < to; i += 1) {
        const text = line(i);
        if (!isContent(text, 0)) continue;
        if (indentOf(text) < indent) break;
        if (indentOf(text) === indent && /^-(\s|$)/.test(text.slice(indent)) && (seen += 1) === Number(token)) {
          found = i;
          break;
        }
      }
      if (found < 0) return undefined;
      const after = line(found).slice(indent + 1);
      const content = indent + 1 + (after.length - after.trimStart().length);
      position = { line: found + 1, column: content + 1, length: Math.max(1, after.trim().length) };
      const end = endOf(found + 1, indent);
      if (after.trim() === '') {
        [from, to, shift] = [found + 1, end, undefined];
      } else {
        if (step < tokens.length - 1 && /^[[{&*!|>]/.test(after.trim())) return undefined;
        [from, to, shift] = [found, end, content];
      }
      continue;
    }
    let found = -1;
    let rest = '';
    for (let i = first; i < to; i += 1) {
      const text = line(i);
      if (!isContent(text, 0)) continue;
      const at = indentOf(text);
      if (at < indent) break;
      if (at > indent) continue;
      const match = KEY.exec(text.slice(indent));
      if (!match) return undefined;
      if (keyName(match[1]!) === token) {
        found = i;
        rest = text.slice(indent + match[0].length).trim();
        position = { line: i + 1, column: indent + 1, length: match[1]!.length };
        break;
      }
    }
    if (found < 0) return undefined;
    const last = step === tokens.length - 1;
    if (!last && rest !== '' && !rest.startsWith('#')) return undefined;
    [from, to, shift] = [found + 1, endOf(found + 1, indent), undefined];
  }
  return position;
}
