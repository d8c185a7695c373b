/**
 * Browsers send the CORS preflight (OPTIONS) without credentials, cookies or API keys, so an OPTIONS
 * method that requires an authorizer, IAM (SigV4) or an API key refuses every preflight.
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock } from '../../model/context.js';
import { defineRule } from '../rule.js';
import { protectionOf } from './auth.js';

export default defineRule({
  meta: {
    id: 'cors-preflight-authorized',
    description:
      "OPTIONS methods answer browsers' CORS preflights, which carry no credentials: they must not require an authorizer, IAM or an API key.",
    severity: 'warn',
    messages: {
      authorized:
        'OPTIONS {{path}} requires {{what}}, which preflight requests never carry: browsers see CORS failures ' +
        'on {{path}}. Remove `{{key}}` from this operation.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        if (node.key !== 'options' || node.apiType !== 'rest') return;
        const { authenticated, apiKey } = protectionOf(context, node);
        if (!authenticated && !apiKey) return;
        const iam = Object.hasOwn(node.operation, 'x-amazon-apigateway-auth');
        const key =
          iam && String(asBlock(node.operation['x-amazon-apigateway-auth'])['type']).toUpperCase() === 'AWS_IAM'
            ? 'x-amazon-apigateway-auth'
            : 'security';
        context.report(
          'authorized',
          Object.hasOwn(node.operation, key) ? childPointer(node.pointer, key) : node.pointer,
          { path: node.path, what: authenticated ? 'authorization' : 'an API key', key },
        );
      },
    };
  },
});
