/**
 * DynamoDB PutItem, GetItem, Query, Scan, UpdateItem and DeleteItem, with keys and attributes taken from
 * the request, items mapped back to plain JSON, and Query and Scan paged (see page.ts).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB.html
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { asBlock, type Block, type ModelContext, type RouteScope } from '../model/context.js';
import type { ServiceRoute } from './aws-service.js';
import { renderServiceIntegration } from './aws-service.js';
import { actionUri, allow, arnOf, nameOf, regionOf } from './iam.js';
import type { ResourceKind } from './resource-form.js';
import { type TemplateValue, templateValue } from './request-values.js';
import { refuseBody, requestValue, targetOf } from './service-values.js';
import type { DynamoDbAction, DynamoDbAttribute, DynamoDbIntegration, ServiceCommon } from '../model/ir.js';
import { PAGE_OPTIONS, pageTemplate, parsePage } from './dynamodb-page.js';
import type { IntegrationOutput } from './types.js';
import { renderVtl } from './vtl.js';

const READS: readonly DynamoDbAction[] = ['GetItem', 'Query', 'Scan', 'DeleteItem'];
/** The actions that read many items: on an index if one is named, a page at a time. */
const LISTS: readonly DynamoDbAction[] = ['Query', 'Scan'];

export const DYNAMODB_TABLE: ResourceKind = {
  noun: 'table',
  types: {
    'AWS::DynamoDB::Table': 'name',
    'AWS::DynamoDB::GlobalTable': 'name',
    'AWS::Serverless::SimpleTable': 'name',
  },
  forms: ['arn', 'name'],
  assumed: 'name',
  example: 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/pets',
};

export function parseDynamoDb(
  ctx: ModelContext,
  block: Block,
  pointer: string,
  scope: RouteScope,
  common: ServiceCommon,
): DynamoDbIntegration | undefined {
  const action = block['action'] as DynamoDbAction;
  const at = (key: string): string => childPointer(pointer, key);
  if (READS.includes(action)) refuseBody(ctx, scope, action, at('action'));
  const attributes = (key: string): DynamoDbAttribute[] =>
    Object.entries(asBlock(block[key])).map(([name, raw]) => {
      const spec = typeof raw === 'string' ? { from: raw, type: 'S' } : asBlock(raw);
      return {
        name,
        value: requestValue(
          ctx,
          scope,
          spec['from'],
          typeof raw === 'string' ? childPointer(at(key), name) : childPointer(at(key), name, 'from'),
        ),
        type: (spec['type'] ?? 'S') as DynamoDbAttribute['type'],
      };
    });
  const needs: Readonly<Record<DynamoDbAction, readonly string[]>> = {
    PutItem: ['item'],
    GetItem: ['key'],
    Query: ['key'],
    Scan: [],
    UpdateItem: ['key', 'update'],
    DeleteItem: ['key'],
  };
  const missing = needs[action].filter((key) => Object.keys(asBlock(block[key])).length === 0);
  for (const key of missing) {
    ctx.report(
      'service-missing-value',
      'error',
      `DynamoDB ${action} needs \`${key}\`: the attributes to ${key === 'item' ? 'write' : key === 'update' ? 'set' : 'find the item by'}.`,
      at('action'),
      `Add \`${key}: { attributeName: path.id }\` (values: body.x, path.x, query.x, header.x, context.x).`,
    );
  }
  const lists = LISTS.includes(action);
  const allowed = new Set(['table', 'action', ...needs[action], ...(lists ? ['index', ...PAGE_OPTIONS] : [])]);
  for (const key of ['key', 'item', 'update', 'index', ...PAGE_OPTIONS].filter((k) => k in block && !allowed.has(k))) {
    ctx.report(
      'service-option-unused',
      'error',
      `\`${key}\` has no meaning for DynamoDB ${action}.`,
      at(key),
      `${action} takes: ${[...allowed].join(', ')}.`,
    );
  }
  const table = targetOf(
    ctx,
    block['table'],
    at('table'),
    `DynamoDB table of ${scope.method} ${scope.path}`,
    DYNAMODB_TABLE,
  );
  const values = { key: attributes('key'), item: attributes('item'), update: attributes('update') };
  const page = lists ? parsePage(ctx, block, pointer, scope, values.key) : undefined;
  if (missing.length > 0 || !table) return undefined;
  return {
    kind: 'dynamodb',
    action,
    table: table.value,
    tableForm: table.form,
    ...values,
    ...(typeof block['index'] === 'string' && { index: block['index'] }),
    ...(page && { page }),
    ...common,
  };
}

