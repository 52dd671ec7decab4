// A translator for client components whose texts are plain: a message is looked up by its dotted
// key and each `{name}` is replaced by its value; nothing else (no plural, select or number
// formatting). It replaces next-intl's client translator on the request form's pages, whose ICU
// parser was a third of the form's JavaScript. tests/unit/plain-messages.test.ts checks that every
// message these pages get comes out exactly as next-intl formats it, so a message that needs ICU
// cannot slip into them.
import type { MessageKey } from "./translator";

export type PlainValues = Record<string, string>;
export type PlainTranslator = (key: MessageKey, values?: PlainValues) => string;

export function lookupMessage(messages: object, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** The message with its values in place; the key itself when the message is missing (as next-intl shows it). */
export function formatPlainMessage(messages: object, key: string, values: PlainValues = {}): string {
  const message = lookupMessage(messages, key);
  if (message === undefined) return key;
  return message.replace(/\{\s*(\w+)\s*\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

export function plainTranslator(messages: object): PlainTranslator {
  return (key, values) => formatPlainMessage(messages, key, values);
}

/** The catalogue's namespaces the request form's client components get (whole namespaces: a hand-picked subset fell back to raw keys when a form grew). */
export const REQUEST_FORM_CLIENT_NAMESPACES = ["requestFlow", "rights", "validation", "errors"] as const;
