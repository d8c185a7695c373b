/**
 * Lambda integrations, proxy (`aws_proxy`, optionally streamed) and non-proxy (`aws`), and the permissions that let API Gateway invoke the functions:
 * one per route, scoped to that route, unless a function serves more routes than its policy can hold.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  type AwsValue,
  type CfnString,
  cfnValue,
  hasPlaceholder,
  type Intrinsic,
  type Json,
  joinSub,
  readableText,
  referencedNames,
  subTemplate,
  subText,
  templateText,
} from '../model/aws-value.js';
import { asBlock, type Block, type ModelContext } from '../model/context.js';
import type { Api, LambdaIntegration, Origin, ResourceForm, Route, Stage } from '../model/ir.js';
import { hintedForm, wholeReference } from './resource-form.js';
import { pascalCase, uniqueId } from '../model/names.js';
import { executeApiArn, executeApiMethodArn } from '../model/arns.js';
import { type CfnResource, sub } from '../model/cfn.js';
import type { IntegrationOutput } from './types.js';
import { type ServiceRoute, successStatus } from './aws-service.js';
import { restMapping } from './mapping.js';
import { renderVtl } from './vtl.js';

/**
 * The most routes one function gets a permission each for. Each permission is a statement of about
 * 350 bytes in the function's resource-based policy, which holds at most 20 KB
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html): 25 take under half of it,
 * leaving room for the function's other callers. Past that, one permission covers the whole API.
 */
export const MAX_ROUTE_PERMISSIONS = 25;

/** The URI API Gateway invokes a Lambda function by (integrations and authorizers alike). */
export function lambdaInvocationUri(fn: AwsValue): CfnString {
  return joinSub([
    subText('arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/'),
    fn,
    '/invocations',
  ]);
}

/**
 * The URI API Gateway streams a function's answer by (InvokeWithResponseStream), which still needs only
 * lambda:InvokeFunction. https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode-lambda.html
 * and https://docs.aws.amazon.com/lambda/latest/api/API_InvokeWithResponseStream.html (read 2026-12-03)
 */
export function lambdaStreamingUri(fn: AwsValue): CfnString {
  return joinSub([
    subText('arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2021-11-15/functions/'),
    fn,
    '/response-streaming-invocations',
  ]);
}

export function renderLambdaIntegration(
  route: ServiceRoute & Pick<Route, 'parameters'>,
  lambda: LambdaIntegration,
): IntegrationOutput {
  // With an invoke role API Gateway calls the function as that role: no resource-based permission.
  const credentials = lambda.role && { credentials: cfnValue(lambda.role) };
  if (lambda.proxy)
    return {
      integration: {
        type: 'aws_proxy',
        httpMethod: 'POST',
        uri: lambda.stream ? lambdaStreamingUri(lambda.function) : lambdaInvocationUri(lambda.function),
        passthroughBehavior: 'when_no_match',
        timeoutInMillis: lambda.timeout,
        ...credentials,
        ...(lambda.stream && { responseTransferMode: 'STREAM' }),
      },
    };
  return renderNonProxyLambda(route, lambda, credentials);
}

/**
 * A non-proxy (`aws`) integration: the request template (or, without one, the body as sent) is the event;
 * the function's result, through the response template, is the success answer. A function error (API
 * Gateway matches the selection patterns against its `errorMessage`) answers 500 with a message of the
 * gateway's own, so that neither the error message nor the stack trace reaches the client.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-custom-integrations.html
 */
function renderNonProxyLambda(
  route: ServiceRoute & Pick<Route, 'parameters'>,
  lambda: LambdaIntegration,
  credentials: { readonly credentials: Json } | undefined,
): IntegrationOutput {
  const success = successStatus(route);
  const mapped = restMapping(route, lambda.mapping);
  const responseParameters = mapped.responseParameters;
  return {
    integration: {
      type: 'aws',
      httpMethod: 'POST',
      uri: lambdaInvocationUri(lambda.function),
      ...(lambda.requestTemplate !== undefined && {
        requestTemplates: { 'application/json': lambda.requestTemplate },
      }),
      // With a template, a request of another content type is refused (415) rather than passed on unmapped.
      passthroughBehavior: lambda.requestTemplate !== undefined ? 'never' : 'when_no_templates',
      timeoutInMillis: lambda.timeout,
      ...credentials,
      responses: {
        default: {
          statusCode: String(success),
          ...(Object.keys(responseParameters).length > 0 && { responseParameters: { ...responseParameters } }),
          ...(lambda.responseTemplate !== undefined && {
            responseTemplates: { 'application/json': lambda.responseTemplate },
          }),
        },
        '.+': {
          statusCode: '500',
          responseTemplates: { 'application/json': renderVtl('lambda/error.response', {}) },
        },
      },
    },
    statusCodes: [success, 500],
    ...(mapped.responseHeaders.length > 0 && { responseHeaders: mapped.responseHeaders }),
  };
}

