/**
 * On a public API, `Allow` to `Principal: "*"` with no condition lets the whole internet in, unless a
 * `Deny` with a condition narrows it: AWS's allow-list pattern (allow everyone, deny everyone not from
 * these IPs / VPC endpoints / accounts) or a block list (deny these IPs).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { policyOf } from './policy.js';

type Statement = Record<string, unknown>;

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  const aws = (principal as Record<string, unknown> | null | undefined)?.['AWS'];
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

/** A Deny with a condition: negated (`NotIpAddress`…) it lets only the listed callers through, plain it blocks the listed ones. */
function narrows(statement: Statement): boolean {
  const condition = statement['Condition'];
  return (
    statement['Effect'] === 'Deny' &&
    condition !== null &&
    typeof condition === 'object' &&
    Object.keys(condition).length > 0
  );
}

export default defineRule({
  meta: {
    id: 'policy-principal-star',
    description:
      'A public API\'s resource policy should not allow Principal "*" without a condition (or a Deny that narrows it).',
    severity: 'warn',
    messages: {
      open: 'Statement {{index}} allows Principal "*" with no condition, and no Deny narrows it: anyone may invoke the API.',
    },
  },
  create(context) {
    return {
      Document() {
        if (context.endpoint === 'private') return;
        const policy = policyOf(context);
        const written = (policy?.document as { Statement?: unknown } | undefined)?.Statement;
        const single = written !== null && typeof written === 'object' && !Array.isArray(written);
        const statements = (Array.isArray(written) ? written : single ? [written] : []).filter(
          (s): s is Statement => s !== null && typeof s === 'object',
        );
        if (statements.some(narrows)) return;
        statements.forEach((statement, index) => {
          if (statement['Effect'] !== 'Allow' || !isEveryone(statement['Principal']) || statement['Condition']) return;
          // A raw policy is reported at its statement; one rendered from x-gateway at the x-gateway block.
          const at = !policy!.raw
            ? policy!.pointer
            : single
              ? childPointer(policy!.pointer, 'Statement')
              : childPointer(policy!.pointer, 'Statement', index);
          context.report('open', at, { index });
        });
      },
    };
  },
});
