/** `x-amazon-apigateway-request-validator` must name a validator of `x-amazon-apigateway-request-validators`. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'request-validator-unknown',
    description:
      'Request validators named by operations (or the root) must be declared in x-amazon-apigateway-request-validators.',
    severity: 'error',
    messages: { unknown: 'Request validator `{{name}}` is not declared; declared: {{known}}.' },
  },
  create(context) {
    const known = Object.keys((context.document['x-amazon-apigateway-request-validators'] ?? {}) as object);
    const check = (value: unknown, pointer: string): void => {
      if (typeof value === 'string' && !known.includes(value))
        context.report('unknown', pointer, { name: value, known: known.join(', ') || 'none' }, 'value');
    };
    return {
      Document(document) {
        check(document['x-amazon-apigateway-request-validator'], '/x-amazon-apigateway-request-validator');
      },
      Operation(node) {
        check(
          node.operation['x-amazon-apigateway-request-validator'],
          childPointer(node.pointer, 'x-amazon-apigateway-request-validator'),
        );
      },
    };
  },
});
