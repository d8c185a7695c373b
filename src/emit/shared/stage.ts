/** What every stage has, REST or HTTP: its name among the Outputs, and its stage variables. */
import { cfnText, cfnTextWith, type Json } from '../../model/aws-value.js';
import { type CfnOutput, type CfnResource, ref } from '../../model/cfn.js';
import type { GatewayModel } from '../../model/ir.js';

/** The Stage's logical ID. */
export function stageLogicalId(apiLogicalId: string): string {
  return `${apiLogicalId}Stage`;
}

/** `variablesKey`: the property stage variables go in (`Variables` on a REST stage, `StageVariables` on HTTP). */
export function stageBasics(
  model: GatewayModel,
  variablesKey: 'Variables' | 'StageVariables',
): { outputs: Record<string, CfnOutput>; settings: Record<string, Json> } {
  const { api, stage } = model;
  const outputs: Record<string, CfnOutput> = {
    [`${api.logicalId}StageName`]: { Description: 'Stage name', Value: cfnText(stage.name) },
  };
  const settings: Record<string, Json> = {};
  if (Object.keys(stage.variables).length > 0)
    settings[variablesKey] = Object.fromEntries(
      Object.entries(stage.variables).map(([name, value]) => [name, cfnText(value)]),
    );
  return { outputs, settings };
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
