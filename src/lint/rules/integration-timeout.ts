/**
 * timeoutInMillis: 50..29000; edge-optimized APIs never go above. With `responseTransferMode: STREAM`
 * (proxy integrations) up to 900000 on every endpoint type, without a quota increase.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { MAX_TIMEOUT } from '../../model/websocket.js';
import { defineRule } from '../rule.js';
import { integrationOf, type IntegrationNode } from './integration.js';

const STREAM_MAX_TIMEOUT = 900000;

/** The integration's literal timeout, when it has one, and whether it streams its response. */
export function timeoutOf(
  integration: IntegrationNode | undefined,
): { value: number; pointer: string; stream: boolean } | undefined {
  const value = integration?.value['timeoutInMillis'];
  if (!integration || typeof value !== 'number') return undefined;
  return {
    value,
    pointer: childPointer(integration.pointer, 'timeoutInMillis'),
    stream: String(integration.value['responseTransferMode']).toUpperCase() === 'STREAM',
  };
}

export default defineRule({
  meta: {
    id: 'integration-timeout',
    description:
      'Integration timeouts must be 50..29000 ms (up to 900000 when streaming; more than 29000 otherwise only for regional/private APIs with a raised quota).',
    severity: 'error',
    messages: {
      tooShort: 'Timeout {{value}} ms is below the 50 ms minimum.',
      tooLong: 'Timeout {{value}} ms is above 29000 ms, which edge-optimized APIs cannot exceed.',
      streamTooLong: 'Timeout {{value}} ms is above the 900000 ms (15 minutes) a streamed response may last.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const timeout = timeoutOf(integrationOf(node));
        if (!timeout) return;
        const data = { value: timeout.value };
        if (timeout.value < 50) context.report('tooShort', timeout.pointer, data, 'value');
        else if (timeout.stream && timeout.value > STREAM_MAX_TIMEOUT)
          context.report('streamTooLong', timeout.pointer, data, 'value');
        else if (!timeout.stream && timeout.value > MAX_TIMEOUT && context.endpoint === 'edge')
          context.report('tooLong', timeout.pointer, data, 'value');
      },
    };
  },
});
