/** Keywords of a body-validated request schema that API Gateway's validator (draft 4) ignores. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { isSchemaObject, walkSchema } from '../../model/schema-walk.js';
import { defineRule } from '../rule.js';
import { validatesBody } from './validation.js';

const IGNORED = ['discriminator', 'exclusiveMinimum', 'exclusiveMaximum', 'nullable'];

export default defineRule({
  meta: {
    id: 'request-model-keywords',
    description: "Request schemas validated by API Gateway should not rely on keywords its draft-4 validator ignores (discriminator, exclusive bounds, nullable, readOnly).",
    severity: 'warn',
    messages: {
      ignored: "API Gateway's request validator ignores `{{keyword}}` here, so it accepts or refuses differently from the spec.",
      readOnly: '`{{name}}` is readOnly, but API Gateway accepts it in requests.',
    },
  },
  create(context) {
    const seen = new Set<string>();
    const visit = (schema: Record<string, unknown>, pointer: string): void => {
      if (seen.has(pointer)) return;
      seen.add(pointer);
      walkSchema(schema, pointer, (node, at) => {
        for (const keyword of IGNORED) if (keyword in node && node[keyword] !== false) context.report('ignored', childPointer(at, keyword), { keyword });
        for (const [name, property] of Object.entries((node['properties'] ?? {}) as Record<string, Record<string, unknown>>)) {
          if (property?.['readOnly'] === true) context.report('readOnly', childPointer(at, 'properties', name, 'readOnly'), { name });
        }
        const ref = node['$ref'];
        const target = typeof ref === 'string' && ref.startsWith('#/') ? context.deref(node) : undefined;
        if (isSchemaObject(target)) visit(target, decodeURIComponent((ref as string).slice(1)));
      });
    };
    return {
      Operation(node) {
        // x-gateway's `validate` is checked by the compiler; this rule covers raw validators.
        if (context.model || !validatesBody(context, node)) return;
        const body = context.deref(node.operation['requestBody']) as Record<string, unknown> | undefined;
        for (const [type, media] of Object.entries((body?.['content'] ?? {}) as Record<string, Record<string, unknown>>)) {
          if (isSchemaObject(media?.['schema'])) visit(media['schema'], childPointer(node.pointer, 'requestBody', 'content', type, 'schema'));
        }
      },
    };
  },
});
