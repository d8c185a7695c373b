/**
 * A lint rule: `meta` (id, description, recommended severity, presets, docs, messages by id) and
 * `create`, which returns visitors keyed by the node they visit (STYLE.md 3).
 */
import type { Location } from '../diagnostics/diagnostic.js';
import type { JsonObject } from '../load/load-document.js';
import type { ApiType, GatewayModel } from '../model/ir.js';

export type RuleSeverity = 'error' | 'warn' | 'off';
export type Preset = 'recommended' | 'strict' | 'all';

export interface RuleMeta<Messages extends string = string> {
  readonly id: string;
  readonly description: string;
  /** Severity in the `recommended` preset; `off` rules are in `strict` (and `all`) only. */
  readonly severity: RuleSeverity;
  /** Severity in `strict`, when it differs from `severity`. */
  readonly strict?: RuleSeverity;
  readonly messages: Readonly<Record<Messages, string>>;
}

export const DOCS_BASE = 'https://github.com/gateform/gateform/blob/main/docs/rules/';

export interface OperationNode {
  readonly path: string;
  /** The key in the path item: `get`, …, `x-amazon-apigateway-any-method`. */
  readonly key: string;
  /** The method as messages print it: `GET`, …, `ANY` for the any-method. */
  readonly method: string;
  readonly operation: JsonObject;
  readonly pointer: string;
  /** Path-item and operation parameters, `$ref`s followed, operation ones winning. */
  readonly parameters: readonly {
    readonly name: string;
    readonly in: string;
    readonly required: boolean;
    readonly pointer: string;
  }[];
  /** The document's API type: the operation's integration is a REST or an HTTP API one. */
  readonly apiType: ApiType;
}

export interface Visitors {
  Document?(document: JsonObject): void;
  Operation?(node: OperationNode): void;
  /** After every operation was visited: for rules that report on what they collected. */
  DocumentExit?(): void;
}

export interface RuleContext<Messages extends string> {
  readonly document: JsonObject;
  readonly version: '3.0' | '3.1';
  /** Set when the input is Swagger 2.0, which `document` reads in OpenAPI 3.0 shapes (messages then write 2.0). */
  readonly swagger?: '2.0';
  /** The gateway model, when the document has `x-gateway` and it could be built. */
  readonly model?: GatewayModel;
  /** A REST or an HTTP API, from x-gateway or the raw extensions (api-type.ts). */
  readonly apiType: ApiType;
  /** The endpoint type, from x-gateway or the raw endpoint configuration (default regional). */
  readonly endpoint: 'edge' | 'regional' | 'private';
  /**
   * A finding at `at`, a JSON pointer into the document or the origin a model node keeps: at its key, or
   * with `part: 'value'` (a value its key cannot take, such as an integration's `uri`), where the value is written.
   */
  report(
    messageId: Messages,
    at: string | Location,
    data?: Readonly<Record<string, string | number>>,
    part?: 'value',
  ): void;
  /** Follow an internal `$ref`. */
  deref(node: unknown): unknown;
}

export interface Rule<Messages extends string = string> {
  readonly meta: RuleMeta<Messages>;
  create(context: RuleContext<Messages>): Visitors;
}

/** Define a rule with its message ids checked by the compiler. */
export function defineRule<Messages extends string>(rule: Rule<Messages>): Rule<Messages> {
  return rule;
}
