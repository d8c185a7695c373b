/** API Gateway model names are alphanumeric; compile renames others, a raw import fails. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'model-name',
    description: 'Schema names in components.schemas should be alphanumeric, as API Gateway model names are.',
    severity: 'warn',
    messages: {
      invalid:
        'Schema name `{{name}}` is not alphanumeric; API Gateway model names are (gateform compile renames it, a direct import fails).',
    },
  },
  create(context) {
    return {
      Document(document) {
        // With x-gateway the compiler renames and says so; this rule speaks for raw specs.
        if (context.model) return;
        const schemas = ((document['components'] as Record<string, unknown> | undefined)?.['schemas'] ?? {}) as object;
        for (const name of Object.keys(schemas))
          if (!/^[A-Za-z0-9]+$/.test(name))
            context.report('invalid', childPointer('/components/schemas', name), { name });
      },
    };
  },
});
