/**
 * The custom domain: the domain name with its certificate, the base path mapping to this API's stage,
 * routing rules (header- and base-path-based) and a Route 53 alias record.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html
 */
import { cfnText, cfnValue, type Json } from '../../model/aws-value.js';
import { emitDomainDns } from '../shared/domain-dns.js';
import { mutualTls } from '../shared/domain-mtls.js';
import type { GatewayModel, RoutingRule } from '../../model/ir.js';
import { type CfnResource, getAtt, ref } from '../../model/cfn.js';
import type { Contribution } from '../shared/contribution.js';

export function emitDomain(model: GatewayModel): Contribution {
  const domain = model.domain;
  if (!domain) return {};
  const { api } = model;
  const id = `${api.logicalId}Domain`;
  const stage = ref(model.stage.logicalId);
  const regional = domain.endpoint === 'regional';
  const mapped = domain.basePath !== undefined;
  // AWS::ApiGateway::DomainName spells the modes with BASE_PATH_MAPPING (the V2 resource says API_MAPPING).
  const routingMode =
    domain.rules.length === 0 ? undefined : mapped ? 'ROUTING_RULE_THEN_BASE_PATH_MAPPING' : 'ROUTING_RULE_ONLY';
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
  domain.rules.forEach((rule) => {
    resources[`${api.logicalId}RoutingRule${rule.priority}`] = routingRule(model, id, rule);
  });
  const dns = emitDomainDns(api, domain, id, regional);
  return { resources: { ...resources, ...dns.resources }, outputs: dns.outputs };
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