/**
 * The options of `lambda: { function, proxy, stream }`; undefined for `lambda: <function>` (an ARN, a
 * name or an intrinsic, which names one key `Ref` / `Fn::…`).
 */
export function lambdaOptions(raw: unknown): Block | undefined {
  const block = asBlock(raw);
  return 'function' in block ? block : undefined;
}

/** A function API Gateway invokes on a route, and where it was written. */
interface Invoked {
  readonly route: Route;
  readonly fn: AwsValue;
  readonly origin: Origin;
}

/**
 * The invoke permissions of the API's Lambda routes (`lambda`, and raw `aws_proxy` integrations whose
 * URI names a function), grouped by function; none for a route with an invoke role.
 */
export function renderLambdaPermissions(
  api: Api,
  stages: readonly Stage[],
  routes: readonly Route[],
): { resources: Record<string, CfnResource>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const scopes = stageScopes(stages);
  const byFunction = new Map<string, { fn: AwsValue; scope?: StageScope; routes: Invoked[] }>();
  for (const invoked of routes.flatMap((route) => invokedBy(route, diagnostics))) {
    for (const { fn, scope } of invokedFunctions(invoked.fn, invoked.origin, 'route', scopes, diagnostics)) {
      const key = JSON.stringify([cfnValue(fn), scope?.name]);
      const group = byFunction.get(key) ?? { fn, ...(scope && { scope }), routes: [] };
      // A canary naming the same function as its stage needs no permission of its own.
      if (!group.routes.some((r) => r.route === invoked.route)) group.routes.push(invoked);
      byFunction.set(key, group);
    }
  }
  const resources: Record<string, CfnResource> = {};
  for (const { fn, scope, routes: served } of byFunction.values()) {
    // The stage in the source ARN: the one whose variables chose the function, else any.
    const stage = scope ? subTemplate(scope.name) : '*';
    if (served.length <= MAX_ROUTE_PERMISSIONS) {
      for (const { route } of served)
        resources[`${api.logicalId}${route.id}Permission${scope?.label ?? ''}`] = invokePermission(
          fn,
          executeApiMethodArn(api.logicalId, route.method, route.path, stage),
        );
      continue;
    }
    const id = uniqueId(`${api.logicalId}${functionLabel(fn)}InvokePermission`, new Set(Object.keys(resources)));
    resources[id] = invokePermission(fn, executeApiArn(api.logicalId, `${stage}/*/*`));
    diagnostics.push({
      code: 'lambda-permission-api-wide',
      severity: 'info',
      message: `This function serves ${served.length} routes: it gets one invoke permission for every route of this API rather than one per route.`,
      location: served[0]!.origin,
      hint:
        `One statement per route would crowd the function's resource-based policy (20 KB at most); up to ` +
        `${MAX_ROUTE_PERMISSIONS} routes per function get a permission each.`,
    });
  }
  return { resources, diagnostics };
}

/** The function a route invokes by a resource-based permission: not one with an invoke role. */
function invokedBy(route: Route, diagnostics: Diagnostic[]): Invoked[] {
  const integration = route.integration;
  if (integration.kind === 'lambda')
    return integration.role ? [] : [{ route, fn: integration.function, origin: integration.origin }];
  if (integration.kind !== 'raw' || integration.invokes === undefined) return [];
  if (integration.invokes !== 'unreadable') return [{ route, fn: integration.invokes, origin: integration.origin }];
  diagnostics.push({
    code: 'lambda-permission-not-generated',
    severity: 'info',
    message:
      'This integration invokes a Lambda function whose ARN cannot be read from its `uri` (an intrinsic ' +
      'other than `Fn::Sub`), so no invoke permission is generated for it.',
    location: integration.origin,
    hint:
      'Write the `uri` as a string or `!Sub` (…/functions/${MyFunction.Arn}/invocations) to get the ' +
      'permission, set `credentials` to an invoke role, or grant `lambda:InvokeFunction` to ' +
      'apigateway.amazonaws.com yourself.',
  });
  return [];
}

/**
 * A stage as a function chosen by a stage variable sees it: its variables (a canary's over its stage's),
 * its name (for the source ARN), and `label`, which tells its permissions' logical IDs apart (the
 * stage's key, never a value).
 */
export interface StageScope {
  readonly label: string;
  readonly name: string;
  readonly variables: Readonly<Record<string, string>>;
}

