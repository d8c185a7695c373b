/**
 * The fix a message can give for a value that is not one of a few allowed ones: the nearest allowed
 * spelling (a typo, another case, `-` for `_`), written in the case the author used when the allowed
 * values come in both.
 */
import { closest } from '../../model/x-gateway-schema.js';

/** ` Write \`when_no_templates\`.`, or `''` when no allowed value is near enough to be what was meant. */
export function nearestFix(
  value: unknown,
  allowed: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const written = String(value);
  const upper = written === written.toUpperCase();
  const preferred = allowed.filter((a) => (a === a.toUpperCase()) === upper);
  const normalized = written.replace(/-/g, '_');
  const found =
    aliases[written.toLowerCase()] ??
    closest(normalized, preferred.length > 0 ? preferred : allowed) ??
    closest(normalized, allowed);
  return found !== undefined && found !== written ? ` Write \`${found}\`.` : '';
}
