/**
 * Text from a document (a key, a value, a line of a code frame) shown by a formatter: control characters
 * would drive the terminal or the CI log that shows the report (move the cursor, rewrite lines, hide or
 * fake findings), so each is written as a `\uXXXX` escape. Tabs and line feeds stay (messages may have
 * several lines); the bidirectional overrides are escaped too, since they reorder what is seen
 * ("Trojan Source").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function escapeControls(text: string): string {
  return text.replace(CONTROL, unicodeEscape);
}

/** JSON text (from JSON.stringify, which escapes only U+0000..U+001F) with the other control characters escaped too. */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, unicodeEscape);
}
