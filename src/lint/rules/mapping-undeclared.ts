/**
 * A mapping reads only method request parameters the operation declares, and writes only response
 * headers its method response declares; import refuses anything else ("Invalid mapping expression
 * parameter specified: method.request.header.origin").
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock } from '../../model/context.js';
import { defineRule, type OperationNode } from '../rule.js';
import { integrationOf } from './integration.js';
import { declaredResponseHeaders, mappingsOf, methodRequestParameter } from './mapping.js';

export default defineRule({
  meta: {
    id: 'mapping-undeclared',
    description:
      'Parameter mappings (and cache keys) may read only declared method request parameters, and set only response headers the method response declares.',
    severity: 'error',
    messages: {
      source:
        '`{{expression}}` is not a declared parameter of this operation: import fails with "Invalid mapping ' +
        'expression". Declare it: `parameters: [{ name: {{name}}, in: {{in}}, {{type}} }]`.',
      target:
        '`{{expression}}` is not declared on the {{status}} response: import fails with "Invalid mapping ' +
        'expression". Declare it: `responses: { "{{status}}": { headers: { {{name}}: { {{type}} } } } }`.',
    },
  },
  create(context) {
    // Swagger 2.0 writes a parameter's or header's type on it; OpenAPI 3 in its schema.
    const type = context.swagger ? 'type: string' : 'schema: { type: string }';
    /** Whether `location`/`name` is a parameter of the operation (header names case-insensitive). */
    const declared = (node: OperationNode, location: string, name: string): boolean =>
      (location === 'path' && node.path.includes(`{${name}}`)) ||
      node.parameters.some(
        (p) =>
          p.in === location && (location === 'header' ? p.name.toLowerCase() === name.toLowerCase() : p.name === name),
      );
    const checkSource = (node: OperationNode, expression: string, pointer: string): void => {
      const parameter = methodRequestParameter(expression);
      if (parameter && !declared(node, parameter.location, parameter.name))
        context.report('source', pointer, { expression, name: parameter.name, in: parameter.location, type });
    };
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (!integration) return;
        const responses = asBlock(integration.value['responses']);
        for (const mapping of mappingsOf(integration)) {
          if (mapping.side === 'request') {
            if (mapping.value !== undefined) checkSource(node, mapping.value, mapping.pointer);
            continue;
          }
          if (integration.type.endsWith('_proxy')) continue; // proxy integrations ignore `responses`
          const header = /^method\.response\.header\.(.+)$/.exec(mapping.key);
          if (!header) continue;
          const status = String(asBlock(responses[mapping.selection!])['statusCode'] ?? '');
          // A status with no method response is integration-response-undeclared's finding.
          const headers = declaredResponseHeaders(node, status, context.deref);
          if (headers && !headers.has(header[1]!.toLowerCase()))
            context.report('target', mapping.pointer, { expression: mapping.key, status, name: header[1]!, type });
        }
        const keys = integration.value['cacheKeyParameters'];
        if (Array.isArray(keys))
          keys.forEach((key, i) => {
            if (typeof key === 'string')
              checkSource(node, key, childPointer(integration.pointer, 'cacheKeyParameters', i));
          });
      },
    };
  },
});
