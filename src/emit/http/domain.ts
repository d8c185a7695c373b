/**
 * The custom domain of an HTTP API: an ApiGatewayV2 domain name (regional, TLS 1.2: the only kind HTTP
 * APIs have) and an API mapping of the stage under `basePath` (the root without one).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html
 */
import { cfnText, cfnValue } from '../../model/aws-value.js';
import type { GatewayModel } from '../../model/ir.js';
import { ref } from '../../model/cfn.js';
import type { Contribution } from '../shared/contribution.js';
import { emitDomainDns } from '../shared/domain-dns.js';
import { mutualTls, ownershipVerification } from '../shared/domain-mtls.js';

export function emitHttpDomain(model: GatewayModel): Contribution {
  const domain = model.domain;
  if (!domain) return {};
  const { api } = model;
  const id = `${api.logicalId}Domain`;
  const dns = emitDomainDns(api, domain, id, true);
  return {
    resources: {
      [id]: {
        Type: 'AWS::ApiGatewayV2::DomainName',
        Properties: {
          DomainName: cfnText(domain.name),
          DomainNameConfigurations: [
            {
              CertificateArn: cfnValue(domain.certificate),
              EndpointType: 'REGIONAL',
              SecurityPolicy: 'TLS_1_2',
              ...(domain.ipAddressType && { IpAddressType: domain.ipAddressType }),
              ...ownershipVerification(domain),
            },
          ],
          ...mutualTls(domain),
        },
      },
      [`${api.logicalId}ApiMapping`]: {
        Type: 'AWS::ApiGatewayV2::ApiMapping',
        // `Ref` of the stage is its name, and makes the mapping wait for the stage to exist.
        Properties: {
          DomainName: ref(id),
          ApiId: ref(api.logicalId),
          Stage: ref(model.stage.logicalId),
          ...(domain.basePath && { ApiMappingKey: domain.basePath }),
        },
      },
      ...dns.resources,
    },
    outputs: dns.outputs,
  };
}
