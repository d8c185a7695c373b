/** With body validation on, a request body without a schema accepts anything. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { validatesBody } from './validation.js';

export default defineRule({
  meta: {
    id: 'request-body-no-schema',
    description: 'A request body validated by API Gateway needs a schema for each content type.',
    severity: 'warn',
    messages: { noSchema: 'Body validation is on, but the {{type}} request body has no schema: any body is accepted.' },
  },
  create(context) {
    return {
      Operation(node) {
        if (!validatesBody(context, node)) return;
        const body = context.deref(node.operation['requestBody']) as Record<string, unknown> | undefined;
        for (const [type, media] of Object.entries(
          (body?.['content'] ?? {}) as Record<string, Record<string, unknown>>,
        )) {
          if (!media?.['schema'])
            context.report('noSchema', childPointer(node.pointer, 'requestBody', 'content', type), { type });
        }
      },
    };
  },
});
