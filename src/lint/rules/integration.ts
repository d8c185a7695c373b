/** Reading an operation's raw `x-amazon-apigateway-integration`, shared by the integration rules. */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { asBlock, type Block, isBlock } from '../../model/context.js';
import type { OperationNode } from '../rule.js';

export interface IntegrationNode {
  readonly value: Block;
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
  if (!isBlock(value) || (node.apiType === 'rest' && Object.hasOwn(value, 'integrationSubtype'))) return undefined;
  return {
    value,
    pointer: childPointer(node.pointer, 'x-amazon-apigateway-integration'),
    type: typeof value['type'] === 'string' ? value['type'].toLowerCase() : '',
  };
}

export interface AuthorizerNode {
  /** The security scheme's name. */
  readonly name: string;
  readonly value: Block;
  /** Pointer to the scheme's `x-amazon-apigateway-authorizer`. */
  readonly pointer: string;
}

/**
 * `components.securitySchemes`, by name: an empty mapping when either is something else (the loader
 * reports that; a config may ignore it, and the rules still run).
 */
export function securitySchemesOf(document: Record<string, unknown>): Block {
  return asBlock(asBlock(document['components'])['securitySchemes']);
}

/** The `x-amazon-apigateway-authorizer` objects of `components.securitySchemes`. */
export function authorizersOf(document: Record<string, unknown>): AuthorizerNode[] {
  return Object.entries(securitySchemesOf(document)).flatMap(([name, scheme]): AuthorizerNode[] => {
    const value = asBlock(scheme)['x-amazon-apigateway-authorizer'];
    return isBlock(value)
      ? [{ name, value, pointer: childPointer('/components/securitySchemes', name, 'x-amazon-apigateway-authorizer') }]
      : [];
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
