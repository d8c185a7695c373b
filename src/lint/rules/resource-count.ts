/** API Gateway's default quota is 300 resources (path segments) per REST API. */
import { defineRule } from '../rule.js';

const QUOTA = 300;

export default defineRule({
  meta: {
    id: 'resource-count',
    description: 'A REST API may have at most 300 resources unless the quota is raised.',
    severity: 'warn',
    messages: { over: 'The API has {{count}} resources; the default quota is 300 per REST API.' },
  },
  create(context) {
    return {
      Document(document) {
        const resources = new Set<string>(['/']);
        for (const path of Object.keys((document['paths'] ?? {}) as object)) {
          const segments = path.split('/').filter(Boolean);
          for (let i = 1; i <= segments.length; i += 1) resources.add('/' + segments.slice(0, i).join('/'));
        }
        if (resources.size > QUOTA) context.report('over', '/paths', { count: resources.size });
      },
    };
  },
});
