/**
 * A REST API answers the CORS preflight only where an OPTIONS method exists (or ANY, which takes it):
 * elsewhere, a browser's preflighted request fails before Access-Control-Allow-Origin is ever read.
 * A request is preflighted when its method is not GET, HEAD or POST, when it carries a header such as
 * Authorization or x-api-key, or a JSON body. https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
import { asBlock } from '../../model/context.js';
import { defineRule, type OperationNode, type RuleContext } from '../rule.js';
import { protectionOf } from './auth.js';
import { allowOriginOf, corsByXGateway } from './cors.js';

const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Why browsers preflight calls of this operation, or undefined when a simple request can make them. */
function preflightReason(context: RuleContext<string>, node: OperationNode): string | undefined {
  if (!['get', 'head', 'post'].includes(node.key)) return `${node.key.toUpperCase()} is not a simple method`;
  const { authenticated, apiKey } = protectionOf(context, node);
  if (authenticated || apiKey) return `its ${authenticated ? 'credentials' : 'API key'} travel in a header`;
  const header = node.parameters.find((p) => p.in === 'header');
  if (header) return `it takes the \`${header.name}\` header`;
  const body = asBlock(asBlock(context.deref(node.operation['requestBody']))['content']);
  const type = Object.keys(body).find((t) => !SIMPLE_TYPES.includes(t.toLowerCase()));
  return type === undefined ? undefined : `its body is ${type}`;
}

export default defineRule({
  meta: {
    id: 'cors-options-missing',
    description:
      'A path whose responses set Access-Control-Allow-Origin for preflighted requests needs an OPTIONS method (or ANY) to answer the preflight.',
    severity: 'warn',
    messages: {
      missing:
        '{{method}} {{path}} sends Access-Control-Allow-Origin, but browsers preflight it ({{reason}}) and ' +
        '{{path}} has no OPTIONS method: the call fails. Add an `options` operation with a `mock` integration ' +
        'returning the Access-Control-Allow-* headers.',
    },
  },
  create(context) {
    const reported = new Set<string>();
    const skip = corsByXGateway(context.document);
    return {
      Operation(node) {
        if (skip || node.apiType !== 'rest' || reported.has(node.path)) return;
        if (allowOriginOf(node, context.deref) === undefined) return;
        const item = asBlock(context.deref(asBlock(context.document['paths'])[node.path]));
        if (Object.hasOwn(item, 'options') || Object.hasOwn(item, 'x-amazon-apigateway-any-method')) return;
        const reason = preflightReason(context, node);
        if (reason === undefined) return;
        reported.add(node.path);
        context.report('missing', node.pointer, { method: node.key.toUpperCase(), path: node.path, reason });
      },
    };
  },
});