/** The scopes of the API's stages: each stage, and each canary whose variables differ from its stage's. */
export function stageScopes(stages: readonly Stage[]): StageScope[] {
  return stages.flatMap((stage) => {
    const label = stage.key === undefined ? '' : pascalCase(stage.key.replace('$', '')) || 'Default';
    const own = { label, name: stage.name, variables: stage.variables };
    if (!stage.canary || Object.keys(stage.canary.variables).length === 0) return [own];
    return [
      own,
      { label: `${label}Canary`, name: stage.name, variables: { ...stage.variables, ...stage.canary.variables } },
    ];
  });
}

/** A function and the stage it is invoked on (undefined: any stage, it names no stage variable). */
export interface InvokedFunction {
  readonly fn: AwsValue;
  readonly scope?: StageScope;
}

const STAGE_VARIABLE = /\$\{!?stageVariables\.([A-Za-z0-9_]+)\}/g;

/**
 * The functions API Gateway invokes for `fn`, each needing its own invoke permission: `fn` itself, or,
 * when a stage variable chooses it (`…:pets:${stageVariables.alias}`), the function each stage's
 * variables name, scoped to that stage, since `AWS::Lambda::Permission` needs the function now. A stage
 * that leaves a variable unset, or a function built by an intrinsic, gets none: an info says how to grant
 * it. `what` names the caller: a route or an authorizer.
 */
export function invokedFunctions(
  fn: AwsValue,
  origin: Origin,
  what: 'route' | 'authorizer',
  scopes: readonly StageScope[],
  diagnostics: Diagnostic[],
): InvokedFunction[] {
  if (!chosenByStageVariable(fn)) return [{ fn }];
  const text = fn.kind === 'literal' ? fn.value : fn.kind === 'sub' ? fn.template : undefined;
  const resolved = scopes.flatMap((scope) => {
    if (text === undefined) return [];
    const names = [...text.matchAll(STAGE_VARIABLE)].map((match) => match[1]!);
    if (names.some((name) => scope.variables[name] === undefined)) return [];
    const replaced = text.replace(STAGE_VARIABLE, (_, name: string) => scope.variables[name]!);
    // A variable's value may hold a `${Name}` placeholder: the ARN is then a Sub.
    const value: AwsValue =
      fn.kind === 'sub' || hasPlaceholder(replaced)
        ? { kind: 'sub', template: replaced }
        : { kind: 'literal', value: replaced };
    return [{ fn: value, scope }];
  });
  const missing = text === undefined ? [] : scopes.filter((scope) => !resolved.some((r) => r.scope === scope));
  const stages = missing
    .map((scope) => `\`${readableText(scope.name)}\`${scope.label.endsWith('Canary') ? "'s canary" : ''}`)
    .join(', ');
  const unset =
    missing.length === scopes.length
      ? 'no stage sets, so no invoke permission can be generated for it'
      : `stage ${stages} does not set, so no invoke permission can be generated for that stage`;
  if (resolved.length === 0 || missing.length > 0)
    diagnostics.push({
      code: 'lambda-permission-not-generated',
      severity: 'info',
      message:
        text === undefined
          ? `The ${what}'s function is chosen by a stage variable in an intrinsic, so no invoke permission can be generated for it.`
          : `The ${what}'s function is chosen by a stage variable that ${unset}.`,
      location: origin,
      hint:
        `Set the stage variable on each stage (\`stage.variables\`), set \`role:\` on the ` +
        `${what === 'route' ? 'integration' : 'authorizer'} to an invoke role (trusting ` +
        `apigateway.amazonaws.com, allowed lambda:InvokeFunction on each function), or grant ` +
        `\`lambda:InvokeFunction\` to apigateway.amazonaws.com on each function (or alias) the stage variable ` +
        `may name.`,
    });
  return resolved;
}

