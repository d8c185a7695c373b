/** Integration URIs: present except for mock; HTTP ones absolute with ports 80, 443 or above 1024; AWS ones `arn:…:apigateway:…`. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'integration-uri',
    description: 'Integrations other than mock need a uri of the form their type requires.',
    severity: 'error',
    messages: {
      missing: 'A `{{type}}` integration needs a `uri`.',
      http: '`{{uri}}` is not an absolute http(s) URL, which a `{{type}}` integration needs.',
      port: 'Port {{port}} is not allowed for HTTP integrations (80, 443, or above 1024).',
      aws: '`{{uri}}` is not an API Gateway service URI (arn:<partition>:apigateway:<region>:<service>:action/… or :path/…).',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (!integration || integration.type === 'mock' || integration.type === '') return;
        const uri = integration.value['uri'];
        const at = childPointer(integration.pointer, 'uri');
        if (uri === undefined) return context.report('missing', integration.pointer, { type: integration.type });
        if (typeof uri !== 'string' || uri.includes('${')) return; // resolved at deploy time
        if (integration.type.startsWith('http')) {
          const match = /^https?:\/\/[^/:?#]+(?::(\d+))?/.exec(uri);
          if (!match) return context.report('http', at, { uri, type: integration.type }, 'value');
          const port = match[1] === undefined ? undefined : Number(match[1]);
          if (port !== undefined && port !== 80 && port !== 443 && port <= 1024)
            context.report('port', at, { port }, 'value');
        } else if (/^arn:[^:]+:lambda:/.test(uri)) {
          // A function ARN in place of its invocation URI: lambda-invocation-uri reports it, with the URI to write.
        } else if (!/^arn:[a-z-]+:apigateway:[a-z0-9-]+:[a-z0-9.-]+:(action|path)\//.test(uri)) {
          context.report('aws', at, { uri }, 'value');
        }
      },
    };
  },
});
