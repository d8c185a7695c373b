/**
 * A JSON Schema validation error (ajv's keyword and params) in the words of the diagnostics: ajv's own
 * messages ("must NOT have fewer than 1 properties") are written for schema authors, not for the person
 * who wrote the document. Returns the predicate, as in "`responses` <predicate>".
 */
export function schemaProblem(keyword: string, params: Readonly<Record<string, unknown>>): string {
  const limit = params['limit'];
  const plural = (n: unknown, word: string): string =>
    n === 1 ? `1 ${word}` : `${String(n)} ${word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;
  switch (keyword) {
    case 'minProperties':
      return limit === 1 ? 'is empty, and needs at least one entry' : `needs at least ${plural(limit, 'entry')}`;
    case 'maxProperties':
      return `may have at most ${plural(limit, 'entry')}`;
    case 'minItems':
      return limit === 1 ? 'is an empty list, and needs at least one item' : `needs at least ${plural(limit, 'item')}`;
    case 'maxItems':
      return `may list at most ${plural(limit, 'item')}`;
    case 'minLength':
      return limit === 1 ? 'is empty' : `must be at least ${plural(limit, 'character')} long`;
    case 'maxLength':
      return `must be at most ${plural(limit, 'character')} long`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const word = {
        minimum: 'at least',
        exclusiveMinimum: 'more than',
        maximum: 'at most',
        exclusiveMaximum: 'less than',
      };
      return `must be ${word[keyword]} ${String(limit)}`;
    }
    case 'multipleOf':
      return `must be a multiple of ${String(params['multipleOf'])}`;
    case 'pattern':
      return `does not have the expected form (${String(params['pattern'])})`;
    case 'format':
      return `is not a valid ${String(params['format'])}`;
    case 'uniqueItems':
      return `lists the same item twice (items ${String(params['j'])} and ${String(params['i'])})`;
    case 'const':
      return `must be ${JSON.stringify(params['allowedValue'])}`;
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `must be ${typeWords(String(params['type']))}`;
    case 'required':
      return `is missing the required property \`${String(params['missingProperty'])}\``;
    case 'additionalProperties':
      return `has the unknown property \`${String(params['additionalProperty'])}\``;
    default:
      return 'does not have the shape this place takes';
  }
}

/** The words for a JSON type (`string,null`: either), as a hint says what to write. */
export function typeWords(type: string): string {
  const words: Record<string, string> = {
    boolean: '`true` or `false`',
    integer: 'a whole number',
    number: 'a number',
    string: 'a string (quoted if YAML would read it as another type)',
    array: 'a list (`[a, b]`)',
    object: 'a mapping (`{ key: value }`)',
    null: '`null`',
  };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}
