/**
 * Checks `x-gateway` blocks against schemas/x-gateway.schema.json, first (STYLE.md 6): after this, code
 * trusts their shape. Errors land on the offending key, with a "did you mean" for misspelt keys.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { childPointer } from '../diagnostics/diagnostic.js';
import { compareCodeUnits } from './order.js';
import { requirePackageFile } from '../package-files.js';

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Compiled ahead of time by scripts/compile-schemas.js (with `verbose`, so errors carry their schema). */
let validators: Record<BlockKind, Validator> | undefined;

function compiled(): Record<BlockKind, Validator> {
  validators ??= requirePackageFile('./generated/x-gateway.cjs') as Record<BlockKind, Validator>;
  return validators;
}

export type BlockKind = 'root' | 'operation';

/** Validate one block written at `pointer`; `locate` maps document pointers to file locations. */
export function checkXGateway(
  block: unknown,
  kind: BlockKind,
  pointer: string,
  locate: (pointer: string) => Location,
): Diagnostic[] {
  const validate = compiled()[kind];
  if (validate(block)) return [];
  return relevant(validate.errors ?? []).map((error) => toDiagnostic(error, pointer, locate));
}

/**
 * Keep the errors that say what is wrong most precisely. A failed `anyOf` reports every branch: when one
 * branch got further (its errors lie deeper in the value), only that branch's errors stay; otherwise
 * the errors of the branch whose type the value has, or the `anyOf` error alone, stand for all of them. `if` only says that a `then` failed, whose own errors
 * say how.
 */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  // Branches may sit behind a $ref, so they are told apart by where in the value they failed.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const deeper = (path: string): boolean => errors.some((e) => e.instancePath.startsWith(path + '/'));
  return (
    errors
      // `propertyNames` only says that a name failed; the name's own error says which and why.
      .filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames')
      .filter((e) => {
        if (!anyOfPaths.has(e.instancePath)) return true;
        // At a failed anyOf: the deeper branch's errors if one got further; else those of the branch of the
        // value's type (a number below its minimum, not "not a placeholder string"); else the anyOf error alone.
        if (deeper(e.instancePath)) return false;
        const resource = errors.some(
          (o) => o.instancePath === e.instancePath && o.keyword === 'anyOf' && o.schemaPath.endsWith('awsValue/anyOf'),
        );
        const typed =
          !resource &&
          errors.some((o) => o.instancePath === e.instancePath && o.keyword !== 'anyOf' && o.keyword !== 'type');
        return typed ? e.keyword !== 'anyOf' && e.keyword !== 'type' : e.keyword === 'anyOf';
      })
      // A branch's error is described by the key it stands for (the branch has no description of its own).
      .map((e) => {
        const anyOf =
          e.keyword === 'anyOf'
            ? undefined
            : errors.find((o) => o.instancePath === e.instancePath && o.keyword === 'anyOf');
        return anyOf ? { ...e, parentSchema: anyOf.parentSchema } : e;
      })
      .sort((a, b) => compareCodeUnits(a.instancePath, b.instancePath))
  );
}

function toDiagnostic(error: ErrorObject, base: string, locate: (pointer: string) => Location): Diagnostic {
  const at = base + error.instancePath;
  const name = lastToken(error.instancePath) ?? 'x-gateway';
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params['additionalProperty']);
    const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
    const known = Object.keys(parent?.properties ?? {});
    const guess = closest(key, known);
    return {
      code: 'unknown-x-gateway-key',
      severity: 'error',
      message:
        `Unknown key \`${key}\` in ${name === 'x-gateway' ? 'x-gateway' : `\`${name}\``}.` +
        (guess ? ` Did you mean \`${guess}\`?` : ''),
      location: locate(childPointer(at, key)),
      hint: known.length > 0 ? `Known keys here: ${known.join(', ')}.` : 'No keys are allowed here.',
    };
  }
  if (error.propertyName !== undefined) return badName(error, error.propertyName, at, name, locate);
  return {
    code: 'invalid-x-gateway-value',
    severity: 'error',
    message: `\`${name}\` ${explain(error)}.`,
    location: locate(at),
    hint: describeSchema(error.parentSchema),
  };
}

/** A key that `propertyNames` refuses (a template parameter, usage plan or stage variable name), reported at the key. */
function badName(
  error: ErrorObject,
  key: string,
  at: string,
  parent: string,
  locate: (pointer: string) => Location,
): Diagnostic {
  const pattern = error.keyword === 'pattern' ? String(error.params['pattern']) : undefined;
  return {
    code: 'invalid-x-gateway-value',
    severity: 'error',
    message: `The name \`${key}\` in \`${parent}\` ${pattern !== undefined ? `does not match \`${pattern}\`` : explain(error)}.`,
    location: locate(childPointer(at, key)),
    hint: pattern !== undefined ? `Rename it with only the characters \`${pattern}\` allows.` : 'Rename it.',
  };
}

function explain(error: ErrorObject): string {
  switch (error.keyword) {
    case 'anyOf':
      return error.schemaPath.endsWith('awsValue/anyOf')
        ? 'must be a string (a literal, or with ${Name} placeholders) or one CloudFormation intrinsic such as !Ref or !GetAtt'
        : 'has none of the allowed forms';
    case 'enum':
      return `must be one of: ${(error.params['allowedValues'] as unknown[]).map((v) => String(v)).join(', ')}`;
    case 'pattern':
      return `has the value \`${String(error.data)}\`, which is not of the allowed form`;
    default:
      return error.message ?? 'is invalid';
  }
}

function describeSchema(schema: unknown): string | undefined {
  const description = (schema as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? description : undefined;
}

function lastToken(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  return pointer
    .slice(pointer.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}

/** The known word nearest to `word`, if it is near enough to be a misspelling. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
