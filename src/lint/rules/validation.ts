/** Whether an operation's body is validated by a raw request validator (its own, or the root default). */
import type { OperationNode, RuleContext } from '../rule.js';

export function validatesBody(context: RuleContext<string>, node: OperationNode): boolean {
  const validators = (context.document['x-amazon-apigateway-request-validators'] ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  const name =
    node.operation['x-amazon-apigateway-request-validator'] ??
    context.document['x-amazon-apigateway-request-validator'];
  return typeof name === 'string' && validators[name]?.['validateRequestBody'] === true;
}
