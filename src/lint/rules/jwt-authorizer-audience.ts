/**
 * A JWT authorizer checks a token's `aud` (or `client_id`) against its audience list: without one it
 * cannot be created, and with an empty one it would accept no token. Its issuer is written, or found from
 * the scheme's openIdConnectUrl. https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { authorizersOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'jwt-authorizer-audience',
    description:
      'A JWT authorizer needs jwtConfiguration.audience (the accepted client ids) and an issuer (or an openIdConnect scheme).',
    severity: 'error',
    messages: {
      audience: 'The JWT authorizer `{{name}}` lists no audience: it would accept no token.',
      issuer:
        'The JWT authorizer `{{name}}` has no issuer, and its scheme is not openIdConnect with an openIdConnectUrl to find one.',
    },
  },
  create(context) {
    return {
      Document(document) {
        // In a REST document a JWT authorizer is http-api-extensions' finding.
        if (context.apiType !== 'http') return;
        const schemes =
          ((document['components'] ?? {}) as Record<string, Record<string, Record<string, unknown>>>)[
            'securitySchemes'
          ] ?? {};
        for (const { name, value, pointer } of authorizersOf(document)) {
          if (value['type'] !== 'jwt') continue;
          const configuration = (value['jwtConfiguration'] ?? {}) as Record<string, unknown>;
          const audience = configuration['audience'];
          if (!Array.isArray(audience) || audience.length === 0)
            context.report(
              'audience',
              Object.hasOwn(value, 'jwtConfiguration') ? childPointer(pointer, 'jwtConfiguration') : pointer,
              { name },
            );
          if (!Object.hasOwn(configuration, 'issuer') && typeof schemes[name]?.['openIdConnectUrl'] !== 'string')
            context.report(
              'issuer',
              Object.hasOwn(value, 'jwtConfiguration') ? childPointer(pointer, 'jwtConfiguration') : pointer,
              { name },
            );
        }
      },
    };
  },
});
