/**
 * Mapping expressions: a target API Gateway knows (`integration.request.{path|querystring|header}.N`,
 * `method.response.header.N`) and a source it knows, with static values in single quotes.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';
import { isValidSource, isValidTarget, mappingsOf } from './mapping.js';

export default defineRule({
  meta: {
    id: 'mapping-expression',
    description:
      'Parameter mappings need a known target and a known source (method.request.*, integration.response.*, ' +
      'stageVariables.*, context.*), with static values in single quotes: import refuses anything else.',
    severity: 'error',
    messages: {
      unquoted: '`{{value}}` is not a mapping source; a static value goes in single quotes: `"\'{{value}}\'"`.',
      source:
        '`{{value}}` is not a mapping source: use {{sources}}, stageVariables.<name>, context.<variable> or a quoted static value.',
      target: '`{{key}}` is not a mapping target; write {{targets}}.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (!integration) return;
        for (const mapping of mappingsOf(integration)) {
          if (mapping.side === 'response' && integration.type.endsWith('_proxy')) continue;
          const keyPointer = mapping.pointer;
          if (!isValidTarget(mapping.side, mapping.key)) {
            context.report('target', keyPointer, {
              key: mapping.key,
              targets:
                mapping.side === 'request'
                  ? 'integration.request.{path|querystring|header|multivaluequerystring|multivalueheader}.<name>'
                  : 'method.response.header.<name>',
            });
            continue;
          }
          const value = mapping.value;
          if (value === undefined || /[$%]\{/.test(value) || isValidSource(mapping.side, value)) continue;
          // A value that names no source and is not quoted is, in practice, a static value left unquoted.
          const named = /^(method|integration)\.(request|response)\./.test(value);
          if (named)
            context.report(
              'source',
              keyPointer,
              {
                value,
                sources:
                  mapping.side === 'request'
                    ? 'method.request.{path|querystring|header}.<name>, method.request.body[.<JSONPath>]'
                    : 'integration.response.header.<name>, integration.response.body[.<JSONPath>]',
              },
              'value',
            );
          else context.report('unquoted', keyPointer, { value: value.replace(/^["']|["']$/g, '') }, 'value');
        }
      },
    };
  },
});
