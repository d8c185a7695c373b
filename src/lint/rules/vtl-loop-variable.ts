/**
 * Velocity writes a reference it cannot resolve as literal text: `$foreach.hasNext` outside a loop, or
 * `$elem.data` with no `#foreach($elem in …)` around it, sends "$elem.data" to the backend.
 */
import { defineRule } from '../rule.js';
import { integrationOf } from './integration.js';
import { allTemplatesOf, readVtl, VTL_ROOTS } from './vtl.js';

const LOOP_ONLY = new Set(['foreach', 'velocityCount', 'velocityHasNext']);

export default defineRule({
  meta: {
    id: 'vtl-loop-variable',
    description:
      'Mapping templates may use $foreach and a loop variable only inside the #foreach that binds it, and read only variables they set.',
    severity: 'warn',
    messages: {
      foreach: '`${{name}}` is used outside any `#foreach`: Velocity writes it out as text. Move it into the loop.',
      outside:
        '`${{name}}` is the variable of a `#foreach`, used after its `#end`: Velocity writes it out as text. Move it into the loop.',
      unbound:
        '`${{name}}` is neither set (`#set`) nor bound by a `#foreach` here: Velocity writes "${{name}}…" to ' +
        'the backend. Wrap it in `#foreach(${{name}} in …) … #end`.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (!integration || integration.type.endsWith('_proxy')) return;
        for (const template of allTemplatesOf(integration)) {
          const vtl = readVtl(template.text);
          const usesVelocity = vtl.references.some((r) => !r.braced && VTL_ROOTS.has(r.name));
          for (const reference of vtl.references) {
            if (reference.braced) continue;
            const { name } = reference;
            let messageId: 'foreach' | 'outside' | 'unbound' | undefined;
            if (LOOP_ONLY.has(name)) messageId = reference.inLoop ? undefined : 'foreach';
            else if (VTL_ROOTS.has(name) || vtl.sets.has(name)) messageId = undefined;
            else if (vtl.loopVariables.has(name)) messageId = reference.loops.includes(name) ? undefined : 'outside';
            // A property read of a name nothing defines, in a template that is Velocity at all.
            else if (usesVelocity && /^\$!?[\w-]+\./.test(template.text.slice(reference.index))) messageId = 'unbound';
            if (messageId) {
              context.report(messageId, template.pointer, { name }, 'value');
              break; // one finding per template
            }
          }
        }
      },
    };
  },
});
