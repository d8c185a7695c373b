/** On a public API, `Allow` to `Principal: "*"` with no condition lets the whole internet in. */
import { defineRule } from '../rule.js';
import { policyOf } from './policy.js';

export default defineRule({
  meta: {
    id: 'policy-principal-star',
    description: 'A public API\'s resource policy should not allow Principal "*" without a condition.',
    severity: 'warn',
    messages: { open: 'Statement {{index}} allows Principal "*" with no condition: anyone may invoke the API.' },
  },
  create(context) {
    return {
      Document() {
        if (context.endpoint === 'private') return;
        const policy = policyOf(context);
        const statements = (policy?.document as { Statement?: unknown } | undefined)?.Statement;
        (Array.isArray(statements) ? statements : []).forEach((statement: Record<string, unknown>, index) => {
          const principal = statement?.['Principal'];
          const everyone = principal === '*' || (principal as Record<string, unknown> | undefined)?.['AWS'] === '*';
          if (statement?.['Effect'] === 'Allow' && everyone && !statement['Condition']) context.report('open', policy!.pointer, { index });
        });
      },
    };
  },
});
