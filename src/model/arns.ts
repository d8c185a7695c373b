/** ARNs of this API, always from pseudo parameters (never a hard-coded partition, Region or account). */
import type { HttpMethod } from './ir.js';

/**
 * The execute-api ARN of a method on any stage: `…:{api}/*\/GET/pets/*`. Parameter segments become `*`
 * because the ARN checked at run time carries the actual values.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
/** `stage`: a Sub template of the stage's name, or `*` for any stage. */
export function executeApiMethodArn(apiLogicalId: string, method: HttpMethod, path: string, stage = '*'): string {
  const resource = path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith('{') ? '*' : segment))
    .join('/');
  return executeApiArn(apiLogicalId, `${stage}/${method === 'ANY' ? '*' : method}/${resource}`);
}

/** The execute-api ARN (a `Fn::Sub` template) of `resource` in this API: `…:{api}/authorizers/*`. */
export function executeApiArn(apiLogicalId: string, resource: string): string {
  return `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiLogicalId}}/${resource}`;
}
