/** HTTP backends in clear text: requests (and credentials in them) cross the network unencrypted. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { httpIntegrationOf, integrationOf } from './integration.js';
import { routeOf } from './auth.js';

export default defineRule({
  meta: {
    id: 'http-backend-insecure',
    description: 'HTTP backends should use https:// (a VPC link keeps traffic private, but it is still unencrypted).',
    severity: 'warn',
    messages: { http: 'The backend `{{uri}}` is plain http://: requests reach it unencrypted.' },
  },
  create(context) {
    return {
      Operation(node) {
        const route = routeOf(context, node);
        if (route?.integration.kind === 'http') {
          const url = route.integration.url;
          const text = url.kind === 'literal' ? url.value : url.kind === 'sub' ? url.template : '';
          // The model's origin of an HTTP integration is where its URL is written (operation, path item or defaults).
          if (text.startsWith('http://')) context.report('http', route.integration.origin, { uri: text }, 'value');
          return;
        }
        const integration = integrationOf(node) ?? httpIntegrationOf(node);
        const uri = integration?.value['uri'];
        if (integration && typeof uri === 'string' && uri.startsWith('http://'))
          context.report('http', childPointer(integration.pointer, 'uri'), { uri }, 'value');
      },
    };
  },
});
