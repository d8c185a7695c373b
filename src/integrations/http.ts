/**
 * HTTP proxy integration (`http_proxy`): the request goes to the backend URL as it came, with path
 * parameters filled into the URL and query parameters passed on, and the integration's own parameter
 * mapping (mapping.ts); optionally through a VPC link.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html
 */
import { type AwsValue, cfnValue, templateText } from '../model/aws-value.js';
import type { HttpIntegration } from '../model/ir.js';
import { restMapping } from './mapping.js';
import type { IntegrationContext, IntegrationOutput } from './types.js';

/** `{name}`, not `${name}`: a path variable of the backend URL. */
const PATH_VARIABLE = /(?<!\$)\{([^}]+)\}/g;

/**
 * The `{name}` path variables of a backend URL; undefined when the URL is an intrinsic other than
 * `Fn::Sub` (`Fn::Join`, `Fn::If`…), whose text is only known at deploy time.
 */
export function backendPathVariables(url: AwsValue): string[] | undefined {
  const text = templateText(url);
  return text === undefined ? undefined : [...text.matchAll(PATH_VARIABLE)].map((m) => m[1]!);
}

export function renderHttpIntegration({ route }: IntegrationContext, http: HttpIntegration): IntegrationOutput {
  const requestParameters: Record<string, string> = {};
  for (const name of backendPathVariables(http.url) ?? []) {
    requestParameters[`integration.request.path.${name}`] = `method.request.path.${name}`;
  }
  for (const p of route.parameters) {
    if (p.in === 'query')
      requestParameters[`integration.request.querystring.${p.name}`] = `method.request.querystring.${p.name}`;
  }
  // The integration's own mapping comes last: it may set a path variable or parameter differently.
  const mapped = restMapping(route, http.mapping);
  Object.assign(requestParameters, mapped.requestParameters);
  return {
    integration: {
      type: 'http_proxy',
      httpMethod: route.method,
      uri: cfnValue(http.url),
      ...(Object.keys(requestParameters).length > 0 && { requestParameters }),
      passthroughBehavior: 'when_no_match',
      timeoutInMillis: http.timeout,
    },
    ...(mapped.requestHeaders.length > 0 && { requestHeaders: mapped.requestHeaders }),
    ...(mapped.requestQuery.length > 0 && { requestQuery: mapped.requestQuery }),
    ...(http.vpcLink && { vpcLink: http.vpcLink }),
  };
}
