/** HTTP backends in clear text: requests (and credentials in them) cross the network unencrypted. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { isBlock } from '../../model/context.js';
import type { JsonObject } from '../../load/load-document.js';
import { defineRule, type OperationNode } from '../rule.js';
import { httpIntegrationOf, integrationOf } from './integration.js';
import { routeOf } from './auth.js';

export default defineRule({
  meta: {
    id: 'http-backend-insecure',
    description: 'HTTP backends should use https:// (a VPC link keeps traffic private, but it is still unencrypted).',
    severity: 'warn',
    messages: { http: 'The backend `{{uri}}` is plain http://: requests reach it unencrypted.' },
  },
  create(context) {
    return {
      Operation(node) {
        const route = routeOf(context, node);
        if (route?.integration.kind === 'http') {
          const url = route.integration.url;
          const text = url.kind === 'literal' ? url.value : url.kind === 'sub' ? url.template : '';
          if (!text.startsWith('http://')) return;
          const written = urlPointer(context.document, node);
          if (written === undefined) context.report('http', node.pointer, { uri: text });
          else context.report('http', written, { uri: text }, 'value');
          return;
        }
        const integration = integrationOf(node) ?? httpIntegrationOf(node);
        const uri = integration?.value['uri'];
        if (integration && typeof uri === 'string' && uri.startsWith('http://'))
          context.report('http', childPointer(integration.pointer, 'uri'), { uri }, 'value');
      },
    };
  },
});

/**
 * Where the operation's backend URL is written: in its own `x-gateway` block or its path item's; undefined
 * when it comes from the root `defaults`.
 */
function urlPointer(document: JsonObject, node: OperationNode): string | undefined {
  const paths = document['paths'];
  const pathItem = isBlock(paths) ? paths[node.path] : undefined;
  const places = [
    { block: node.operation['x-gateway'], pointer: node.pointer },
    { block: isBlock(pathItem) ? pathItem['x-gateway'] : undefined, pointer: childPointer('/paths', node.path) },
  ];
  for (const { block, pointer } of places) {
    const integration = isBlock(block) ? block['integration'] : undefined;
    if (isBlock(integration) && 'http' in integration) return childPointer(pointer, 'x-gateway', 'integration', 'http');
  }
  return undefined;
}
