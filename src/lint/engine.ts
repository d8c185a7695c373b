/** Run the rules over a loaded document (and its model, when there is one). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { childPointer, followRefs } from '../diagnostics/diagnostic.js';
import type { JsonObject, LoadedDocument } from '../load/load-document.js';
import type { ApiType, GatewayModel } from '../model/ir.js';
import { apiTypeOf } from './api-type.js';
import { ignoreOf, type LintConfig, severityOf } from './config.js';
import type { OperationNode, Rule, RuleContext, Visitors } from './rule.js';
import { RULES } from './rules/index.js';

const OPERATION_KEYS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
  'x-amazon-apigateway-any-method',
];

/** Findings an `ignore` entry covers go to `suppressed` (with the entry's reason) when it is given. */
export function lintDocument(
  loaded: LoadedDocument,
  model: GatewayModel | undefined,
  config: LintConfig,
  rules: readonly Rule[] = RULES,
  suppressed?: Diagnostic[],
): Diagnostic[] {
  const document = loaded.document;
  const diagnostics: Diagnostic[] = [];
  const visitors: Visitors[] = [];
  // A finding at a place many operations share (an integration in `defaults`) is said once.
  const said = new Set<string>();
  // API Gateway imports Swagger 2.0 as a REST API only (HTTP APIs import OpenAPI 3.0).
  const apiType = apiTypeOf(document, loaded.swagger ? 'rest' : model?.api.type);
  for (const rule of rules) {
    const severity = severityOf(rule, config);
    if (severity === 'off') continue;
    const context: RuleContext<string> = {
      document,
      version: loaded.version,
      ...(loaded.swagger && { swagger: loaded.swagger }),
      ...(model && { model }),
      apiType,
      endpoint: model?.api.endpoint ?? rawEndpoint(document),
      deref: (node) => followRefs(document, node),
      report: (messageId, at, data = {}, part) => {
        const location =
          typeof at === 'string'
            ? loaded.locate(at, part)
            : { file: at.file, pointer: at.pointer, ...(part && { part }) };
        const ignore = ignoreOf(config, rule.meta.id, location.file, location.pointer);
        if (ignore && !suppressed) return;
        const template = (rule.meta.messages as Record<string, string>)[messageId] ?? messageId;
        const message = template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(data[key] ?? ''));
        const key = JSON.stringify([rule.meta.id, message, location.file, location.pointer, location.part]);
        if (said.has(key)) return;
        said.add(key);
        (ignore ? suppressed! : diagnostics).push({
          code: rule.meta.id,
          severity: severity === 'error' ? 'error' : 'warning',
          message,
          location,
          hint: `${rule.meta.description} See docs/rules/${rule.meta.id}.md.`,
          messageId,
          ...(ignore && { suppression: { kind: 'ignore', reason: ignore.reason } }),
        });
      },
    };
    visitors.push(rule.create(context));
  }
  for (const v of visitors) v.Document?.(document);
  for (const node of operations(document, apiType)) for (const v of visitors) v.Operation?.(node);
  for (const v of visitors) v.DocumentExit?.();
  return diagnostics;
}

/** The endpoint type of a spec without x-gateway: private when it lists VPC endpoints. */
function rawEndpoint(document: JsonObject): 'edge' | 'regional' | 'private' {
  const servers = Array.isArray(document['servers']) ? (document['servers'] as Record<string, unknown>[]) : [];
  const configured = servers.some((s) =>
    Array.isArray(
      (s?.['x-amazon-apigateway-endpoint-configuration'] as Record<string, unknown> | undefined)?.['vpcEndpointIds'],
    ),
  );
  return configured ? 'private' : 'regional';
}

function* operations(document: JsonObject, apiType: ApiType): Generator<OperationNode> {
  for (const [path, rawItem] of Object.entries((document['paths'] ?? {}) as Record<string, unknown>)) {
    const item = followRefs(document, rawItem) as JsonObject | undefined;
    if (!item || typeof item !== 'object') continue;
    const itemPointer = childPointer('/paths', path);
    for (const key of OPERATION_KEYS) {
      const operation = item[key] as JsonObject | undefined;
      if (!operation || typeof operation !== 'object') continue;
      const pointer = childPointer(itemPointer, key);
      const parameters = new Map<string, OperationNode['parameters'][number]>();
      const collect = (list: unknown, listPointer: string): void => {
        if (!Array.isArray(list)) return;
        list.forEach((entry, i) => {
          const p = followRefs(document, entry) as Record<string, unknown> | undefined;
          if (!p || typeof p['name'] !== 'string' || typeof p['in'] !== 'string') return;
          parameters.set(`${p['in']} ${p['name']}`, {
            name: p['name'],
            in: p['in'],
            required: p['required'] === true,
            pointer: childPointer(listPointer, i),
          });
        });
      };
      collect(item['parameters'], childPointer(itemPointer, 'parameters'));
      collect(operation['parameters'], childPointer(pointer, 'parameters'));
      const method = key === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase();
      yield { path, key, method, operation, pointer, parameters: [...parameters.values()], apiType };
    }
  }
}
