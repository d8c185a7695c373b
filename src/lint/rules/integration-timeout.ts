/** timeoutInMillis: 50..29000; regional and private APIs may go above after a quota increase, edge ones never. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';

export default defineRule({
  meta: {
    id: 'integration-timeout',
    description: 'Integration timeouts must be 50..29000 ms (more only for regional/private APIs with a raised quota).',
    severity: 'error',
    messages: {
      tooShort: 'Timeout {{value}} ms is below the 50 ms minimum.',
      tooLong: 'Timeout {{value}} ms is above 29000 ms, which edge-optimized APIs cannot exceed.',
      quota: 'Timeout {{value}} ms is above the default 29000 ms quota; it works only after a quota increase for regional/private APIs.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        const value = integration?.value['timeoutInMillis'];
        if (!integration || typeof value !== 'number') return;
        const at = childPointer(integration.pointer, 'timeoutInMillis');
        if (value < 50) context.report('tooShort', at, { value });
        else if (value > 29000 && context.endpoint === 'edge') context.report('tooLong', at, { value });
        else if (value > 29000) context.report('quota', at, { value });
      },
    };
  },
});
