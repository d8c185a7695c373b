/**
 * Pages of a DynamoDB Query or Scan: the page size a request asks for (`limit`, capped at `maxLimit`) and
 * the page to start at (`startKey`), an opaque token the previous page answered with as `next`.
 *
 * The token is attacker-controlled text, so it never reaches DynamoDB as written: it is the values of the
 * declared key attributes only, each base64url-encoded (an S or N value's UTF-8 text, a B value's bytes),
 * joined with `.`. The request template checks its length and alphabet, splits it into exactly as many
 * parts as there are attributes, checks each is canonical base64, decodes it and writes it as a typed
 * attribute value: an S value JSON-escaped, an N value only if it is a number, a B value only if it is
 * base64. A token that fails any check sends `"Limit": 0`, which DynamoDB refuses (400).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { asBlock, type Block, type ModelContext, type RouteScope } from '../model/context.js';
import type { DynamoDbAttribute, DynamoDbKeyAttribute, DynamoDbPage } from '../model/ir.js';
import { escapeJson, templateValue } from './request-values.js';
import { requestValue } from './service-values.js';

/** The keys of a Query or Scan that page it. */
export const PAGE_OPTIONS = ['limit', 'maxLimit', 'startKey'] as const;

/** The Limit when `limit` is given without `maxLimit`. */
export const DEFAULT_MAX_LIMIT = 100;

/**
 * The longest part of a token: a key attribute's value is at most 2048 bytes (a partition key's limit,
 * above a sort key's 1024), 2732 characters in base64.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
 */
export const MAX_PART_LENGTH = 4 * Math.ceil(2048 / 3);

/** A part of a token: base64url with its padding, canonical (the bits after the last byte are zero). */
const PART = '[A-Za-z0-9_-]*([A-Za-z0-9_-]|[AQgw]==|[AEIMQUYcgkosw048]=)';
/** An N value: what DynamoDB answers for a number (it refuses a number it cannot store). */
const NUMBER = '-?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?';

/** Read `limit`, `maxLimit` and `startKey` of a Query or Scan (`key`: a Query's key condition). */
export function parsePage(
  ctx: ModelContext,
  block: Block,
  pointer: string,
  scope: RouteScope,
  key: readonly DynamoDbAttribute[],
): DynamoDbPage | undefined {
  if (!PAGE_OPTIONS.some((option) => option in block)) return undefined;
  const at = (...keys: string[]): string => childPointer(pointer, ...keys);
  const fromRequest = (raw: unknown, where: string, what: string): string => {
    const value = requestValue(ctx, scope, raw, where);
    if (value.startsWith("'"))
      ctx.report(
        'dynamodb-page',
        'error',
        `${what} comes from the request: a literal is always the same.`,
        where,
        what === '`limit`'
          ? 'Write the page size as `maxLimit: <n>`, or take `limit` from the request (query.limit).'
          : 'Take it from the request: `from: query.next`.',
      );
    return value;
  };
  const limit = 'limit' in block ? fromRequest(block['limit'], at('limit'), '`limit`') : undefined;
  const maxLimit =
    typeof block['maxLimit'] === 'number' ? block['maxLimit'] : limit !== undefined ? DEFAULT_MAX_LIMIT : undefined;
  const start = 'startKey' in block ? asBlock(block['startKey']) : undefined;
  const attributes: DynamoDbKeyAttribute[] = Object.entries(asBlock(start?.['attributes'])).map(([name, type]) => ({
    name,
    type: type as DynamoDbKeyAttribute['type'],
  }));
  // A Query's LastEvaluatedKey holds the attributes of its key condition: a token without one cannot resume it.
  for (const attribute of start ? key : []) {
    const declared = attributes.find((a) => a.name === attribute.name);
    if (declared?.type === attribute.type) continue;
    ctx.report(
      'dynamodb-page',
      'error',
      declared
        ? `\`startKey.attributes\` gives \`${attribute.name}\` the type ${declared.type}, but the query's key reads it as ${attribute.type}.`
        : `\`startKey.attributes\` lacks \`${attribute.name}\`, which the query's key reads: the page token could not hold where the page ended.`,
      at('startKey', 'attributes'),
      'List every key attribute of the table, and of the index if one is named, with its type (S, N or B).',
    );
  }
  return {
    ...(limit !== undefined && { limit }),
    ...(maxLimit !== undefined && { maxLimit }),
    ...(start && {
      startKey: { from: fromRequest(start['from'], at('startKey', 'from'), '`startKey.from`'), attributes },
    }),
  };
}

/** What the request and response templates of a paged Query or Scan need (templates/dynamodb/page-*.vtl.hbs). */
export function pageTemplate(page: DynamoDbPage) {
  const parts = page.startKey?.attributes.length ?? 0;
  return {
    // Whether a Limit is sent (else DynamoDB reads up to 1 MB of items).
    sized: page.maxLimit !== undefined,
    maxLimit: page.maxLimit,
    maxDigits: String(page.maxLimit ?? '').length,
    limit: page.limit === undefined ? undefined : templateValue(page.limit, '$pageSize'),
    start: page.startKey && {
      ...templateValue(page.startKey.from, '$pageToken'),
      maxLength: parts * MAX_PART_LENGTH + parts - 1,
      partLength: MAX_PART_LENGTH,
      // Only the alphabet, and exactly `parts` parts: each is then checked for canonical base64.
      pattern: `[A-Za-z0-9_=-]+${'([.][A-Za-z0-9_=-]+)'.repeat(parts - 1)}`,
      part: PART,
      number: NUMBER,
      attributes: page.startKey.attributes.map((attribute, index) => ({
        name: attribute.name,
        type: attribute.type,
        variable: `$pageKey${index}`,
        // A B part is the value itself (base64); an S or N part is its text, base64-encoded.
        decoded: attribute.type !== 'B',
        numeric: attribute.type === 'N',
        // The decoded value inside the request's JSON: an S value escaped, an N or B value checked first.
        value: attribute.type === 'S' ? escapeJson(`$pageKey${index}`) : `$pageKey${index}`,
        // Its part of the next page's token, from the LastEvaluatedKey in `$last`.
        encode: `${
          attribute.type === 'B'
            ? `$last.get('${attribute.name}').B`
            : `$util.base64Encode($last.get('${attribute.name}').${attribute.type})`
        }.replace("+", "-").replace("/", "_")`,
      })),
      next: page.startKey.attributes.map((_, index) => `\${pageNext${index}}`).join('.'),
    },
  };
}
