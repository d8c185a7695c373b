/**
 * What the custom domains of REST and HTTP APIs share: the Route 53 alias record, and the outputs a DNS
 * record made elsewhere needs.
 */
import { cfnValue } from '../../model/aws-value.js';
import type { Api, CustomDomain } from '../../model/ir.js';
import { type CfnOutput, type CfnResource, getAtt } from '../../model/cfn.js';
import type { Contribution } from './contribution.js';

/** The Route 53 alias record (when a hosted zone is given) and the domain's outputs, for a REST or HTTP API's domain `id`. */
export function emitDomainDns(
  api: Api,
  domain: CustomDomain,
  id: string,
  regional: boolean,
): Required<Pick<Contribution, 'resources' | 'outputs'>> {
  const resources: Record<string, CfnResource> = {};
  if (domain.hostedZoneId) {
    resources[`${api.logicalId}DomainRecord`] = {
      Type: 'AWS::Route53::RecordSet',
      Properties: {
        HostedZoneId: cfnValue(domain.hostedZoneId),
        Name: domain.name,
        Type: 'A',
        AliasTarget: regional
          ? { DNSName: getAtt(id, 'RegionalDomainName'), HostedZoneId: getAtt(id, 'RegionalHostedZoneId') }
          : { DNSName: getAtt(id, 'DistributionDomainName'), HostedZoneId: getAtt(id, 'DistributionHostedZoneId') },
      },
    };
  }
  const outputs: Record<string, CfnOutput> = {
    [`${api.logicalId}DomainUrl`]: {
      Description: 'URL of the API on the custom domain',
      Value: `https://${domain.name}/${domain.basePath ?? ''}`,
    },
    [`${api.logicalId}DomainTarget`]: {
      Description: 'DNS target (alias or CNAME) for the custom domain',
      Value: getAtt(id, regional ? 'RegionalDomainName' : 'DistributionDomainName'),
    },
    [`${api.logicalId}DomainTargetHostedZoneId`]: {
      Description: 'Hosted zone id of the DNS target, for a Route 53 alias record',
      Value: getAtt(id, regional ? 'RegionalHostedZoneId' : 'DistributionHostedZoneId'),
    },
  };
  return { resources, outputs };
}
