/**
 * Every path variable should be declared as a path parameter (of the operation or its path item). A warning in
 * the recommended preset: API Gateway's import accepts an undeclared one (docs/rules/path-param-undeclared.md).
 */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'path-param-undeclared',
    description: 'Every {variable} of a path should be declared as a path parameter.',
    severity: 'warn',
    strict: 'error',
    messages: {
      undeclared: 'Path parameter `{{name}}` of `{{path}}` is not declared by this operation or its path item.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        for (const match of node.path.matchAll(/\{([^}+]+)\+?\}/g)) {
          const name = match[1]!;
          if (!node.parameters.some((p) => p.in === 'path' && p.name === name))
            context.report('undeclared', node.pointer, { name, path: node.path });
        }
      },
    };
  },
});
