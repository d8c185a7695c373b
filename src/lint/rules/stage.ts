/**
 * Where the stage rules report: an entry of `x-gateway.stages`, else `x-gateway.stage` when written, else
 * `x-gateway`. They run only on a
 * document with a gateway model: a spec without x-gateway cannot hold stage settings (they are set on its
 * `AWS::ApiGateway::Stage`, in SAM, Terraform or the console), so a finding there could not be fixed in it.
 */
import type { JsonObject } from '../../load/load-document.js';
import type { Stage } from '../../model/ir.js';

export function stagePointer(document: JsonObject, stage: Stage): string {
  if (stage.key !== undefined) return stage.pointer;
  const gateway = document['x-gateway'];
  return gateway !== null && typeof gateway === 'object' && Object.hasOwn(gateway, 'stage')
    ? '/x-gateway/stage'
    : '/x-gateway';
}
