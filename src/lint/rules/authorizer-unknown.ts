/** An operation's `security` names schemes that must exist in components.securitySchemes. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock } from '../../model/context.js';
import { defineRule } from '../rule.js';
import { securitySchemesOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'authorizer-unknown',
    description: 'Security requirements must name declared security schemes.',
    severity: 'error',
    messages: {
      unknown: '`{{name}}` is not a security scheme; declared: {{known}}.',
      swagger2:
        '`{{name}}` is declared under `securityDefinitions`, which is Swagger 2.0; OpenAPI 3 reads `components.securitySchemes`.',
      xGateway:
        '`{{name}}` is an x-gateway authorizer, which `security` cannot name: write `x-gateway: { auth: {{name}} }` on the operation instead.',
    },
  },
  create(context) {
    const schemes = Object.keys(securitySchemesOf(context.document));
    return {
      Operation(node) {
        const security = node.operation['security'];
        if (!Array.isArray(security)) return;
        security.forEach((requirement: unknown, i) => {
          for (const name of Object.keys(asBlock(requirement))) {
            if (schemes.includes(name)) continue;
            const swagger2 = Object.hasOwn(asBlock(context.document['securityDefinitions']), name);
            const xGateway = context.model?.access.authorizers.some((a) => a.name === name) === true;
            context.report(
              swagger2 ? 'swagger2' : xGateway ? 'xGateway' : 'unknown',
              childPointer(node.pointer, 'security', i, name),
              { name, known: schemes.join(', ') || 'none' },
            );
          }
        });
      },
    };
  },
});
