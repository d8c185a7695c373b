/** Operations anyone on the internet can call. Off in recommended (public endpoints exist); on in strict. */
import { defineRule } from '../rule.js';
import { protectionOf } from './auth.js';

export default defineRule({
  meta: {
    id: 'operation-no-auth',
    description: 'Every operation should be authenticated (an authorizer or IAM); OPTIONS preflights are exempt.',
    severity: 'off',
    strict: 'warn',
    messages: { none: '{{method}} {{path}} can be called without authentication.' },
  },
  create(context) {
    return {
      Operation(node) {
        if (node.key === 'options') return;
        const protection = protectionOf(context, node);
        if (!protection.authenticated && !protection.apiKey)
          context.report('none', node.pointer, { method: node.method, path: node.path });
      },
    };
  },
});
