/** Names derived from the user's: slugs for AWS names, PascalCase for logical IDs. */

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'api';
}

export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/**
 * API Gateway model names are alphanumeric. Names that are not become PascalCase (`pet-input` →
 * `PetInput`); valid names are kept and win any collision, later ones get a number. Deterministic: the
 * result depends only on the names and their order.
 */
export function modelNames(names: readonly string[]): Map<string, string> {
  const valid = (name: string): boolean => /^[A-Za-z0-9]+$/.test(name);
  const taken = new Set(names.filter(valid));
  const renamed = new Map<string, string>();
  for (const name of names) {
    if (valid(name)) continue;
    const base = pascalCase(name) || 'Model';
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}${n}`;
    taken.add(candidate);
    renamed.set(name, candidate);
  }
  return renamed;
}
