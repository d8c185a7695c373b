/**
 * The REST API resources: RestApi with its OpenAPI Body, a Deployment whose logical ID changes whenever
 * the API does, the Stage, and what each feature's emitter contributes.
 */
import type { LoadedDocument } from '../../load/load-document.js';
import type { GatewayModel } from '../../model/ir.js';
import { cfnValue } from '../../model/aws-value.js';
import { buildBody, secretsInBody } from '../shared/body.js';
import { type CfnResource, ref, sub } from '../../model/cfn.js';
import type { ApiParts, Contribution, Emitter } from '../shared/contribution.js';
import { emitAccess } from './access.js';
import { addCorsHeaders, emitCors } from './cors.js';
import { emitDomain } from './domain.js';
import { emitGatewayResponses } from './gateway-responses.js';
import { emitIntegrations } from './integrations.js';
import { emitStage, stageDeployment } from './stage.js';
import { stagePrefix, stageResources } from '../shared/stage.js';
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
  const { api } = model;
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
      EndpointConfiguration: {
        Types: [ENDPOINT_TYPE[api.endpoint]],
        ...(api.endpoint === 'private' &&
          api.vpcEndpoints.length > 0 && { VpcEndpointIds: api.vpcEndpoints.map(cfnValue) }),
        ...(api.ipAddressType && { IpAddressType: api.ipAddressType }),
      },
      ...Object.assign({}, ...contributions.map((c) => c.restApi ?? {})),
      Body: body as never,
    },
  };
  const deployment = deploymentId(api.logicalId, restApi.Properties);
  const extra = contributions.flatMap((c) => Object.entries(c.resources ?? {}));
  const served = model.stages.map((stage) => stageDeployment(stage, deployment));
  const canary = model.stages.some((stage) => stage.canary);
  return {
    resources: {
      [api.logicalId]: restApi,
      [deployment]: {
        Type: 'AWS::ApiGateway::Deployment',
        // With a canary, a stage keeps serving a deployment of an earlier template, which CloudFormation
        // would otherwise delete once its logical ID is gone; deleting the REST API deletes them all.
        ...(canary && { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' }),
        Properties: { RestApiId: ref(api.logicalId), Description: cfnTextWith(api.name, ' as compiled by gateform') },
      },
      ...stageResources(model.stages, contributions, 'AWS::ApiGateway::Stage', (stage) => ({
        RestApiId: ref(api.logicalId),
        StageName: cfnText(stage.name),
        ...stageDeployment(stage, deployment).properties,
      })),
      ...Object.fromEntries(extra.sort(([a], [b]) => compareCodeUnits(a, b))),
    },
    outputs: {
      // With the execute-api endpoint turned off, that URL answers 403.
      ...(!api.disableDefaultEndpoint &&
        Object.fromEntries(
          model.stages.map((stage) => [
            `${stagePrefix(api.logicalId, stage)}Url`,
            {
              Description: `Invoke URL of the ${readableText(stage.name)} stage`,
              Value: sub(
                `https://\${${api.logicalId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/\${${stage.logicalId}}/`,
              ),
            },
          ]),
        )),
      [`${api.logicalId}Id`]: { Description: 'REST API id', Value: ref(api.logicalId) },
      ...(canary && {
        [`${api.logicalId}DeploymentId`]: {
          Description: "Id of this template's deployment: the canary's while a stage has one",
          Value: ref(deployment),
        },
      }),
      ...Object.assign({}, ...contributions.map((c) => c.outputs ?? {})),
    },
    parameters: Object.assign({}, ...served.map((s) => s.parameters)),
    conditions: Object.assign({}, ...served.map((s) => s.conditions)),
    diagnostics: [...contributions.flatMap((c) => c.diagnostics ?? []), ...secretsInBody(body, model, loaded)],
  };
}
