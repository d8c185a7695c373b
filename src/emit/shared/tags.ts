/**
 * `api.tags` on every taggable resource gateform generates. Resource types spell tags two ways: a list of
 * `{ Key, Value }` (AWS::ApiGateway::*, IAM, Logs, CloudWatch) or a map (AWS::ApiGatewayV2::*), as their
 * CloudFormation resource schemas say; a type missing here takes no Tags (Deployment, BasePathMapping,
 * Lambda::Permission, IAM::ManagedPolicy, WAFv2::WebACLAssociation, CloudWatch::Dashboard, …).
 */
import { cfnText, type Json } from '../../model/aws-value.js';
import type { CfnResource } from '../../model/cfn.js';
import type { Api } from '../../model/ir.js';

const TAG_SHAPES: Readonly<Record<string, 'list' | 'map'>> = {
  'AWS::ApiGateway::ApiKey': 'list',
  'AWS::ApiGateway::ClientCertificate': 'list',
  'AWS::ApiGateway::DomainName': 'list',
  'AWS::ApiGateway::DomainNameAccessAssociation': 'list',
  'AWS::ApiGateway::DomainNameV2': 'list',
  'AWS::ApiGateway::RestApi': 'list',
  'AWS::ApiGateway::Stage': 'list',
  'AWS::ApiGateway::UsagePlan': 'list',
  'AWS::ApiGateway::VpcLink': 'list',
  'AWS::ApiGatewayV2::Api': 'map',
  'AWS::ApiGatewayV2::DomainName': 'map',
  'AWS::ApiGatewayV2::Stage': 'map',
  'AWS::ApiGatewayV2::VpcLink': 'map',
  'AWS::CloudWatch::Alarm': 'list',
  'AWS::IAM::Role': 'list',
  'AWS::Logs::LogGroup': 'list',
  'AWS::RAM::ResourceShare': 'list',
};

/**
 * The resources with the API's tags. An HTTP API imported from a Body takes its tags in the Body (API
 * Gateway refuses Tags beside a Body as a "redundant field"): `httpApiBodyTags` writes them there.
 */
export function tagResources(
  resources: Readonly<Record<string, CfnResource>>,
  tags: Api['tags'],
): Record<string, CfnResource> {
  if (tags.length === 0) return { ...resources };
  const list: Json[] = tags.map(({ key, value }) => ({ Key: key, Value: cfnText(value) }));
  const map: Json = Object.fromEntries(tags.map(({ key, value }) => [key, cfnText(value)]));
  return Object.fromEntries(
    Object.entries(resources).map(([id, resource]) => {
      const shape = TAG_SHAPES[resource.Type];
      if (!shape || (resource.Type === 'AWS::ApiGatewayV2::Api' && 'Body' in (resource.Properties ?? {})))
        return [id, resource];
      return [id, { ...resource, Properties: { ...resource.Properties, Tags: shape === 'list' ? list : map } }];
    }),
  );
}

/**
 * The root `tags` of an HTTP API's Body. API Gateway makes an AWS tag of every root tag of the document it
 * imports, with an empty value when it has no x-amazon-apigateway-tag-value. The document's tags name
 * groups of operations for its readers, so only the tags meant as AWS tags are kept: `api.tags`, and a
 * root tag written with its x-amazon-apigateway-tag-value (`api.tags` gives it its value when it names it too).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-openapi-extensions-x-amazon-apigateway-tag-value.html
 */
export function httpApiBodyTags(documentTags: unknown, tags: Api['tags']): Json[] {
  const written = (Array.isArray(documentTags) ? (documentTags as Record<string, Json>[]) : []).filter(
    (tag) => tag !== null && typeof tag === 'object' && 'x-amazon-apigateway-tag-value' in tag,
  );
  const values = new Map(tags.map(({ key, value }) => [key, cfnText(value)]));
  const kept = written.map((tag) =>
    values.has(String(tag['name']))
      ? { ...tag, 'x-amazon-apigateway-tag-value': values.get(String(tag['name']))! }
      : tag,
  );
  const names = new Set(written.map((tag) => String(tag['name'])));
  return [
    ...kept,
    ...tags
      .filter(({ key }) => !names.has(key))
      .map(({ key, value }) => ({ name: key, 'x-amazon-apigateway-tag-value': cfnText(value) })),
  ];
}
