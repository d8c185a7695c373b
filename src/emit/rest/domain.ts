/**
 * The custom domain: the domain name with its certificate, the base path mapping to this API's stage,
 * routing rules (header- and base-path-based) and a Route 53 alias record; or, in front of a private API,
 * a private domain with its resource policy, access associations and AWS RAM share.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-custom-domains.html
 */
import { cfnText, cfnValue, type Json, joinSub, toAwsValue } from '../../model/aws-value.js';
import { emitDomainDns } from '../shared/domain-dns.js';
import { mutualTls, ownershipVerification } from '../shared/domain-mtls.js';
import type { CustomDomain, GatewayModel, PrivateDomainAccess, RoutingRule } from '../../model/ir.js';
import { type CfnResource, getAtt, ref } from '../../model/cfn.js';
import type { Contribution } from '../shared/contribution.js';
import { renderPolicy } from './access.js';

export function emitDomain(model: GatewayModel): Contribution {
  const domain = model.domain;
  if (!domain) return {};
  if (domain.access) return emitPrivateDomain(model, domain, domain.access);
  const { api } = model;
  const id = `${api.logicalId}Domain`;
  const stage = ref(model.stage.logicalId);
  const regional = domain.endpoint === 'regional';
  const mapped = domain.basePath !== undefined;
  // AWS::ApiGateway::DomainName spells the modes with BASE_PATH_MAPPING (the V2 resource says API_MAPPING).
  const routingMode = routingModeOf(domain);
  const resources: Record<string, CfnResource> = {
    [id]: {
      Type: 'AWS::ApiGateway::DomainName',
      Properties: {
        DomainName: cfnText(domain.name),
        ...(regional
          ? { RegionalCertificateArn: cfnValue(domain.certificate) }
          : { CertificateArn: cfnValue(domain.certificate) }),
        EndpointConfiguration: {
          Types: [regional ? 'REGIONAL' : 'EDGE'],
          ...(domain.ipAddressType && { IpAddressType: domain.ipAddressType }),
        },
        SecurityPolicy: domain.securityPolicy,
        ...(domain.endpointAccessMode && { EndpointAccessMode: domain.endpointAccessMode }),
        ...mutualTls(domain),
        ...ownershipVerification(domain),
        ...(routingMode && { RoutingMode: routingMode }),
      },
    },
  };
  if (mapped) {
    const multiLevel = domain.basePath!.includes('/');
    resources[`${api.logicalId}BasePathMapping`] = multiLevel
      ? {
          Type: 'AWS::ApiGatewayV2::ApiMapping',
          Properties: { DomainName: ref(id), ApiId: ref(api.logicalId), Stage: stage, ApiMappingKey: domain.basePath! },
        }
      : {
          Type: 'AWS::ApiGateway::BasePathMapping',
          Properties: {
            DomainName: ref(id),
            RestApiId: ref(api.logicalId),
            Stage: stage,
            ...(domain.basePath !== '' && { BasePath: domain.basePath! }),
          },
        };
  }
  Object.assign(resources, routingRules(model, id));
  const dns = emitDomainDns(api, domain, id, regional);
  return { resources: { ...resources, ...dns.resources }, outputs: dns.outputs };
}

/** AWS::ApiGateway::DomainName and DomainNameV2 spell the routing modes alike. */
function routingModeOf(domain: CustomDomain): string | undefined {
  if (domain.rules.length === 0) return undefined;
  return domain.basePath !== undefined ? 'ROUTING_RULE_THEN_BASE_PATH_MAPPING' : 'ROUTING_RULE_ONLY';
}

function routingRules(model: GatewayModel, domainId: string): Record<string, CfnResource> {
  return Object.fromEntries(
    (model.domain?.rules ?? []).map((rule) => [
      `${model.api.logicalId}RoutingRule${rule.priority}`,
      routingRule(model, domainId, rule),
    ]),
  );
}

/**
 * A private custom domain: an AWS::ApiGateway::DomainNameV2 whose resource policy (for execute-api, like a
 * private API's) admits the listed VPC endpoints only, the API's stage mapped on it, an access association
 * per VPC endpoint of this account, and an AWS RAM share to the other accounts. RAM grants those accounts
 * the domain's management policy (apigateway:CreateAccessAssociation), which has no CloudFormation
 * property; each account then associates its own VPC endpoints, which this template cannot do for it.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-custom-domains-provider-share.html
 */
