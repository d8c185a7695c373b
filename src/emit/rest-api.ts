/**
 * The REST API resources: RestApi with its OpenAPI Body, a Deployment whose logical ID changes whenever
 * the API does, the Stage, and what the integrations need.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderIntegration } from '../integrations/render.js';
import type { LoadedDocument } from '../load/load-document.js';
import type { GatewayModel } from '../model/ir.js';
import { buildBody, type OperationPatch } from './body.js';
import { type CfnOutput, type CfnResource, ref, sub } from './cfn.js';

export interface RestApiParts {
  readonly resources: Record<string, CfnResource>;
  readonly outputs: Record<string, CfnOutput>;
  readonly diagnostics: readonly Diagnostic[];
}

const ENDPOINT_TYPE = { edge: 'EDGE', regional: 'REGIONAL', private: 'PRIVATE' } as const;

export function emitRestApi(model: GatewayModel, loaded: LoadedDocument): RestApiParts {
  const { api, stage } = model;
  const diagnostics: Diagnostic[] = [];
  const integrationResources: Record<string, CfnResource> = {};
  const patches: OperationPatch[] = [];
  for (const route of model.routes) {
    const output = renderIntegration({ api, route });
    if (!output) continue;
    patches.push({ route, extensions: { 'x-amazon-apigateway-integration': output.integration }, ...(output.statusCodes && { statusCodes: output.statusCodes }) });
    Object.assign(integrationResources, output.resources);
    diagnostics.push(...(output.diagnostics ?? []));
  }
  const body = buildBody(loaded.document, patches);

  const restApi: CfnResource = {
    Type: 'AWS::ApiGateway::RestApi',
    Properties: {
      Name: api.name,
      ...(api.description !== undefined && { Description: api.description }),
      EndpointConfiguration: { Types: [ENDPOINT_TYPE[api.endpoint]] },
      Body: body as never,
    },
  };
  const deploymentId = `${api.logicalId}Deployment${hashOf([restApi.Properties])}`;
  const stageId = `${api.logicalId}Stage`;
  return {
    resources: {
      [api.logicalId]: restApi,
      [deploymentId]: {
        Type: 'AWS::ApiGateway::Deployment',
        Properties: { RestApiId: ref(api.logicalId), Description: `${api.name} as compiled by gateform` },
      },
      [stageId]: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: { RestApiId: ref(api.logicalId), StageName: stage.name, DeploymentId: ref(deploymentId) },
      },
      ...sortedByKey(integrationResources),
    },
    outputs: {
      [`${api.logicalId}Url`]: {
        Description: `Invoke URL of the ${stage.name} stage`,
        Value: sub(`https://\${${api.logicalId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/\${${stageId}}/`),
      },
      [`${api.logicalId}Id`]: { Description: 'REST API id', Value: ref(api.logicalId) },
    },
    diagnostics,
  };
}

/** A short, stable hash of what must redeploy the API when it changes. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
