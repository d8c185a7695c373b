/** Without stage throttling, one client can use the whole account's request quota. Strict only. */
import { defineRule } from '../rule.js';
import { stagePointer } from './stage.js';

export default defineRule({
  meta: {
    id: 'stage-throttling',
    description: 'The stage should set a throttle (x-gateway.stage.throttle).',
    severity: 'off',
    strict: 'warn',
    messages: { missing: 'The stage has no throttle: it shares the account-level limit with every other API.' },
  },
  create(context) {
    return {
      Document() {
        for (const stage of context.model?.stages ?? [])
          if (!stage.throttle) context.report('missing', stagePointer(context.document, stage));
      },
    };
  },
});
