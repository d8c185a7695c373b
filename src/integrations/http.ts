/**
 * HTTP proxy integration (`http_proxy`): the request goes to the backend URL as it came, with path
 * parameters filled into the URL and query parameters passed on; optionally through a VPC link.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html
 */
import { cfnValue } from '../model/aws-value.js';
import type { HttpIntegration } from '../model/ir.js';
import type { IntegrationContext, IntegrationOutput } from './types.js';

export function renderHttpIntegration({ route }: IntegrationContext, http: HttpIntegration): IntegrationOutput {
  const urlText = http.url.kind === 'literal' ? http.url.value : http.url.kind === 'sub' ? http.url.template : '';
  const requestParameters: Record<string, string> = {};
  for (const match of urlText.matchAll(/(?<!\$)\{([^}]+)\}/g)) {
    requestParameters[`integration.request.path.${match[1]}`] = `method.request.path.${match[1]}`;
  }
  for (const p of route.parameters) {
    if (p.in === 'query') requestParameters[`integration.request.querystring.${p.name}`] = `method.request.querystring.${p.name}`;
  }
  return {
    integration: {
      type: 'http_proxy',
      httpMethod: route.method,
      uri: cfnValue(http.url),
      ...(Object.keys(requestParameters).length > 0 && { requestParameters }),
      passthroughBehavior: 'when_no_match',
      timeoutInMillis: http.timeout,
      ...(http.vpcLink && { connectionType: 'VPC_LINK', connectionId: cfnValue(http.vpcLink) }),
    },
  };
}
