/**
 * Free text typed by people: letters, digits, punctuation, tabs and line breaks, but no other
 * control characters. PostgreSQL cannot store U+0000 at all (the write would fail with a server
 * error), and the others have no business in a letter or a message. Nor do the bidirectional
 * embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069): invisible, they make
 * text read differently from what it is (a name that shows reversed to the caseworker, a file name
 * whose extension seems to be .pdf). Every schema for free text refuses them with a translated
 * "invalid" message instead.
 */
export const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]*$/;

export function isPlainText(value: string): boolean {
  return NO_CONTROL_CHARS.test(value);
}

/** Invisible characters that change how the text around them is shown (for cleaning file names). */
export const INVISIBLE_FORMATTING = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Whether a spreadsheet would read the cell as a formula: = + - @ first (also the full-width
 * forms), after any whitespace a spreadsheet ignores, or a leading tab or carriage return
 * (CSV injection, OWASP).
 */
export function looksLikeFormula(value: string): boolean {
  return /^[\t\r]/.test(value) || /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(value);
}
