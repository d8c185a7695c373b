/**
 * Keywords of a request schema, validated by a raw request validator, that API Gateway's validator (JSON
 * Schema draft 4) ignores or that its import cannot convert: the model's own checks, run on raw specs.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { isSchemaObject } from '../../model/schema-walk.js';
import { checkModelSchema, type ModelFindingCode } from '../../model/validation.js';
import { defineRule } from '../rule.js';
import { routeOf } from './auth.js';
import { validatesBody } from './validation.js';

const MESSAGE_IDS = {
  'model-keyword-ignored': 'ignored',
  'model-keyword-dropped': 'dropped',
  'model-keyword-unsupported': 'unsupported',
  'unresolved-ref': 'unresolved',
} as const satisfies Record<ModelFindingCode, string>;

export default defineRule({
  meta: {
    id: 'request-model-keywords',
    description:
      'Request schemas validated by API Gateway should not rely on keywords its draft-4 validator ignores ' +
      '(discriminator, exclusive bounds, readOnly, array lengths) or that OpenAPI 3.0 cannot say.',
    severity: 'warn',
    messages: { ignored: '{{message}}', dropped: '{{message}}', unsupported: '{{message}}', unresolved: '{{message}}' },
  },
  create(context) {
    // Each schema once, however many operations or references lead to it.
    const seen = new Set<string>();
    const checker = {
      document: context.document,
      deref: context.deref,
      report: (code: ModelFindingCode, _severity: unknown, message: string, pointer: string): void =>
        context.report(MESSAGE_IDS[code], pointer, { message }),
    };
    return {
      Operation(node) {
        // Validation set by x-gateway's `validate` is checked by the compiler; this rule covers raw validators.
        if (routeOf(context, node)?.validate !== undefined || !validatesBody(context, node)) return;
        const body = context.deref(node.operation['requestBody']) as Record<string, unknown> | undefined;
        for (const [type, media] of Object.entries(
          (body?.['content'] ?? {}) as Record<string, Record<string, unknown>>,
        )) {
          if (isSchemaObject(media?.['schema']))
            checkModelSchema(
              checker,
              media['schema'],
              childPointer(node.pointer, 'requestBody', 'content', type, 'schema'),
              context.version,
              seen,
            );
        }
      },
    };
  },
});
