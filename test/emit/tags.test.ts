import { describe, expect, it } from 'vitest';
import { httpApiBodyTags, tagResources } from '../../src/emit/shared/tags.js';

const TAGS = [
  { key: 'team', value: 'payments' },
  { key: 'env', value: '${Env}' },
];

describe('tagResources', () => {
  const resources = {
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a' } },
    Stage: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { StageName: 'prod' } },
    HttpApi: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Body: {} } },
    Deployment: { Type: 'AWS::ApiGateway::Deployment', Properties: {} },
  };
  const tagged = tagResources(resources, TAGS);

  it.each([
    [
      'a list of Key/Value on AWS::ApiGateway::*',
      'Api',
      [
        { Key: 'team', Value: 'payments' },
        { Key: 'env', Value: { Ref: 'Env' } },
      ],
    ],
    ['a map on AWS::ApiGatewayV2::*', 'Stage', { team: 'payments', env: { Ref: 'Env' } }],
    ['none on an HTTP API imported from a Body (refused there as redundant)', 'HttpApi', undefined],
    ['none on a type without Tags', 'Deployment', undefined],
  ])('%s', (_, id, want) => {
    expect(tagged[id]?.Properties?.['Tags']).toEqual(want);
  });

  it('leaves the resources alone without tags', () => {
    expect(tagResources(resources, [])).toEqual(resources);
  });
});

describe('httpApiBodyTags', () => {
  it.each([
    [
      'leaves out the documentation tags, even of the same name as a tag of api.tags',
      [
        { name: 'rooms', description: 'Chat rooms' },
        { name: 'team', description: 'Owner' },
      ],
      TAGS,
      [
        { name: 'team', 'x-amazon-apigateway-tag-value': 'payments' },
        { name: 'env', 'x-amazon-apigateway-tag-value': { Ref: 'Env' } },
      ],
    ],
    [
      'keeps a tag written with its value, which api.tags may give another',
      [
        { name: 'cost-center', 'x-amazon-apigateway-tag-value': '4711' },
        { name: 'team', 'x-amazon-apigateway-tag-value': 'web' },
      ],
      TAGS,
      [
        { name: 'cost-center', 'x-amazon-apigateway-tag-value': '4711' },
        { name: 'team', 'x-amazon-apigateway-tag-value': 'payments' },
        { name: 'env', 'x-amazon-apigateway-tag-value': { Ref: 'Env' } },
      ],
    ],
    ['none without api.tags nor tag values', [{ name: 'rooms' }], [], []],
  ])('%s', (_, written, tags, want) => {
    expect(httpApiBodyTags(written, tags)).toEqual(want);
  });
});
