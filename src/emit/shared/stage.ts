/** What every stage has, REST or HTTP: its name among the Outputs, and its stage variables. */
import { cfnText, cfnTextWith, type Json } from '../../model/aws-value.js';
import { type CfnOutput, type CfnResource, ref } from '../../model/cfn.js';
import type { Stage } from '../../model/ir.js';
import type { Contribution } from './contribution.js';

/**
 * The prefix of a stage's own logical IDs (its log group, web ACL association, alarms, URL output): the
 * API's for the single `stage`, as before there were several, the Stage's for an entry of `stages`.
 */
export function stagePrefix(apiLogicalId: string, stage: Stage): string {
  return stage.key === undefined ? apiLogicalId : stage.logicalId;
}

/**
 * The API's Stage resources, one per stage: `properties` (the API, name and deployment), then what the
 * features' emitters set on it, waiting for what they ask.
 */
export function stageResources(
  stages: readonly Stage[],
  contributions: readonly Contribution[],
  type: 'AWS::ApiGateway::Stage' | 'AWS::ApiGatewayV2::Stage',
  properties: (stage: Stage) => Record<string, Json>,
): Record<string, CfnResource> {
  return Object.fromEntries(
    stages.map((stage) => {
      const parts = contributions.flatMap((c) => c.stages?.[stage.logicalId] ?? []);
      const dependsOn = parts.flatMap((part) => part.dependsOn ?? []);
      const resource: CfnResource = {
        Type: type,
        ...(dependsOn.length > 0 && { DependsOn: dependsOn }),
        Properties: Object.assign(properties(stage), ...parts.map((part) => part.properties)),
      };
      return [stage.logicalId, resource];
    }),
  );
}

/** Stage variables as the Stage takes them (`Variables` on a REST stage, `StageVariables` on V2 stages). */
export function stageVariables(variables: Readonly<Record<string, string>>): Json | undefined {
  const entries = Object.entries(variables);
  return entries.length > 0 ? Object.fromEntries(entries.map(([name, value]) => [name, cfnText(value)])) : undefined;
}

/** `variablesKey`: the property stage variables go in (`Variables` on a REST stage, `StageVariables` on HTTP). */
export function stageBasics(
  stage: Stage,
  variablesKey: 'Variables' | 'StageVariables',
): { outputs: Record<string, CfnOutput>; settings: Record<string, Json> } {
  const outputs: Record<string, CfnOutput> = {
    [`${stage.logicalId}Name`]: { Description: 'Stage name', Value: cfnText(stage.name) },
  };
  const variables = stageVariables(stage.variables);
  return { outputs, settings: variables ? { [variablesKey]: variables } : {} };
}

/**
 * The client certificate a stage presents to HTTP backends (REST and WebSocket stages; one per document,
 * made by the API `apiLogicalId`), with its id among the Outputs.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html
 */
export function clientCertificateParts(
  apiLogicalId: string,
  apiName: string,
): { id: string; resources: Record<string, CfnResource>; outputs: Record<string, CfnOutput> } {
  const id = `${apiLogicalId}ClientCertificate`;
  return {
    id,
    resources: {
      [id]: {
        Type: 'AWS::ApiGateway::ClientCertificate',
        Properties: { Description: cfnTextWith(apiName, ': certificate the stage presents to HTTP backends') },
      },
    },
    outputs: {
      [`${id}Id`]: {
        Description: 'Id of the client certificate (its PEM: aws apigateway get-client-certificate)',
        Value: ref(id),
      },
    },
  };
}
