/** Types of bench/generate.js, for the tests that compile its specs. */
export function generateSpec(
  operations: number,
  options?: { raw?: boolean; http?: boolean; literal?: boolean },
): string;
