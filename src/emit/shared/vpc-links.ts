/**
 * The VPC links gateform creates for private integrations, for every API kind: one resource per distinct
 * link the spec describes, shared by every route that describes it.
 * Its `Ref` is the link's id, the integration's `connectionId`.
 */
import { cfnValue, type Json } from '../../model/aws-value.js';
import { type CfnResource, ref, sub } from '../../model/cfn.js';
import type { GatewayModel, VpcLink } from '../../model/ir.js';

export class SharedVpcLinks {
  /** Logical IDs by link, numbered over the whole document (its API's routes, then its WebSocket routes). */
  private readonly ids = new Map<string, string>();
  private readonly used = new Map<string, CfnResource>();

  /**
   * The REST or HTTP API and the WebSocket API of a document name a link alike, so that one NLB, which
   * takes a single VPC link, gets one resource however many APIs reach it.
   */
  constructor(model: GatewayModel) {
    for (const { integration } of [...model.routes, ...(model.websocket?.routes ?? [])]) {
      const link = integration?.kind === 'http' ? integration.vpcLink : undefined;
      if (!link || link.kind === 'existing' || this.ids.has(keyOf(link))) continue;
      this.ids.set(keyOf(link), `${model.api.logicalId}VpcLink${this.ids.size === 0 ? '' : this.ids.size + 1}`);
    }
  }

  /** The `connectionId` of an integration through `link`. */
  connectionIdFor(link: VpcLink): Json {
    if (link.kind === 'existing') return cfnValue(link.id);
    const id = this.ids.get(keyOf(link))!;
    const Name = sub(`\${AWS::StackName}-${id}`);
    this.used.set(
      id,
      link.kind === 'subnets'
        ? {
            Type: 'AWS::ApiGatewayV2::VpcLink',
            Properties: {
              Name,
              SubnetIds: link.subnets.map(cfnValue),
              ...(link.securityGroups.length > 0 && { SecurityGroupIds: link.securityGroups.map(cfnValue) }),
            },
          }
        : { Type: 'AWS::ApiGateway::VpcLink', Properties: { Name, TargetArns: link.targets.map(cfnValue) } },
    );
    return ref(id);
  }

  /** The links the routes rendered so far go through. */
  resources(): Record<string, CfnResource> {
    return Object.fromEntries(this.used);
  }
}

function keyOf(link: Exclude<VpcLink, { kind: 'existing' }>): string {
  return JSON.stringify(link.kind === 'subnets' ? [link.subnets, link.securityGroups] : link.targets);
}
