/** API Gateway path segments: alphanumerics, `_ - . , :`, and whole-segment `{variables}`. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'path-invalid-characters',
    description: 'Path segments may hold only alphanumerics, _ - . , : and whole-segment {variables}.',
    severity: 'error',
    messages: {
      character: 'Segment `{{segment}}` of `{{path}}` has characters API Gateway refuses.',
      partial: 'Segment `{{segment}}` mixes text and a variable; API Gateway takes a variable only as a whole segment.',
      trailing: 'Path `{{path}}` ends with `/`; API Gateway resources have no trailing slash.',
    },
  },
  create(context) {
    return {
      Document(document) {
        for (const path of Object.keys((document['paths'] ?? {}) as object)) {
          const pointer = childPointer('/paths', path);
          if (path.length > 1 && path.endsWith('/')) context.report('trailing', pointer, { path });
          for (const segment of path.split('/').filter(Boolean)) {
            if (/^\{[A-Za-z0-9_.-]+\+?\}$/.test(segment)) continue;
            if (/[{}]/.test(segment)) context.report('partial', pointer, { segment });
            else if (!/^[A-Za-z0-9_.,:-]+$/.test(segment)) context.report('character', pointer, { segment, path });
          }
        }
      },
    };
  },
});
