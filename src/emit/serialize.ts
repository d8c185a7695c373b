/**
 * Write a template as YAML with CloudFormation short-form tags (`!Ref`, `!GetAtt A.B`, `!Sub …`), or as
 * JSON. The YAML writer is small and direct: templates are plain JSON data, and a general YAML library
 * spends most of a large compile building its document model.
 *
 * Strings are written plain only when every YAML reader (YAML 1.1 ones such as cfn-lint's too) reads
 * them back as the same string; otherwise double-quoted (JSON string syntax is valid YAML), or as a
 * literal block when they span lines.
 */
export type OutputFormat = 'yaml' | 'json';

export function serializeTemplate(template: unknown, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(template, null, 2) + '\n';
  const lines: string[] = [];
  writeBlock(template, 0, lines);
  return lines.join('\n') + '\n';
}

type Value = unknown;

function isObject(value: Value): value is Record<string, Value> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `{ Ref: X }` → ['!Ref', X]; `{ 'Fn::Sub': … }` → ['!Sub', …]; `Fn::GetAtt [A, B]` → ['!GetAtt', 'A.B']. */
function shortForm(value: Value): [string, Value] | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  const inner = value[key];
  if (key === 'Ref' || key === 'Condition') return [`!${key}`, inner];
  if (!key.startsWith('Fn::') || key === 'Fn::Transform') return undefined;
  if (key === 'Fn::GetAtt' && Array.isArray(inner) && inner.length === 2 && inner.every((p) => typeof p === 'string')) {
    return ['!GetAtt', `${inner[0]}.${inner[1]}`];
  }
  return [`!${key.slice(4)}`, inner];
}

function isEmptyCollection(value: Value): boolean {
  return (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
}

/** A value that fits after `key: ` or `- ` on the same line, or undefined when it needs a block. */
function inline(value: Value, indent: number): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.includes('\n') ? literalBlock(value, indent) : scalar(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (Object.keys(value).length === 0) return '{}';
  const tagged = shortForm(value);
  if (tagged) {
    const [tag, inner] = tagged;
    const rest = inline(inner, indent);
    if (rest !== undefined && !rest.startsWith('|')) return `${tag} ${rest}`;
  }
  return undefined;
}

/** Write a mapping or sequence as block lines at `indent`. */
function writeBlock(value: Value, indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value) writeEntry(`${pad}- `, item, indent + 2, lines, true);
    return;
  }
  if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      writeEntry(`${pad}${scalar(key)}:`, item, indent + 2, lines, false);
    }
  }
}

/** One `key: value` or `- value` entry; `head` is what precedes the value on its line. */
function writeEntry(head: string, value: Value, childIndent: number, lines: string[], inSequence: boolean): void {
  const separator = inSequence ? '' : ' ';
  const short = inline(value, childIndent);
  if (short !== undefined) {
    if (short.startsWith('|')) {
      const [first, ...rest] = short.split('\n');
      lines.push(`${head}${separator}${first}`, ...rest);
    } else {
      lines.push(`${head}${separator}${short}`);
    }
    return;
  }
  const tagged = shortForm(value);
  if (tagged) {
    const [tag, inner] = tagged;
    if (typeof inner === 'string') {
      // A tag on a multi-line string: `!Sub |` and the block.
      const [first, ...rest] = literalBlock(inner, childIndent).split('\n');
      lines.push(`${head}${separator}${tag} ${first}`, ...rest);
      return;
    }
    lines.push(`${head}${separator}${tag}`);
    writeBlock(inner, childIndent, lines);
    return;
  }
  if (inSequence && isObject(value) && !isEmptyCollection(value)) {
    // `- key: value` with the following keys aligned under the first.
    const nested: string[] = [];
    writeBlock(value, childIndent, nested);
    lines.push(head + nested[0]!.slice(childIndent), ...nested.slice(1));
    return;
  }
  lines.push(inSequence ? head.trimEnd() : head);
  writeBlock(value, childIndent, lines);
}

/** Words YAML 1.1 or 1.2 readers take for booleans or null. */
const RESERVED = /^(?:y|yes|n|no|true|false|on|off|null|~)$/i;
/** Starts like a number, date or time in YAML 1.1 or 1.2. */
const NUMBER_LIKE = /^[-+.]?(?:\d|\.(?:inf|nan)$)/i;
const PLAIN_FIRST = /^[A-Za-z_/$(]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a plain scalar cannot hold.
const PLAIN_REST = /^[^\u0000-\u001f\u007f-\u009f"'`]*$/u;

export function scalar(text: string): string {
  const plain =
    text.length > 0 &&
    PLAIN_FIRST.test(text) &&
    PLAIN_REST.test(text) &&
    !RESERVED.test(text) &&
    !NUMBER_LIKE.test(text) &&
    text === text.trim() &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !text.endsWith(':') &&
    !/[\u2028\u2029\ufeff]/.test(text);
  return plain ? text : JSON.stringify(text);
}

/**
 * A literal block (`|-`, `|`, `|+` for no, one, several final line breaks) keeps a multi-line string as
 * written. What a literal block cannot carry exactly (control characters, a first line that starts with
 * white space or is empty) is double-quoted instead.
 */
function literalBlock(text: string, indent: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a literal block cannot carry.
  if (/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029\ufeff]/.test(text) || /^[\s]/.test(text))
    return JSON.stringify(text);
  const content = text.replace(/\n+$/, '');
  const trailing = text.length - content.length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const pad = ' '.repeat(indent);
  const lines = content.split('\n').map((line) => (line === '' ? '' : pad + line));
  for (let n = 1; n < trailing; n += 1) lines.push('');
  return [`|${chomp}`, ...lines].join('\n');
}
