/** Reading an operation's raw `x-amazon-apigateway-integration`, shared by the integration rules. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import type { OperationNode } from '../rule.js';

export interface IntegrationNode {
  readonly value: Record<string, unknown>;
  readonly pointer: string;
  readonly type: string;
}

/**
 * The operation's REST integration, which the REST integration rules check; an HTTP API's (in an HTTP API
 * document, or with `integrationSubtype`) has rules of its own.
 */
export function integrationOf(node: OperationNode): IntegrationNode | undefined {
  return node.apiType === 'rest' ? anyIntegrationOf(node) : undefined;
}

/** The operation's integration in an HTTP API document. */
export function httpIntegrationOf(node: OperationNode): IntegrationNode | undefined {
  return node.apiType === 'http' ? anyIntegrationOf(node) : undefined;
}

function anyIntegrationOf(node: OperationNode): IntegrationNode | undefined {
  const value = node.operation['x-amazon-apigateway-integration'];
  if (value === null || typeof value !== 'object' || Array.isArray(value) || (node.apiType === 'rest' && 'integrationSubtype' in value)) return undefined;
  const record = value as Record<string, unknown>;
  return { value: record, pointer: childPointer(node.pointer, 'x-amazon-apigateway-integration'), type: String(record['type'] ?? '').toLowerCase() };
}

export interface AuthorizerNode {
  /** The security scheme's name. */
  readonly name: string;
  readonly value: Record<string, unknown>;
  /** Pointer to the scheme's `x-amazon-apigateway-authorizer`. */
  readonly pointer: string;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The `x-amazon-apigateway-authorizer` objects of `components.securitySchemes`. */
export function authorizersOf(document: Record<string, unknown>): AuthorizerNode[] {
  const components = document['components'];
  const schemes = isMapping(components) ? components['securitySchemes'] : undefined;
  if (!isMapping(schemes)) return [];
  return Object.entries(schemes).flatMap(([name, scheme]): AuthorizerNode[] => {
    const value = isMapping(scheme) ? scheme['x-amazon-apigateway-authorizer'] : undefined;
    return isMapping(value) ? [{ name, value, pointer: childPointer('/components/securitySchemes', name, 'x-amazon-apigateway-authorizer') }] : [];
  });
}

/**
 * A value written out, which can be checked offline: not a CloudFormation intrinsic, nor a string with a
 * `${placeholder}` that CloudFormation (`Fn::Sub`) or a template tool (Terraform) fills in before deploy,
 * nor one with a Terraform `%{if …}` directive.
 */
export function isLiteral(value: unknown): value is string | number {
  return (typeof value === 'string' && !/[$%]\{[^}]+\}/.test(value)) || typeof value === 'number';
}
