/** A greedy path variable (`{proxy+}`) must be the last segment. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'path-greedy-not-last',
    description: 'A greedy path variable such as {proxy+} must be the last segment of its path.',
    severity: 'error',
    messages: {
      notLast: 'Greedy variable `{{segment}}` is followed by more segments; API Gateway allows it only at the end.',
    },
  },
  create(context) {
    return {
      Document(document) {
        for (const path of Object.keys((document['paths'] ?? {}) as object)) {
          const segments = path.split('/').filter(Boolean);
          const greedy = segments.findIndex((s) => /^\{[^}]+\+\}$/.test(s));
          if (greedy >= 0 && greedy < segments.length - 1)
            context.report('notLast', childPointer('/paths', path), { segment: segments[greedy]! });
        }
      },
    };
  },
});
