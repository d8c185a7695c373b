/**
 * Service integrations of a compiled spec, with CloudFormation's part done (Fn::Sub, Ref, GetAtt, Select,
 * Split resolved with sample values), ready to render with the API Gateway stand-in.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { expect } from 'vitest';
import { compile, type CompileOptions } from '../../src/index.js';
import type { Json } from '../../src/model/aws-value.js';
import { type Rendered, renderTemplate, type SampleRequest } from './apigateway-vtl.js';
import { tempDir } from './temp.js';

const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'eu-west-1',
  'AWS::AccountId': '123456789012',
};

/** CloudFormation's part: resolve Fn::Sub, Ref, GetAtt, Select and Split with sample parameter values. */
export function resolve(value: Json, parameters: Record<string, string>): string {
  const lookup = (name: string): string => {
    const found = PSEUDO[name] ?? parameters[name];
    if (found === undefined) throw new Error(`no sample value for ${name}`);
    return found;
  };
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`not a string value: ${JSON.stringify(value)}`);
  const obj = value as Record<string, Json>;
  if ('Ref' in obj) return lookup(String(obj['Ref']));
  if ('Fn::GetAtt' in obj) return lookup((obj['Fn::GetAtt'] as string[]).join('.'));
  if ('Fn::Select' in obj) {
    const [index, list] = obj['Fn::Select'] as [number, Json];
    return resolveList(list, parameters)[index]!;
  }
  if ('Fn::Sub' in obj) {
    const sub = obj['Fn::Sub'];
    const [template, variables] = Array.isArray(sub)
      ? [sub[0] as string, sub[1] as Record<string, Json>]
      : [sub as string, {}];
    return template.replace(/\$\{([^}]+)\}/g, (_m, name: string) =>
      name.startsWith('!')
        ? '${' + name.slice(1) + '}'
        : name in variables
          ? resolve(variables[name]!, parameters)
          : lookup(name),
    );
  }
  throw new Error(`unsupported intrinsic ${JSON.stringify(value)}`);
}

function resolveList(value: Json, parameters: Record<string, string>): string[] {
  const split = (value as Record<string, Json>)['Fn::Split'] as [string, Json];
  return resolve(split[1], parameters).split(split[0]);
}

export interface Integration {
  readonly requestTemplates?: Record<string, Json>;
  readonly responses: Record<string, { statusCode: string; responseTemplates?: Record<string, Json> }>;
  readonly uri: Json;
  readonly requestParameters?: Record<string, Json>;
}

export interface ServiceRoute {
  readonly integration: Integration;
  readonly request: (request: SampleRequest) => Rendered;
  readonly response: (payload: string, key?: string) => Rendered;
}

/** Compile a fixture and hand out its integrations by "METHOD /path", resolved with sample values. */
export async function integrationsOf(
  fixture: string,
  parameters: Record<string, string>,
): Promise<(route: string) => ServiceRoute> {
  const base = `fixtures/${fixture}/base.yaml`;
  return routesOf(`fixtures/${fixture}/openapi.yaml`, parameters, existsSync(base) ? { into: base } : {});
}

/** Compile a spec (without errors) and hand out its integrations by "METHOD /path". */
export async function routesOf(
  spec: string,
  parameters: Record<string, string>,
  options: CompileOptions = {},
): Promise<(route: string) => ServiceRoute> {
  const result = await compile(spec, options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const api = Object.values(result.template!.Resources).find((r) => r.Type === 'AWS::ApiGateway::RestApi')!;
  const paths = (api.Properties!['Body'] as Record<string, Record<string, Record<string, Record<string, unknown>>>>)[
    'paths'
  ]!;
  return (route: string) => {
    const [method, path] = route.split(' ') as [string, string];
    const integration = paths[path]![method.toLowerCase()]![
      'x-amazon-apigateway-integration'
    ] as unknown as Integration;
    return {
      integration,
      request: (request: SampleRequest) =>
        renderTemplate(
          resolve(integration.requestTemplates!['application/json']!, parameters),
          request.body ?? '',
          request,
        ),
      response: (payload: string, key = 'default') =>
        renderTemplate(
          resolve(integration.responses[key]!.responseTemplates!['application/json']!, parameters),
          payload,
        ),
    };
  };
}

/** A spec of POST operations with a JSON body, one per path, each with the integration given; returns its path. */
export function writeServiceSpec(paths: Record<string, unknown>): string {
  const path = join(tempDir('gateform-service-'), 'openapi.yaml');
  const operation = (integration: unknown): unknown => ({
    post: {
      'x-gateway': { integration },
      requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
      responses: { '200': { description: 'ok' } },
    },
  });
  writeFileSync(
    path,
    stringify({
      openapi: '3.0.3',
      info: { title: 'Services', version: '1' },
      paths: Object.fromEntries(Object.entries(paths).map(([p, integration]) => [p, operation(integration)])),
    }),
  );
  return path;
}
