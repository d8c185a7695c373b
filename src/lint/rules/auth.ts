/** How an operation is protected: from the model when x-gateway set it, else from the raw extensions. */
import { asBlock, isBlock } from '../../model/context.js';
import type { Route } from '../../model/ir.js';
import type { OperationNode, RuleContext } from '../rule.js';
import { securitySchemesOf } from './integration.js';

export interface Protection {
  readonly authenticated: boolean;
  readonly apiKey: boolean;
}

/** The model's route for an operation (routes indexed once per model). */
const indexes = new WeakMap<readonly Route[], Map<string, Route>>();
export function routeOf(context: RuleContext<string>, node: OperationNode): Route | undefined {
  const routes = context.model?.routes;
  if (!routes) return undefined;
  let index = indexes.get(routes);
  if (!index) {
    index = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
    indexes.set(routes, index);
  }
  return index.get(`${node.method} ${node.path}`);
}

export function protectionOf(context: RuleContext<string>, node: OperationNode): Protection {
  const route = routeOf(context, node);
  if (route?.auth || route?.apiKey)
    return { authenticated: route.auth !== undefined && route.auth.kind !== 'none', apiKey: route.apiKey };
  const schemes = securitySchemesOf(context.document);
  const iam = String(asBlock(node.operation['x-amazon-apigateway-auth'])['type'] ?? '').toUpperCase() === 'AWS_IAM';
  const requirements: unknown[] = Array.isArray(node.operation['security']) ? node.operation['security'] : [];
  let authenticated = iam;
  let apiKey = false;
  for (const requirement of requirements) {
    for (const name of Object.keys(asBlock(requirement))) {
      const scheme = Object.hasOwn(schemes, name) ? context.deref(schemes[name]) : undefined;
      if (!isBlock(scheme)) continue;
      if (
        Object.hasOwn(scheme, 'x-amazon-apigateway-authorizer') ||
        String(scheme['x-amazon-apigateway-authtype'] ?? '').toLowerCase() === 'awssigv4'
      )
        authenticated = true;
      // API Gateway reads an apiKey scheme as "requires an API key" when it names the x-api-key header.
      else if (scheme['type'] === 'apiKey' && String(scheme['name']).toLowerCase() === 'x-api-key') apiKey = true;
    }
  }
  return { authenticated, apiKey };
}