/** `{"S": "…"}`, `{"N": "…"}` or `{"BOOL": …}` of a value (BOOL: true only for `true`). */
function typed(type: DynamoDbAttribute['type'], value: TemplateValue): string {
  return `{"${type}": ${type === 'BOOL' ? value.boolean : `"${value.json}"`}}`;
}

/**
 * An attribute of the key, the item or the update, read into `$<prefix><index>`. The key is always sent
 * (DynamoDB answers 400 for an empty key); an attribute to write is left out when the request lacks it,
 * and written when the request gives it, empty too (DynamoDB takes "" for a non-key attribute).
 */
function attribute(
  attribute: DynamoDbAttribute,
  index: number,
  prefix: string,
): { name: string; set: string; present: string | undefined; typed: string } {
  const value = templateValue(attribute.value, `$${prefix}${index}`);
  return { name: attribute.name, set: value.set, present: value.present, typed: typed(attribute.type, value) };
}

const TEMPLATE: Readonly<Record<DynamoDbAction, string>> = {
  PutItem: 'put-item',
  GetItem: 'get-item',
  Query: 'query',
  Scan: 'scan',
  UpdateItem: 'update-item',
  DeleteItem: 'delete-item',
};
const RESPONSE: Readonly<Record<DynamoDbAction, string>> = {
  PutItem: 'write',
  GetItem: 'get-item',
  Query: 'items',
  Scan: 'items',
  UpdateItem: 'update-item',
  DeleteItem: 'write',
};

export function renderDynamoDbIntegration(route: ServiceRoute, integration: DynamoDbIntegration): IntegrationOutput {
  const { action, table } = integration;
  const name = nameOf(table, integration.tableForm, '/', 1);
  // A Query or Scan of an index reads the index, whose ARN is the table's plus /index/<name>.
  const resource = arnOf(
    table,
    integration.tableForm,
    'dynamodb',
    'table/',
    integration.index !== undefined ? `/index/${integration.index}` : '',
  );
  const page = integration.page && pageTemplate(integration.page);
  const output = renderServiceIntegration(route, integration, {
    service: 'DynamoDB',
    httpMethod: 'POST',
    uri: actionUri('dynamodb', action, regionOf(table, integration.tableForm)),
    requestTemplate: renderVtl(
      `dynamodb/${TEMPLATE[action]}.request`,
      {
        key: integration.key.map((a, i) => attribute(a, i, 'key')),
        item: integration.item.map((a, i) => attribute(a, i, 'item')),
        update: integration.update.map((a, i) => attribute(a, i, 'update')),
        index: integration.index,
        page,
      },
      { table: name },
    ),
    responseTemplate: renderVtl(`dynamodb/${RESPONSE[action]}.response`, { start: page?.start }),
    // UpdateItem's condition (the item exists) fails for an unknown key.
    ...(action === 'UpdateItem' && { notFound: ['ConditionalCheckFailed'] }),
    statements: [allow([`dynamodb:${action}`], [resource])],
    target: table,
  });
  // GetItem answers 404 for a key that names no item.
  return action === 'GetItem' ? { ...output, statusCodes: [...(output.statusCodes ?? []), 404] } : output;
}
