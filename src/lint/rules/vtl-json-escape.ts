/**
 * Request data placed inside a JSON string of a mapping template is written as is: a `"` or `\` in it
 * ends the string, breaking the service request or adding fields to it.
 */
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';
import { callerInput, readVtl, requestTemplatesOf, wrappedIn } from './vtl.js';

const ESCAPING = ['$util.escapeJavaScript', '$util.base64Encode', '$util.urlEncode'];

/** Whether `index` is inside a JSON string of its line: an odd number of unescaped `"` before it. */
function inJsonString(text: string, index: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
  return (line.match(/(?<!\\)"/g)?.length ?? 0) % 2 === 1;
}

export default defineRule({
  meta: {
    id: 'vtl-json-escape',
    description:
      'Request data inside a JSON string of a request template must go through $util.escapeJavaScript (or $input.json, which quotes it).',
    severity: 'warn',
    messages: {
      unescaped:
        '`{{expression}}` is written inside a JSON string unescaped{{more}}: a `"` in it ends the string and ' +
        'can add fields to the service request. Write `$util.escapeJavaScript({{expression}}).replaceAll("\\\\\'","\'")` ' +
        "(escapeJavaScript writes ' as \\', which JSON refuses), or `$input.json(…)` without the quotes for body fields.",
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (integration?.type !== 'aws') return;
        for (const template of requestTemplatesOf(integration)) {
          if (!template.contentType.toLowerCase().includes('json')) continue;
          const unescaped = callerInput(readVtl(template.text)).filter(
            (input) => inJsonString(template.text, input.start) && !wrappedIn(template.text, input.start, ESCAPING),
          );
          if (unescaped.length > 0)
            context.report('unescaped', template.pointer, {
              expression: unescaped[0]!.expression,
              more: unescaped.length > 1 ? ` (and ${unescaped.length - 1} more)` : '',
            });
        }
      },
    };
  },
});
