/** A Lambda integration's uri is the function's invocation URI, not the function ARN itself. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'lambda-invocation-uri',
    description: 'Lambda integrations must use the invocation URI arn:…:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations.',
    severity: 'error',
    messages: {
      functionArn: '`{{uri}}` is a function ARN; API Gateway needs its invocation URI.',
      malformed: '`{{uri}}` is not a Lambda invocation URI (…:lambda:path/2015-03-31/functions/<function ARN>/invocations).',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        const uri = integration?.value['uri'];
        if (!integration || typeof uri !== 'string' || !['aws', 'aws_proxy'].includes(integration.type)) return;
        const at = childPointer(integration.pointer, 'uri');
        if (/^arn:[^:]+:lambda:/.test(uri)) context.report('functionArn', at, { uri });
        else if (uri.includes(':lambda:path/') && !/:lambda:path\/20(15-03-31|21-11-15)\/functions\/.+\/(invocations|response-streaming-invocations)$/.test(uri)) context.report('malformed', at, { uri });
      },
    };
  },
});