function emitPrivateDomain(model: GatewayModel, domain: CustomDomain, access: PrivateDomainAccess): Contribution {
  const { api } = model;
  const id = `${api.logicalId}Domain`;
  const arn = getAtt(id, 'DomainNameArn');
  const routingMode = routingModeOf(domain);
  const callers = [...access.vpcEndpoints, ...(access.share?.vpcEndpoints ?? [])];
  const resources: Record<string, CfnResource> = {
    [id]: {
      Type: 'AWS::ApiGateway::DomainNameV2',
      Properties: {
        DomainName: cfnText(domain.name),
        CertificateArn: cfnValue(domain.certificate),
        EndpointConfiguration: {
          Types: ['PRIVATE'],
          ...(domain.ipAddressType && { IpAddressType: domain.ipAddressType }),
        },
        SecurityPolicy: domain.securityPolicy,
        ...(domain.endpointAccessMode && { EndpointAccessMode: domain.endpointAccessMode }),
        Policy: renderPolicy({ kind: 'vpc-endpoints', vpcEndpoints: callers, origin: domain.origin }),
        ...(routingMode && { RoutingMode: routingMode }),
      },
    },
  };
  if (domain.basePath !== undefined) {
    resources[`${api.logicalId}BasePathMapping`] = {
      Type: 'AWS::ApiGateway::BasePathMappingV2',
      Properties: {
        DomainNameArn: arn,
        RestApiId: ref(api.logicalId),
        Stage: ref(model.stage.logicalId),
        ...(domain.basePath !== '' && { BasePath: domain.basePath }),
      },
    };
  }
  // Numbered in the order written: an endpoint's id may be a placeholder, which names no resource.
  access.vpcEndpoints.forEach((endpoint, i) => {
    resources[`${api.logicalId}DomainAccess${i + 1}`] = {
      Type: 'AWS::ApiGateway::DomainNameAccessAssociation',
      Properties: {
        DomainNameArn: arn,
        AccessAssociationSource: cfnValue(endpoint),
        AccessAssociationSourceType: 'VPCE',
      },
    };
  });
  if (access.share) {
    resources[`${api.logicalId}DomainShare`] = {
      Type: 'AWS::RAM::ResourceShare',
      Properties: {
        Name: cfnText(domain.name),
        ResourceArns: [arn],
        Principals: access.share.accounts.map(cfnValue),
      },
    };
  }
  Object.assign(resources, routingRules(model, id));
  return {
    resources,
    outputs: {
      [`${api.logicalId}DomainUrl`]: {
        Description: 'URL of the API on the private custom domain (from a VPC endpoint associated with it)',
        Value: joinSub(['https://', toAwsValue(domain.name)!, `/${domain.basePath ?? ''}`]),
      },
      [`${api.logicalId}DomainArn`]: {
        Description: 'ARN of the private custom domain, which other accounts associate their VPC endpoints with',
        Value: arn,
      },
    },
  };
}

function routingRule(model: GatewayModel, domainId: string, rule: RoutingRule): CfnResource {
  const conditions: Json[] = [
    // Each header is its own condition: conditions are AND-ed, a condition's AnyOf entries OR-ed.
    ...rule.headers.map((h) => ({ MatchHeaders: { AnyOf: [{ Header: h.name, ValueGlob: h.glob }] } })),
    ...(rule.basePaths.length > 0 ? [{ MatchBasePaths: { AnyOf: [...rule.basePaths] } }] : []),
  ];
  return {
    Type: 'AWS::ApiGatewayV2::RoutingRule',
    Properties: {
      DomainNameArn: getAtt(domainId, 'DomainNameArn'),
      Priority: rule.priority,
      Conditions: conditions,
      Actions: [
        {
          InvokeApi: {
            ApiId: rule.api ? cfnValue(rule.api) : ref(model.api.logicalId),
            Stage: rule.stage ? cfnValue(rule.stage) : ref(model.stage.logicalId),
            StripBasePath: rule.stripBasePath,
          },
        },
      ],
    },
  };
}
