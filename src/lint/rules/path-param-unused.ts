/** A declared path parameter that the path does not have. */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'path-param-unused',
    description: 'Declared path parameters must appear in the path.',
    severity: 'error',
    messages: { unused: 'Path parameter `{{name}}` is declared, but `{{path}}` has no `{{{name}}}` segment.' },
  },
  create(context) {
    return {
      Operation(node) {
        const variables = [...node.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]);
        for (const p of node.parameters)
          if (p.in === 'path' && !variables.includes(p.name))
            context.report('unused', p.pointer, { name: p.name, path: node.path });
      },
    };
  },
});
