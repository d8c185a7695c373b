/**
 * The HTTP API resources: an ApiGatewayV2 Api imported from its OpenAPI Body, a stage that deploys every
 * change of the API by itself, and what each feature's emitter contributes.
 *
 * With a Body, the Api takes no Name, ProtocolType or CorsConfiguration (API Gateway refuses them as
 * "redundant fields"): the name and description go into `info`, CORS into `x-amazon-apigateway-cors`.
 * The stage uses AutoDeploy rather than a Deployment with a hashed logical ID: a hash taken at compile
 * time cannot see the values parameters and `!GetAtt`s take at deploy time, while AutoDeploy deploys
 * every change the stack update makes to the API, whatever caused it.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-api.html
 */
import type { JsonObject, LoadedDocument } from '../../load/load-document.js';
import { cfnText, hasPlaceholder, type Json, readableText } from '../../model/aws-value.js';
import type { GatewayModel } from '../../model/ir.js';
import { compareCodeUnits } from '../../model/order.js';
import { buildBody } from '../shared/body.js';
import { ref, sub } from '../../model/cfn.js';
import type { ApiParts, Contribution, Emitter } from '../shared/contribution.js';
import { downConvert } from '../shared/openapi30.js';
import { emitHttpAccess } from './access.js';
import { emitHttpCors } from './cors.js';
import { emitHttpDomain } from './domain.js';
import { emitHttpIntegrations } from './integrations.js';
import { emitHttpStage } from './stage.js';
import { stagePrefix, stageResources } from '../shared/stage.js';
import { httpApiBodyTags } from '../shared/tags.js';

const EMITTERS: readonly Emitter[] = [
  emitHttpIntegrations,
  emitHttpAccess,
  emitHttpStage,
  emitHttpCors,
  emitHttpDomain,
];

export function emitHttpApi(model: GatewayModel, loaded: LoadedDocument): ApiParts {
  const { api } = model;
  const contributions: readonly Contribution[] = [
    documentFields(model, loaded.document),
    ...EMITTERS.map((emit) => emit(model)),
  ];
  const body = buildBody(loaded.document, contributions);
  const tags = httpApiBodyTags(loaded.document['tags'], api.tags);
  if (tags.length > 0) body['tags'] = tags;
  else delete body['tags'];
  if (model.version === '3.1') downConvert(body);
  const extra = contributions.flatMap((c) => Object.entries(c.resources ?? {}));
  return {
    resources: {
      [api.logicalId]: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Body: body as never } },
      ...stageResources(model.stages, contributions, 'AWS::ApiGatewayV2::Stage', (stage) => ({
        ApiId: ref(api.logicalId),
        StageName: cfnText(stage.name),
        AutoDeploy: true,
      })),
      ...Object.fromEntries(extra.sort(([a], [b]) => compareCodeUnits(a, b))),
    },
    outputs: {
      // With the execute-api endpoint turned off, that URL answers 403; the $default stage is served at the root.
      ...(!api.disableDefaultEndpoint &&
        Object.fromEntries(
          model.stages.map((stage) => [
            `${stagePrefix(api.logicalId, stage)}Url`,
            {
              Description: `Invoke URL of the ${readableText(stage.name)} stage`,
              Value: stageUrl(api.logicalId, stage.logicalId, stage.name),
            },
          ]),
        )),
      [`${api.logicalId}Id`]: { Description: 'HTTP API id', Value: ref(api.logicalId) },
      ...Object.assign({}, ...contributions.map((c) => c.outputs ?? {})),
    },
    diagnostics: contributions.flatMap((c) => c.diagnostics ?? []),
  };
}

/**
 * The invoke URL: the `$default` stage is served at the API's root, any other under its name. A name
 * with placeholders is known at deploy time only, when a parameter may make it `$default`: the path is
 * then `<name>/` with `$default/` split out (HTTP stage names have no `$` but in `$default`), which
 * needs no Condition in the template.
 */
function stageUrl(apiId: string, stageId: string, name: string): Json {
  if (name === '$default') return sub(`\${${apiId}.ApiEndpoint}/`);
  if (!hasPlaceholder(name)) return sub(`\${${apiId}.ApiEndpoint}/\${${stageId}}/`);
  return {
    'Fn::Sub': [
      `\${${apiId}.ApiEndpoint}/\${Path}`,
      { Path: { 'Fn::Join': ['', { 'Fn::Split': ['$default/', sub(`\${${stageId}}/`)] }] } },
    ],
  };
}

/**
 * What the Api resource would say beside a Body, said in the Body: the name (`info.title`), the
 * description, the import algorithm's version, and the default endpoint switch and IP address type (in `servers`).
 */
function documentFields(model: GatewayModel, document: JsonObject): Contribution {
  const { api } = model;
  const servers = Array.isArray(document['servers'])
    ? (document['servers'] as readonly Record<string, unknown>[])
    : [{ url: '/' }];
  return {
    body: {
      info: {
        title: cfnText(api.name),
        ...(api.description !== undefined && { description: cfnText(api.description) }),
      },
      'x-amazon-apigateway-importexport-version': '1.0',
      ...((api.disableDefaultEndpoint || api.ipAddressType) && {
        servers: servers.map((server) => ({
          ...(server as Record<string, never>),
          'x-amazon-apigateway-endpoint-configuration': {
            ...(api.disableDefaultEndpoint && { disableExecuteApiEndpoint: true }),
            ...(api.ipAddressType && { ipAddressType: api.ipAddressType }),
          },
        })),
      }),
    },
  };
}
