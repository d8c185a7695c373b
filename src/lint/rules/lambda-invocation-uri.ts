/**
 * A Lambda integration's uri, and a Lambda authorizer's authorizerUri, is the function's invocation URI,
 * not the function ARN itself.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { authorizersOf, integrationOf } from './integration.js';

const INVOCATION_URI =
  /:lambda:path\/20(15-03-31|21-11-15)\/functions\/.+\/(invocations|response-streaming-invocations)$/;

/** The invocation URI of the function `arn` (in its partition and Region). */
function invocationUri(arn: string, partition: string, region: string): string {
  return `arn:${partition}:apigateway:${region || '<region>'}:lambda:path/2015-03-31/functions/${arn}/invocations`;
}

export default defineRule({
  meta: {
    id: 'lambda-invocation-uri',
    description:
      'Lambda integrations and authorizers must use the invocation URI arn:…:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations.',
    severity: 'error',
    messages: {
      functionArn: '`{{uri}}` is a function ARN; API Gateway needs its invocation URI: `{{invocationUri}}`.',
      malformed:
        '`{{uri}}` is not a Lambda invocation URI (…:lambda:path/2015-03-31/functions/<function ARN>/invocations).',
    },
  },
  create(context) {
    const check = (uri: unknown, at: string): void => {
      if (typeof uri !== 'string') return;
      const arn = /^arn:([^:]+):lambda:([^:]*):/.exec(uri);
      if (arn) context.report('functionArn', at, { uri, invocationUri: invocationUri(uri, arn[1]!, arn[2]!) }, 'value');
      else if (uri.includes(':lambda:path/') && !INVOCATION_URI.test(uri))
        context.report('malformed', at, { uri }, 'value');
    };
    return {
      Document(document) {
        for (const authorizer of authorizersOf(document))
          check(authorizer.value['authorizerUri'], childPointer(authorizer.pointer, 'authorizerUri'));
      },
      Operation(node) {
        const integration = integrationOf(node);
        if (integration && ['aws', 'aws_proxy'].includes(integration.type))
          check(integration.value['uri'], childPointer(integration.pointer, 'uri'));
      },
    };
  },
});
