/** A template that writes `arn:aws:` deploys only in the commercial partition (not China, not GovCloud). */
import { defineRule } from '../rule.js';
import { hardcodedVisitors } from './hardcoded.js';

export default defineRule({
  meta: {
    id: 'hardcoded-partition',
    description:
      'In a spec that is a template, ARNs in integration URIs, credentials and authorizers should use ' +
      '${AWS::Partition} rather than aws, to deploy in every partition.',
    severity: 'off',
    strict: 'warn',
    messages: {
      partition:
        'The partition `{{found}}` is written here: the template cannot deploy to the other partitions ' +
        '(aws-cn, aws-us-gov). Write `arn:{{pseudo}}:` (in `!Sub`) instead.',
    },
  },
  create(context) {
    return hardcodedVisitors(['partition'], (value, pseudo) =>
      context.report('partition', value.pointer, { found: value.found, pseudo }, 'value'),
    );
  },
});
