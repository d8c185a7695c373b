/** Without access logs, nobody can tell afterwards who called what. Strict only. */
import { defineRule } from '../rule.js';
import { stagePointer } from './stage.js';

export default defineRule({
  meta: {
    id: 'stage-access-logs',
    description: 'The stage should write access logs (x-gateway.stage.accessLog).',
    severity: 'off',
    strict: 'warn',
    messages: { missing: 'The stage has no access logs.' },
  },
  create(context) {
    return {
      Document() {
        for (const stage of context.model?.stages ?? [])
          if (!stage.accessLog) context.report('missing', stagePointer(context.document, stage));
      },
    };
  },
});
