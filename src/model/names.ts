/** Names derived from the user's: slugs for AWS names, PascalCase for logical IDs. */

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'api'
  );
}

/**
 * `pets` → `PetsApi`; `pets-api` → `PetsApi`. Logical IDs must start with a letter. A `${Name}` placeholder
 * counts for nothing (`pets-${Env}` → `PetsApi`): a logical ID never depends on a parameter; a name that
 * is all placeholders takes `fallback`'s.
 */
export function apiLogicalId(name: string, suffix = 'Api', fallback = 'api'): string {
  const literal = pascalCase(name.replace(/\$\{[^}]*\}/g, '-'));
  const base = (literal || pascalCase(fallback)).replace(/Api$/, '');
  return `${/^[A-Za-z]/.test(base) ? base : `Api${base}`}${suffix}`;
}

/** `id`, or `id2`, `id3`… the first one not taken yet (which it then takes). */
export function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${id}${n}`;
  taken.add(candidate);
  return candidate;
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

/** Routes named in a message: the first three (`GET /pets, POST /pets, …`), for a list that may be long. */
export function someRoutes(routes: readonly { readonly method: string; readonly path: string }[]): string {
  const named = routes.slice(0, 3).map((route) => `${route.method} ${route.path}`);
  return named.join(', ') + (routes.length > 3 ? ', …' : '');
}
