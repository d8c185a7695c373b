/** An operation API Gateway would import without any integration: calls to it fail. */
import { usesXGateway } from '../../model/build-model.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'integration-missing',
    description: 'Every operation needs an x-amazon-apigateway-integration (or an x-gateway integration).',
    severity: 'error',
    messages: { missing: '{{method}} {{path}} has no integration.' },
  },
  create(context) {
    // With x-gateway the compiler reports it under this id, with inheritance resolved.
    const xGateway = context.model !== undefined || usesXGateway(context.document);
    return {
      Operation(node) {
        // Present is enough here: an HTTP API's integration (integrationSubtype) is http-api-extensions' concern.
        if (xGateway || 'x-amazon-apigateway-integration' in node.operation) return;
        context.report('missing', node.pointer, { method: node.method, path: node.path });
      },
    };
  },
});
