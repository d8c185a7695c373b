/** API Gateway ignores root-level `security`: every operation it meant to protect is open. */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'security-root-ignored',
    description:
      'Root-level security is ignored by API Gateway; declare it per operation (or x-gateway.defaults.auth).',
    severity: 'warn',
    messages: {
      ignored: 'API Gateway ignores the root `security`; operations without their own are not protected by it.',
    },
  },
  create(context) {
    return {
      Document(document) {
        if (
          Array.isArray(document['security']) &&
          document['security'].length > 0 &&
          !context.model?.routes.some((r) => r.auth)
        )
          context.report('ignored', '/security');
      },
    };
  },
});
