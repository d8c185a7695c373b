/** Where a REST API's raw extensions set CORS headers; header names compared case-insensitively. */
import { asBlock, isBlock } from '../../model/context.js';
import type { OperationNode } from '../rule.js';
import { integrationOf } from './integration.js';
import { templateTextOf } from './template-text.js';

export const ALLOW_ORIGIN = 'access-control-allow-origin';

/** The key that maps `<prefix>.header.<header>` in a responseParameters block, as written, when there is one. */
export function headerKey(parameters: unknown, prefix: string, header: string): string | undefined {
  const wanted = `${prefix}.header.${header}`.toLowerCase();
  return Object.keys(asBlock(parameters)).find((k) => k.toLowerCase() === wanted);
}

/** The value of `<prefix>.header.<header>` in a responseParameters block, when it sets one. */
export function headerMapping(parameters: unknown, prefix: string, header: string): unknown {
  const key = headerKey(parameters, prefix, header);
  return key === undefined ? undefined : asBlock(parameters)[key];
}

/**
 * The Access-Control-Allow-Origin an operation sends: the value its integration responses map (`'*'`),
 * `true` when only a response declares the header (a proxy backend sets it), else undefined.
 */
export function allowOriginOf(node: OperationNode, deref: (node: unknown) => unknown): string | true | undefined {
  for (const response of Object.values(asBlock(integrationOf(node)?.value['responses']))) {
    const value = headerMapping(asBlock(response)['responseParameters'], 'method.response', ALLOW_ORIGIN);
    if (value !== undefined) return templateTextOf(value) ?? true;
  }
  const declared = Object.values(asBlock(node.operation['responses'])).some((response) =>
    Object.keys(asBlock(asBlock(deref(response))['headers'])).some((h) => h.toLowerCase() === ALLOW_ORIGIN),
  );
  return declared ? true : undefined;
}

/** Whether x-gateway writes the CORS methods and gateway responses itself (`x-gateway.cors`). */
export function corsByXGateway(document: Record<string, unknown>): boolean {
  const root = document['x-gateway'];
  return isBlock(root) && root['cors'] !== undefined;
}
