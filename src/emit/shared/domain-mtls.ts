/**
 * Mutual TLS on a custom domain: the same MutualTlsAuthentication shape on AWS::ApiGateway::DomainName and
 * AWS::ApiGatewayV2::DomainName.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
import { cfnValue, type Json } from '../../model/aws-value.js';
import type { CustomDomain } from '../../model/ir.js';

/** The domain's `MutualTlsAuthentication` property, or none. */
export function mutualTls(domain: CustomDomain): Record<string, Json> {
  if (!domain.mtls) return {};
  const { truststore, version } = domain.mtls;
  return {
    MutualTlsAuthentication: {
      TruststoreUri: cfnValue(truststore),
      ...(version && { TruststoreVersion: cfnValue(version) }),
    },
  };
}

/**
 * The domain's `OwnershipVerificationCertificateArn`, or none: with mutual TLS, a server certificate imported
 * into ACM or issued by a private CA needs a public ACM certificate to prove the domain is owned. REST
 * domains take it as a property of the domain, HTTP domains in their DomainNameConfigurations.
 */
export function ownershipVerification(domain: CustomDomain): Record<string, Json> {
  const certificate = domain.mtls?.ownershipCertificate;
  return certificate ? { OwnershipVerificationCertificateArn: cfnValue(certificate) } : {};
}
