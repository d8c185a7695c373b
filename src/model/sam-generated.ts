/**
 * Resources the AWS SAM transform adds to a template, under the logical IDs SAM documents, so that a spec
 * merged into a SAM template (`--into`) may refer to them:
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources.html
 * Only IDs that can be known before the transform runs are listed; those with a hash in them
 * (`<Function>Version<sha>`, `<Api>Deployment<sha>`) are reached through SAM's `<Function>.Version`,
 * `<Api>.Deployment` references instead.
 */

import { asBlock } from './context.js';

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

export interface SamGenerated {
  readonly type: string;
  /** The logical ID of the SAM resource it is generated for. */
  readonly by: string;
}

function isSamTemplate(template: unknown): boolean {
  const transform = asBlock(template)['Transform'];
  return (Array.isArray(transform) ? transform : [transform]).includes(SAM_TRANSFORM);
}

/** Logical ID → what SAM generates under it, for a template with the SAM transform (empty otherwise). */
export function samGeneratedResources(template: unknown): Map<string, SamGenerated> {
  const generated = new Map<string, SamGenerated>();
  if (!isSamTemplate(template)) return generated;
  const globals = asBlock(asBlock(asBlock(template)['Globals'])['Function']);
  const add = (id: string, type: string, by: string): void => {
    if (/^[A-Za-z0-9]+$/.test(id) && !generated.has(id)) generated.set(id, { type, by });
  };
  for (const [id, resource] of Object.entries(asBlock(asBlock(template)['Resources']))) {
    const properties = asBlock(asBlock(resource)['Properties']);
    const events = Object.values(asBlock(properties['Events'])).map(asBlock);
    const implicit = (type: string, apiKey: string): boolean =>
      events.some((e) => e['Type'] === type && asBlock(e['Properties'])[apiKey] === undefined);
    switch (asBlock(resource)['Type']) {
      case 'AWS::Serverless::Function': {
        if (properties['Role'] === undefined) add(`${id}Role`, 'AWS::IAM::Role', id);
        const alias = properties['AutoPublishAlias'] ?? globals['AutoPublishAlias'];
        if (typeof alias === 'string') add(`${id}Alias${alias}`, 'AWS::Lambda::Alias', id);
        if (implicit('Api', 'RestApiId')) addImplicitRestApi(add, id);
        if (implicit('HttpApi', 'ApiId')) addImplicitHttpApi(add, id);
        break;
      }
      case 'AWS::Serverless::StateMachine':
        if (properties['Role'] === undefined) add(`${id}Role`, 'AWS::IAM::Role', id);
        if (implicit('Api', 'RestApiId')) addImplicitRestApi(add, id);
        break;
      case 'AWS::Serverless::Api':
        if (typeof properties['StageName'] === 'string')
          add(`${id}${properties['StageName']}Stage`, 'AWS::ApiGateway::Stage', id);
        break;
      case 'AWS::Serverless::HttpApi':
        add(
          `${id}${typeof properties['StageName'] === 'string' ? properties['StageName'] : 'ApiGatewayDefault'}Stage`,
          'AWS::ApiGatewayV2::Stage',
          id,
        );
        break;
    }
  }
  return generated;
}

type Add = (id: string, type: string, by: string) => void;

/** Api events without a RestApiId share one implicit API with the fixed stage `Prod`. */
function addImplicitRestApi(add: Add, by: string): void {
  add('ServerlessRestApi', 'AWS::ApiGateway::RestApi', by);
  add('ServerlessRestApiProdStage', 'AWS::ApiGateway::Stage', by);
}

/** HttpApi events without an ApiId share one implicit HTTP API with the `$default` stage. */
function addImplicitHttpApi(add: Add, by: string): void {
  add('ServerlessHttpApi', 'AWS::ApiGatewayV2::Api', by);
  add('ServerlessHttpApiApiGatewayDefaultStage', 'AWS::ApiGatewayV2::Stage', by);
}
