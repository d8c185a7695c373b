/**
 * The VPC link of a private `http` integration, for every API kind: the id of an existing link, or a link
 * gateform creates. HTTP APIs use VPC links V2, placed in subnets (`AWS::ApiGatewayV2::VpcLink`), whose
 * integration target is a load balancer listener or a Cloud Map service; REST and WebSocket APIs use VPC
 * links to a Network Load Balancer (`AWS::ApiGateway::VpcLink`), whose integration URL names the balancer.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vpc-links.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-private-integration.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { asBlock, type ModelContext } from '../model/context.js';
import type { ApiType, VpcLink } from '../model/ir.js';

/** The kind of API an integration belongs to: a WebSocket route of the document, or its REST or HTTP API. */
export type IntegrationApiKind = ApiType | 'websocket';

export function parseVpcLink(
  ctx: ModelContext,
  raw: unknown,
  pointer: string,
  apiKind: IntegrationApiKind,
  usage: string,
): VpcLink | undefined {
  if (typeof raw !== 'object' || raw === null || !('subnets' in raw || 'targets' in raw || 'securityGroups' in raw))
    return { kind: 'existing', id: ctx.value(raw, pointer, `VPC link id for ${usage}`) };
  const block = asBlock(raw);
  if ('targets' in block && ('subnets' in block || 'securityGroups' in block)) {
    ctx.report(
      'vpc-link-kind',
      'error',
      'A VPC link is either placed in subnets (HTTP APIs) or reaches Network Load Balancers (REST and WebSocket APIs), not both.',
      childPointer(pointer, 'targets'),
      apiKind === 'http' ? 'Remove `targets`.' : 'Remove `subnets` and `securityGroups`.',
    );
    return undefined;
  }
  if (!('targets' in block) && !('subnets' in block)) {
    ctx.report(
      'vpc-link-kind',
      'error',
      'A VPC link with security groups needs the subnets it is placed in.',
      childPointer(pointer, 'securityGroups'),
      'Add `subnets: [...]`, the private subnets that reach the backend.',
    );
    return undefined;
  }
  const list = (key: string, what: string) =>
    Array.isArray(block[key])
      ? (block[key] as unknown[]).map((v, i) =>
          ctx.value(v, childPointer(pointer, key, String(i)), `${what} of ${usage}`),
        )
      : [];
  if ('subnets' in block) {
    if (apiKind !== 'http') {
      ctx.report(
        'vpc-link-kind',
        'error',
        `A VPC link placed in subnets is a VPC link of HTTP APIs; a ` +
          `${apiKind === 'rest' ? 'REST' : 'WebSocket'} API reaches a private backend through a VPC link to a ` +
          `Network Load Balancer.`,
        childPointer(pointer, 'subnets'),
        'Write `vpcLink: { targets: [<Network Load Balancer ARN>] }`, or the id of an existing VPC link.',
      );
      return undefined;
    }
    return {
      kind: 'subnets',
      subnets: list('subnets', 'Subnet of the VPC link'),
      securityGroups: list('securityGroups', 'Security group of the VPC link'),
      origin: ctx.origin(pointer),
    };
  }
  if (apiKind === 'http') {
    ctx.report(
      'vpc-link-kind',
      'error',
      'A VPC link to Network Load Balancers (`targets`) serves REST and WebSocket APIs; an HTTP API reaches ' +
        'a private backend through a VPC link placed in subnets.',
      childPointer(pointer, 'targets'),
      'Write `vpcLink: { subnets: [...], securityGroups: [...] }`, with the listener ARN as `http`, or the id of an existing VPC link V2.',
    );
    return undefined;
  }
  return { kind: 'targets', targets: list('targets', 'Network Load Balancer ARN'), origin: ctx.origin(pointer) };
}
