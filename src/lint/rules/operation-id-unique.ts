/** operationIds must be unique (API Gateway and SDK generators key methods by them). */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'operation-id-unique',
    description: 'Each operationId must be unique in the document.',
    severity: 'error',
    messages: { duplicate: 'operationId `{{id}}` is also used by {{other}}.' },
  },
  create(context) {
    const seen = new Map<string, string>();
    return {
      Operation(node) {
        const id = node.operation['operationId'];
        if (typeof id !== 'string') return;
        const here = `${node.method} ${node.path}`;
        const first = seen.get(id);
        if (first)
          context.report('duplicate', childPointer(node.pointer, 'operationId'), { id, other: first }, 'value');
        else seen.set(id, here);
      },
    };
  },
});
