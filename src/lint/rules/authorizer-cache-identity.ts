/**
 * A request authorizer caches its result by the identity sources; with caching on (a TTL above 0, or
 * no TTL: the default is 300 s) and no identity source there is no cache key.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { authorizersOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'authorizer-cache-identity',
    description:
      'A request authorizer that caches (authorizerResultTtlInSeconds above 0, or unset: 300) needs an identitySource, the cache key.',
    severity: 'warn',
    messages: {
      missing:
        'The `{{name}}` request authorizer caches results for {{ttl}} s but has no `identitySource` to key ' +
        'them by: add e.g. `identitySource: method.request.header.Authorization`, or set ' +
        '`authorizerResultTtlInSeconds: 0`.',
    },
  },
  create(context) {
    return {
      Document(document) {
        if (context.apiType !== 'rest') return; // an HTTP API's authorizers have their own default
        for (const { name, value, pointer } of authorizersOf(document)) {
          const type = value['type'];
          if (typeof type !== 'string' || type.toLowerCase() !== 'request') continue;
          const ttl = value['authorizerResultTtlInSeconds'] ?? 300;
          const source = value['identitySource'];
          if (typeof ttl === 'number' && ttl > 0 && (source === undefined || source === ''))
            context.report(
              'missing',
              value['authorizerResultTtlInSeconds'] === undefined
                ? pointer
                : childPointer(pointer, 'authorizerResultTtlInSeconds'),
              { name, ttl },
            );
        }
      },
    };
  },
});
