/** Write a template as YAML with CloudFormation short-form tags, or as JSON. */
import { Document, isMap, isPair, isScalar, isSeq, type Node, Scalar, visit } from 'yaml';

export type OutputFormat = 'yaml' | 'json';

export function serializeTemplate(template: unknown, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(template, null, 2) + '\n';
  const document = new Document(template, { aliasDuplicateObjects: false });
  visit(document, {
    Pair(_, pair) {
      // YAML 1.1 readers (cfn-lint among them) would take an unquoted 2010-09-09 for a date.
      if (isScalar(pair.value) && typeof pair.value.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(pair.value.value)) {
        pair.value.type = Scalar.QUOTE_DOUBLE;
      }
      return undefined;
    },
    Map(_, node) {
      if (node.items.length !== 1) return undefined;
      const pair = node.items[0]!;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const tag = shortTag(key);
      if (!tag || !isNode(pair.value)) return undefined;
      const value = pair.value;
      // `Fn::GetAtt: [Resource, Attr]` reads best as `!GetAtt Resource.Attr`.
      if (key === 'Fn::GetAtt' && isSeq(value) && value.items.length === 2 && value.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
        const short = document.createNode(value.items.map((i) => (isScalar(i) ? String(i.value) : '')).join('.'));
        short.tag = tag;
        return short;
      }
      value.tag = tag;
      return value;
    },
  });
  return document.toString({ lineWidth: 0, indentSeq: true });
}

function shortTag(key: string): string | undefined {
  if (key === 'Ref' || key === 'Condition') return `!${key}`;
  if (key.startsWith('Fn::') && key !== 'Fn::Transform') return `!${key.slice(4)}`;
  return undefined;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isPair(value);
}
