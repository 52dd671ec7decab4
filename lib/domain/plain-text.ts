/**
 * Free text typed by people: letters, digits, punctuation, tabs and line breaks, but no other
 * control characters. PostgreSQL cannot store U+0000 at all (the write would fail with a server
 * error), and the others have no business in a letter or a message. Every schema for free text
 * refuses them with a translated "invalid" message instead.
 */
export const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

export function isPlainText(value: string): boolean {
  return NO_CONTROL_CHARS.test(value);
}
