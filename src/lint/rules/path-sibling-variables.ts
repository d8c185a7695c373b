/** Sibling path variables with different names under one parent: API Gateway refuses the import. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'path-sibling-variables',
    description: 'Path variables at the same place under one parent must have the same name.',
    severity: 'error',
    messages: {
      conflict:
        'Path variable `{{name}}` conflicts with `{{other}}` at the same level under `{{parent}}` (from `{{otherPath}}`).',
    },
  },
  create(context) {
    return {
      Document(document) {
        const seen = new Map<string, { name: string; path: string }>();
        for (const path of Object.keys((document['paths'] ?? {}) as object)) {
          const segments = path.split('/').filter(Boolean);
          segments.forEach((segment, i) => {
            const match = /^\{([^}+]+)\+?\}$/.exec(segment);
            if (!match) return;
            const parent = '/' + segments.slice(0, i).join('/');
            const first = seen.get(parent);
            if (!first) seen.set(parent, { name: match[1]!, path });
            else if (first.name !== match[1])
              context.report('conflict', childPointer('/paths', path), {
                name: match[1]!,
                other: first.name,
                parent,
                otherPath: first.path,
              });
          });
        }
      },
    };
  },
});
