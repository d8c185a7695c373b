/**
 * What the model's builders share: the document, diagnostics and value handling (ModelContext), and
 * the inheritance chain of one operation (RouteScope). A feature's builder is a function of these, in a
 * file of its own, so features stay apart.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { childPointer } from '../diagnostics/diagnostic.js';
import type { JsonObject } from '../load/load-document.js';
import type { AwsValue } from './aws-value.js';
import type { ApiType, HttpMethod, Integration, Origin, Parameter, ParameterConstraints, ResourceForm } from './ir.js';

export type Block = Readonly<Record<string, unknown>>;

/** An x-gateway block and where it was written. */
export interface Placed {
  readonly block: Block;
  readonly pointer: string;
}

export interface ModelContext {
  /** The bundled OpenAPI document. */
  readonly document: JsonObject;
  /** The root `x-gateway` block (schema-checked). */
  readonly root: Block;
  /** `api.type`: what the document compiles to. */
  readonly apiType: ApiType;
  origin(pointer: string): Origin;
  /** `at`: a JSON pointer into the bundled document, or the origin an IR node keeps. */
  report(
    code: string,
    severity: Diagnostic['severity'],
    message: string,
    at: string | Origin,
    hint?: string,
    related?: Diagnostic['related'],
  ): void;
  /**
   * Classify a user value (an AWS resource, or any setting that takes placeholders); its `${Name}`
   * placeholders become template parameters, and one that stands for the whole value gets `constraints`;
   * a literal is held to them (an error when it breaks them).
   */
  value(raw: unknown, pointer: string, usage: string, constraints?: ParameterConstraints): AwsValue;
  /**
   * The template reads `value` in this form: a parameter it is a whole reference to, generated from a
   * placeholder, is described as that form and refuses the others (AllowedPattern).
   */
  readAs(value: AwsValue, form: ResourceForm, pointer: string): void;
  /** A `${Name}` placeholder for a secret: becomes a NoEcho template parameter (of that length); returns its name. */
  secret(
    placeholder: string,
    pointer: string,
    usage: string,
    length?: { readonly min: number; readonly max: number },
  ): string;
  /** Follow internal `$ref`s. */
  deref(node: unknown): unknown;
  /** What the `--into` template or `x-gateway.parameters` declare under a name, if anything. */
  declared(name: string): Declared | undefined;
  /** An integration block (`{ lambda: … }`, `{ sqs: … }`, …) written at `pointer`, for the route in `scope`. */
  integration(block: Block, pointer: string, scope: RouteScope): Integration | undefined;
}

/**
 * A resource of the `--into` template (its type and properties), or a template parameter (with the
 * description its author wrote, if any).
 */
export type Declared =
  | { readonly kind: 'resource'; readonly type: string; readonly properties: Block }
  | { readonly kind: 'parameter'; readonly description?: string };

export interface RouteScope {
  readonly method: HttpMethod;
  readonly path: string;
  /** Pointer of the operation object. */
  readonly pointer: string;
  readonly operation: Block;
  readonly parameters: readonly Parameter[];
  /** The x-gateway blocks that apply, most specific first: operation, path item, root `defaults`. */
  readonly chain: readonly Placed[];
}

/** The nearest setting of `key` along the scope's chain, and where it was written. */
export function setting(
  scope: RouteScope,
  key: string,
): { readonly value: unknown; readonly pointer: string } | undefined {
  const placed = scope.chain.find((p) => Object.hasOwn(p.block, key));
  return placed ? { value: placed.block[key], pointer: childPointer(placed.pointer, key) } : undefined;
}

/** Whether a document value is a mapping (not a list, a scalar or null). */
export function isBlock(value: unknown): value is Block {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asBlock(value: unknown): Block {
  return isBlock(value) ? value : {};
}
