/**
 * The REST API resources: RestApi with its OpenAPI Body, a Deployment whose logical ID changes whenever
 * the API does, the Stage, and what each feature's emitter contributes.
 */
import type { LoadedDocument } from '../../load/load-document.js';
import type { GatewayModel } from '../../model/ir.js';
import { buildBody, secretsInBody } from '../shared/body.js';
import { type CfnResource, ref, sub } from '../../model/cfn.js';
import type { ApiParts, Contribution, Emitter } from '../shared/contribution.js';
import { emitAccess } from './access.js';
import { addCorsHeaders, emitCors } from './cors.js';
import { emitDomain } from './domain.js';
import { emitGatewayResponses } from './gateway-responses.js';
import { emitIntegrations } from './integrations.js';
import { emitStage } from './stage.js';
import { stageLogicalId } from '../shared/stage.js';
import { deploymentId } from '../shared/deployment.js';
import { renameModels, toGatewayModels } from '../shared/openapi30.js';
import { dropNonJsonModels, emitValidation } from './validation.js';
import { compareCodeUnits } from '../../model/order.js';
import { cfnText, cfnTextWith, readableText } from '../../model/aws-value.js';

/** The features' emitters, in the order their contributions are applied. */
const EMITTERS: readonly Emitter[] = [
  emitIntegrations,
  emitAccess,
  emitValidation,
  emitStage,
  emitCors,
  emitGatewayResponses,
  emitDomain,
];

/** What the REST API emits (the parts every API kind's emitter returns). */
export type RestApiParts = ApiParts;

const ENDPOINT_TYPE = { edge: 'EDGE', regional: 'REGIONAL', private: 'PRIVATE' } as const;

export function emitRestApi(model: GatewayModel, loaded: LoadedDocument): RestApiParts {
  const { api, stage } = model;
  const contributions: readonly Contribution[] = EMITTERS.map((emit) => emit(model));
  const body = buildBody(loaded.document, contributions);
  dropNonJsonModels(body, model);
  toGatewayModels(body, model.version);
  renameModels(body);
  if (model.cors) addCorsHeaders(body, model.cors);
  const restApi: CfnResource = {
    Type: 'AWS::ApiGateway::RestApi',
    Properties: {
      Name: cfnText(api.name),
      ...(api.description !== undefined && { Description: cfnText(api.description) }),
      EndpointConfiguration: { Types: [ENDPOINT_TYPE[api.endpoint]] },
      ...Object.assign({}, ...contributions.map((c) => c.restApi ?? {})),
      Body: body as never,
    },
  };
  const deployment = deploymentId(api.logicalId, restApi.Properties);
  const stageId = stageLogicalId(api.logicalId);
  const extra = contributions.flatMap((c) => Object.entries(c.resources ?? {}));
  const stageDependsOn = contributions.flatMap((c) => c.stageDependsOn ?? []);
  return {
    resources: {
      [api.logicalId]: restApi,
      [deployment]: {
        Type: 'AWS::ApiGateway::Deployment',
        Properties: { RestApiId: ref(api.logicalId), Description: cfnTextWith(api.name, ' as compiled by gateform') },
      },
      [stageId]: {
        Type: 'AWS::ApiGateway::Stage',
        ...(stageDependsOn.length > 0 && { DependsOn: stageDependsOn }),
        Properties: {
          RestApiId: ref(api.logicalId),
          StageName: cfnText(stage.name),
          DeploymentId: ref(deployment),
          ...Object.assign({}, ...contributions.map((c) => c.stage ?? {})),
        },
      },
      ...Object.fromEntries(extra.sort(([a], [b]) => compareCodeUnits(a, b))),
    },
    outputs: {
      // With the execute-api endpoint turned off, that URL answers 403.
      ...(!api.disableDefaultEndpoint && {
        [`${api.logicalId}Url`]: {
          Description: `Invoke URL of the ${readableText(stage.name)} stage`,
          Value: sub(`https://\${${api.logicalId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/\${${stageId}}/`),
        },
      }),
      [`${api.logicalId}Id`]: { Description: 'REST API id', Value: ref(api.logicalId) },
      ...Object.assign({}, ...contributions.map((c) => c.outputs ?? {})),
    },
    diagnostics: [...contributions.flatMap((c) => c.diagnostics ?? []), ...secretsInBody(body, model, loaded)],
  };
}
