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
  it('keeps the document tags, gives a tag of the same name its value, and appends the others', () => {
    expect(
      httpApiBodyTags(
        [
          { name: 'rooms', description: 'Chat rooms' },
          { name: 'team', description: 'Owner' },
        ],
        TAGS,
      ),
    ).toEqual([
      { name: 'rooms', description: 'Chat rooms' },
      { name: 'team', description: 'Owner', 'x-amazon-apigateway-tag-value': 'payments' },
      { name: 'env', 'x-amazon-apigateway-tag-value': { Ref: 'Env' } },
    ]);
  });
});
