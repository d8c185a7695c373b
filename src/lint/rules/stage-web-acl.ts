/**
 * A public REST API without a web ACL takes every request the internet sends, floods and injection
 * attempts included. Strict only: a web ACL is billed, and the team may filter upstream (CloudFront).
 * Documents without x-gateway are skipped: gateform does not make their stage, so the spec cannot fix it.
 */
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'stage-web-acl',
    description: 'A public REST API should be protected by an AWS WAF web ACL (x-gateway.stage.webAcl).',
    severity: 'off',
    strict: 'warn',
    messages: {
      missing:
        'The {{endpoint}} REST API has no AWS WAF web ACL: every request from the internet reaches the stage unfiltered.',
    },
  },
  create(context) {
    return {
      Document(document) {
        if (context.apiType !== 'rest' || context.endpoint === 'private' || !Object.hasOwn(document, 'x-gateway'))
          return;
        // A document with only a WebSocket API has no REST stage (and WebSocket APIs take no web ACL).
        if (!context.model || context.model.routes.length === 0) return;
        for (const stage of context.model.stages)
          if (!stage.webAcl)
            context.report('missing', stage.key === undefined ? '/x-gateway' : stage.pointer, {
              endpoint: context.endpoint,
            });
      },
    };
  },
});
