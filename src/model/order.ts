/**
 * The one ordering for everything whose order reaches the output: UTF-16 code units, as `<` compares
 * strings. `localeCompare` would follow the machine's locale (`lt_LT` puts `Yard` before `Jobs`), so the
 * same spec would compile differently on two machines and `--check` would fail between them.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
