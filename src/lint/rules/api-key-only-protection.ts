/** API keys identify and meter callers; they are not authentication (they travel in clear and are shared). */
import { defineRule } from '../rule.js';
import { protectionOf } from './auth.js';

export default defineRule({
  meta: {
    id: 'api-key-only-protection',
    description:
      'An operation must not rely on an API key alone: keys identify callers, they do not authenticate them.',
    severity: 'warn',
    messages: {
      keyOnly:
        '{{method}} {{path}} is protected by an API key alone. API keys identify and meter callers; they do not authenticate them.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const protection = protectionOf(context, node);
        if (protection.apiKey && !protection.authenticated)
          context.report('keyOnly', node.pointer, { method: node.method, path: node.path });
      },
    };
  },
});
