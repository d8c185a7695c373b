/**
 * A form-encoded body (`Action=SendMessage&MessageBody=…`, SQS and SNS query APIs) needs every value
 * URL-encoded: a `&`, `=` or `+` in the caller's data otherwise cuts the message or adds parameters.
 */
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';
import { callerInput, readVtl, requestTemplatesOf, wrappedIn } from './vtl.js';
import { headerMapping } from './cors.js';
import { templateTextOf } from './template-text.js';

export default defineRule({
  meta: {
    id: 'vtl-form-urlencode',
    description: 'Form-encoded request templates (Action=…&Name=value) must pass request data through $util.urlEncode.',
    severity: 'warn',
    messages: {
      unencoded:
        '`{{expression}}` goes into a form body unencoded: a `&`, `=` or `+` in it cuts the value or adds parameters. Write `$util.urlEncode({{expression}})`.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (integration?.type !== 'aws') return;
        const contentType = templateTextOf(
          headerMapping(integration.value['requestParameters'], 'integration.request', 'Content-Type'),
        );
        const formHeader = contentType?.includes('x-www-form-urlencoded') === true;
        for (const template of requestTemplatesOf(integration)) {
          if (!formHeader && !/(^|&)\s*Action=[A-Za-z]+/.test(template.text.trim())) continue;
          const unencoded = callerInput(readVtl(template.text)).find(
            (input) => !wrappedIn(template.text, input.start, ['$util.urlEncode']),
          );
          if (unencoded) context.report('unencoded', template.pointer, { expression: unencoded.expression }, 'value');
        }
      },
    };
  },
});
