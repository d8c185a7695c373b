/** A Lambda authorizer's result TTL: 0 (no caching) to 3600 seconds. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';

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
        const schemes = ((document['components'] as Record<string, unknown> | undefined)?.['securitySchemes'] ?? {}) as Record<string, Record<string, unknown>>;
        for (const [name, scheme] of Object.entries(schemes)) {
          const ttl = (scheme?.['x-amazon-apigateway-authorizer'] as Record<string, unknown> | undefined)?.['authorizerResultTtlInSeconds'];
          if (typeof ttl === 'number' && (ttl < 0 || ttl > 3600)) context.report('range', childPointer('/components/securitySchemes', name, 'x-amazon-apigateway-authorizer', 'authorizerResultTtlInSeconds'), { value: ttl });
        }
      },
    };
  },
});
