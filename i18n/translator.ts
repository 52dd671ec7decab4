// The type of a translator, for helpers and components that receive one as a parameter or prop,
// and helpers that keep data-driven keys typed. With next-intl's AppConfig augmented (global.d.ts),
// keys are checked against the catalogue. No catalogue is imported here: client components use it.
import type { createTranslator, NamespaceKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "./messages";
import { lookupMessage } from "./plain-messages";

/** Every namespace of the merged catalogue ("caseWork", "caseWork.decide", …). */
export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * What `getTranslations(ns)`, `useTranslations(ns)` and `createTranslator({ namespace: ns })`
 * return; `Translator` (no namespace) takes full keys. Spelled out because
 * `ReturnType<typeof getTranslations>` widens the namespace to every namespace at once.
 */
export type Translator<NS extends Namespace = never> = ReturnType<typeof createTranslator<Messages, NS>>;

/** Every key a translator of the namespace takes, e.g. `MessageKey<"trends">` includes "col.month". */
export type MessageKey<NS extends Namespace = never> = Parameters<Translator<NS>>[0];

/**
 * Whether a key that comes from data (a zod issue, a service's error) names a message in `messages`
 * (the catalogue, the part of it a client component was given, or the namespace NS's subtree):
 * narrows it to a key the translator takes, instead of a cast.
 */
export function isMessageKeyIn<NS extends Namespace = never>(messages: object, key: string): key is MessageKey<NS> {
  return lookupMessage(messages, key) !== undefined;
}

/**
 * For a key part that comes from data (an event's facts, a query parameter): narrows it to one of
 * the typed options the key is built from, so `t(\`…${value}\`)` stays checked.
 */
export function isOneOf<const T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (options as readonly string[]).includes(value);
}

/** "case.requester_asked" -> "case_requester_asked": how an audit event type names its message. */
export type Underscored<S extends string> = S extends `${infer Head}.${infer Tail}` ? `${Head}_${Underscored<Tail>}` : S;

export function underscored<S extends string>(value: S): Underscored<S> {
  return value.replace(/\./g, "_") as Underscored<S>;
}