/** A function ARN that names an API Gateway stage variable, in any spelling: a literal, `${!stageVariables.x}` in a Sub, a string in a Join. */
function chosenByStageVariable(fn: AwsValue): boolean {
  return /\$\{!?stageVariables\./.test(JSON.stringify(cfnValue(fn)));
}

const INVOCATION = /^(.*:lambda:path\/\d{4}-\d{2}-\d{2}\/functions\/)(.+)(\/(?:response-streaming-)?invocations)$/;

/**
 * The function a raw `x-amazon-apigateway-integration` invokes without `credentials` (an `aws_proxy` or
 * `aws` integration whose `uri` is a Lambda invocation URI): its ARN when the URI is a string or a
 * `Fn::Sub`, 'unreadable' when another intrinsic builds it, undefined when it invokes no function.
 */
export function rawInvokedFunction(integration: Block): AwsValue | 'unreadable' | undefined {
  const type = String(integration['type']).toLowerCase();
  if ((type !== 'aws_proxy' && type !== 'aws') || integration['credentials'] !== undefined) return undefined;
  const uri = integration['uri'];
  if (typeof uri === 'string') {
    const match = INVOCATION.exec(uri);
    return match ? { kind: 'literal', value: match[2]! } : undefined;
  }
  if (!JSON.stringify(uri ?? null).includes(':lambda:path/')) return undefined;
  const sub = asBlock(uri)['Fn::Sub'];
  const [template, variables] = Array.isArray(sub) ? [sub[0], sub[1]] : [sub, undefined];
  const match = typeof template === 'string' ? INVOCATION.exec(template) : null;
  if (!match) return 'unreadable';
  if (variables !== undefined) return { kind: 'intrinsic', value: { 'Fn::Sub': [match[2]!, variables as Json] } };
  return /\$\{[^!]/.test(match[2]!)
    ? { kind: 'sub', template: match[2]! }
    : { kind: 'literal', value: match[2]!.replace(/\$\{!/g, '${') };
}

/** Resource types whose `Ref` is a Lambda function's name (an alias's or version's is its ARN). */
const FUNCTION_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/**
 * A Lambda function as the integration URI and the permission need it, its ARN: given as an ARN, or by
 * name (`pets`, `pets:live`, `!Ref PetsFunction`, a parameter named …Name) as service targets may be,
 * whose ARN is built in the stack's account and Region. What cannot be told apart is read as an ARN.
 */
export function lambdaFunction(ctx: ModelContext, raw: unknown, pointer: string, usage: string): AwsValue {
  const fn = ctx.value(raw, pointer, usage);
  const form = lambdaFunctionForm(ctx, fn);
  if (form === 'unknown') {
    ctx.report(
      'lambda-not-an-arn',
      'error',
      `\`${templateText(fn)}\` is neither a function ARN nor a function name.`,
      pointer,
      'Use `!GetAtt MyFunction.Arn`, an ARN ' +
        '(`arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:name`), a function name ' +
        '(`pets`, `pets:live`), or a `${Name}` placeholder for one.',
    );
    return fn;
  }
  ctx.readAs(fn, form, pointer);
  if (form === 'arn') return fn;
  const arn = joinSub([subText('arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:'), fn]);
  const template = typeof arn === 'string' ? undefined : arn['Fn::Sub'];
  return typeof template === 'string' ? { kind: 'sub', template } : { kind: 'intrinsic', value: arn as Intrinsic };
}

function lambdaFunctionForm(ctx: ModelContext, fn: AwsValue): ResourceForm | 'unknown' {
  if (fn.kind === 'literal')
    return fn.value.startsWith('arn:') || fn.value.includes('${stageVariables.')
      ? 'arn'
      : /^[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?$/.test(fn.value)
        ? 'name'
        : 'unknown';
  const whole = wholeReference(fn);
  if (whole?.attribute !== undefined) return 'arn';
  if (whole) {
    const declared = ctx.declared(whole.name);
    if (declared?.kind === 'resource') return FUNCTION_TYPES.has(declared.type) ? 'name' : 'arn';
    const hinted =
      (declared?.description !== undefined ? hintedForm(declared.description).form : undefined) ??
      hintedForm(whole.name).form;
    return hinted === 'name' ? 'name' : 'arn';
  }
  const text = templateText(fn);
  if (text === undefined) return 'arn';
  // Text around the placeholders: an ARN says so, or follows a placeholder (`${FnArn}:live`); else a name built from parts.
  const outside = text.replace(/\$\{[^}]*\}/g, '');
  return text.startsWith('arn:') || (text.startsWith('${') && outside.startsWith(':'))
    ? 'arn'
    : /^[A-Za-z0-9_:$-]*$/.test(outside)
      ? 'name'
      : 'unknown';
}

/** Lets API Gateway invoke the function from `sourceArn` (a `Fn::Sub` template of execute-api ARNs). */
export function invokePermission(fn: AwsValue, sourceArn: string): CfnResource {
  return {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      Action: 'lambda:InvokeFunction',
      FunctionName: cfnValue(fn),
      Principal: 'apigateway.amazonaws.com',
      SourceArn: sub(sourceArn),
    },
  };
}

/** A readable name for a function in a logical ID: what it refers to, else the name in its ARN. */
function functionLabel(fn: AwsValue): string {
  const named = referencedNames(cfnValue(fn))[0] ?? templateText(fn)?.split(':').pop() ?? '';
  return pascalCase(named) || 'Function';
}
