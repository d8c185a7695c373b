/** A template that hard-codes its region or account in URIs and credentials deploys only there. */
import { defineRule } from '../rule.js';
import { hardcodedVisitors } from './hardcoded.js';

export default defineRule({
  meta: {
    id: 'hardcoded-region-account',
    description:
      'In a spec that is a template (it uses intrinsics or ${…} placeholders), integration URIs, ' +
      'credentials and authorizers should not hard-code a region or an account: use ${AWS::Region} and ' +
      '${AWS::AccountId}.',
    severity: 'warn',
    messages: {
      region:
        'The region `{{found}}` is written here, while the spec is a template: deployed elsewhere, the API ' +
        'still calls `{{found}}`. Write `{{pseudo}}` (in `!Sub`) instead.',
      account:
        'The account `{{found}}` is written here, while the spec is a template: deployed to another account, ' +
        'the API still calls `{{found}}`. Write `{{pseudo}}` (in `!Sub`) instead.',
    },
  },
  create(context) {
    return hardcodedVisitors(['region', 'account'], (value, pseudo) =>
      context.report(
        value.kind === 'account' ? 'account' : 'region',
        value.pointer,
        { found: value.found, pseudo },
        'value',
      ),
    );
  },
});
