/** What every stage has, REST or HTTP: its name among the Outputs, and its stage variables. */
import { cfnText, type Json } from '../../model/aws-value.js';
import type { CfnOutput } from '../../model/cfn.js';
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
