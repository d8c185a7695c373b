/** A Lambda authorizer's result TTL: 0 (no caching) to 3600 seconds. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { authorizersOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'authorizer-ttl',
    description: 'authorizerResultTtlInSeconds must be 0..3600.',
    severity: 'error',
    messages: { range: 'Authorizer TTL {{value}} s is outside 0..3600.' },
  },
  create(context) {
    return {
      Document(document) {
        for (const { value, pointer } of authorizersOf(document)) {
          const ttl = value['authorizerResultTtlInSeconds'];
          if (typeof ttl === 'number' && (ttl < 0 || ttl > 3600))
            context.report('range', childPointer(pointer, 'authorizerResultTtlInSeconds'), { value: ttl }, 'value');
        }
      },
    };
  },
});
