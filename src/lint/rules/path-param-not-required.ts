/** Path parameters are always present: OpenAPI requires `required: true`, and API Gateway validates them so. */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'path-param-not-required',
    description: 'Path parameters must say required: true.',
    severity: 'error',
    messages: { notRequired: 'Path parameter `{{name}}` must be `required: true`.' },
  },
  create(context) {
    return {
      Operation(node) {
        for (const p of node.parameters)
          if (p.in === 'path' && !p.required) context.report('notRequired', p.pointer, { name: p.name });
      },
    };
  },
});
