/**
 * Parameter mapping expressions of REST integrations: which keys and values API Gateway accepts.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock, isBlock } from '../../model/context.js';
import type { OperationNode } from '../rule.js';
import type { IntegrationNode } from './integration.js';
import { templateTextOf } from './template-text.js';

/** A mapping on one integration: `key: value` of requestParameters or of one response's responseParameters. */
export interface Mapping {
  readonly side: 'request' | 'response';
  readonly key: string;
  /** The value's text (an `Fn::Sub` template's), or undefined for an intrinsic that cannot be read. */
  readonly value: string | undefined;
  readonly pointer: string;
  /** The response's key in `responses` (a selection pattern or `default`), for the response side. */
  readonly selection?: string;
}

/** Every parameter mapping of an integration, request side first. */
export function mappingsOf(integration: IntegrationNode): Mapping[] {
  const mappings: Mapping[] = [];
  const collect = (block: unknown, side: Mapping['side'], pointer: string, selection?: string): void => {
    if (!isBlock(block)) return;
    for (const [key, value] of Object.entries(block))
      mappings.push({
        side,
        key,
        value: templateTextOf(value),
        pointer: childPointer(pointer, key),
        ...(selection !== undefined && { selection }),
      });
  };
  collect(integration.value['requestParameters'], 'request', childPointer(integration.pointer, 'requestParameters'));
  for (const [selection, response] of Object.entries(asBlock(integration.value['responses'])))
    collect(
      asBlock(response)['responseParameters'],
      'response',
      childPointer(integration.pointer, 'responses', selection, 'responseParameters'),
      selection,
    );
  return mappings;
}

/**
 * `method.request.header.X` → `{ location: 'header', name: 'X' }`, with the location as OpenAPI's `in`
 * spells it (`querystring` is `query`); `multivalue` forms read as their location.
 */
export function methodRequestParameter(expression: string): { location: string; name: string } | undefined {
  const match = /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/.exec(
    expression,
  );
  if (!match) return undefined;
  const location = match[1]!.replace('multivalue', '');
  return { location: location === 'querystring' ? 'query' : location, name: match[2]! };
}

const NAME = '[^.\\s]+';
const REQUEST_TARGET = new RegExp(
  `^integration\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.${NAME}$`,
);
const RESPONSE_TARGET = new RegExp(`^method\\.response\\.header\\.${NAME}$`);
const SHARED_SOURCE = new RegExp(`^('.*'|stageVariables\\.${NAME}|context\\.[A-Za-z0-9_.-]+)$`, 's');
const REQUEST_SOURCE = new RegExp(
  `^method\\.request\\.((path|querystring|header|multivaluequerystring|multivalueheader)\\.${NAME}|body(\\..+)?)$`,
);
const RESPONSE_SOURCE = new RegExp(`^integration\\.response\\.((header|multivalueheader)\\.${NAME}|body(\\..+)?)$`);

export function isValidTarget(side: Mapping['side'], key: string): boolean {
  return (side === 'request' ? REQUEST_TARGET : RESPONSE_TARGET).test(key);
}

export function isValidSource(side: Mapping['side'], value: string): boolean {
  return SHARED_SOURCE.test(value) || (side === 'request' ? REQUEST_SOURCE : RESPONSE_SOURCE).test(value);
}

/** The names of the headers an operation declares on its response `status` (`$ref`s followed), lower-cased. */
export function declaredResponseHeaders(
  node: OperationNode,
  status: string,
  deref: (node: unknown) => unknown,
): Set<string> | undefined {
  const responses = asBlock(node.operation['responses']);
  if (!Object.hasOwn(responses, status)) return undefined;
  const response = deref(responses[status]);
  return new Set(Object.keys(asBlock(asBlock(response)['headers'])).map((h) => h.toLowerCase()));
}
