import { describe, expect, it } from 'vitest';
import { samGeneratedResources } from '../../src/model/sam-generated.js';

const SAM = 'AWS::Serverless-2016-10-31';

describe('samGeneratedResources', () => {
  const cases: [string, { given: Record<string, unknown>; want: Record<string, string> }][] = [
    [
      'no transform: nothing',
      { given: { Resources: { F: { Type: 'AWS::Serverless::Function', Properties: {} } } }, want: {} },
    ],
    [
      'function without Role: its role',
      {
        given: { Transform: SAM, Resources: { F: { Type: 'AWS::Serverless::Function', Properties: {} } } },
        want: { FRole: 'AWS::IAM::Role' },
      },
    ],
    [
      'function with Role, alias from Globals',
      {
        given: {
          Transform: [SAM],
          Globals: { Function: { AutoPublishAlias: 'live' } },
          Resources: {
            F: { Type: 'AWS::Serverless::Function', Properties: { Role: 'arn:aws:iam::123456789012:role/f' } },
          },
        },
        want: { FAliaslive: 'AWS::Lambda::Alias' },
      },
    ],
    [
      'implicit REST and HTTP APIs from events without an API id',
      {
        given: {
          Transform: SAM,
          Resources: {
            F: {
              Type: 'AWS::Serverless::Function',
              Properties: {
                Role: 'r',
                Events: { A: { Type: 'Api', Properties: { Path: '/', Method: 'get' } }, H: { Type: 'HttpApi' } },
              },
            },
          },
        },
        want: {
          ServerlessRestApi: 'AWS::ApiGateway::RestApi',
          ServerlessRestApiProdStage: 'AWS::ApiGateway::Stage',
          ServerlessHttpApi: 'AWS::ApiGatewayV2::Api',
          ServerlessHttpApiApiGatewayDefaultStage: 'AWS::ApiGatewayV2::Stage',
        },
      },
    ],
    [
      'an event on an explicit API: no implicit one',
      {
        given: {
          Transform: SAM,
          Resources: {
            F: {
              Type: 'AWS::Serverless::Function',
              Properties: { Role: 'r', Events: { A: { Type: 'Api', Properties: { RestApiId: { Ref: 'Api' } } } } },
            },
          },
        },
        want: {},
      },
    ],
    [
      'API stages; state machine role',
      {
        given: {
          Transform: SAM,
          Resources: {
            Rest: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'Gamma' } },
            Http: { Type: 'AWS::Serverless::HttpApi', Properties: {} },
            Named: { Type: 'AWS::Serverless::HttpApi', Properties: { StageName: 'beta' } },
            Flow: { Type: 'AWS::Serverless::StateMachine', Properties: {} },
          },
        },
        want: {
          RestGammaStage: 'AWS::ApiGateway::Stage',
          HttpApiGatewayDefaultStage: 'AWS::ApiGatewayV2::Stage',
          NamedbetaStage: 'AWS::ApiGatewayV2::Stage',
          FlowRole: 'AWS::IAM::Role',
        },
      },
    ],
    [
      'a stage name that is not alphanumeric gives no logical ID',
      {
        given: {
          Transform: SAM,
          Resources: { Rest: { Type: 'AWS::Serverless::Api', Properties: { StageName: { Ref: 'Stage' } } } },
        },
        want: {},
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(Object.fromEntries([...samGeneratedResources(given)].map(([id, { type }]) => [id, type]))).toEqual(want);
  });
});
