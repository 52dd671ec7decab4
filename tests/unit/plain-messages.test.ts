// The request form's client components format their texts with the plain translator
// (i18n/plain-messages.ts), not next-intl's. Every message those pages get must come out exactly as
// next-intl formats it, in every language, with every placeholder filled (and with none filled).
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { LOCALES } from "@/i18n/locales";
import { formatPlainMessage, REQUEST_FORM_CLIENT_NAMESPACES } from "@/i18n/plain-messages";

function leaves(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[path, value] as [string, string]] : leaves(value as object, path);
  });
}

describe("plain translator on the request form's pages", () => {
  for (const locale of LOCALES) {
    const messages = loadMessages(locale);
    const clientMessages = Object.fromEntries(REQUEST_FORM_CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
    const intl = createTranslator({ locale, messages: clientMessages as never, onError: () => undefined });
    const all = leaves(clientMessages);

    it(`${locale}: covers the namespaces (${all.length} messages)`, () => {
      expect(all.length).toBeGreaterThan(100);
    });

    it(`${locale}: every message equals next-intl's result`, () => {
      const differ: string[] = [];
      for (const [key, message] of all) {
        const names = [...message.matchAll(/\{\s*(\w+)/g)].map((m) => m[1]!);
        const values = Object.fromEntries(names.map((name, i) => [name, `«${name}-${i}»`]));
        const ours = formatPlainMessage(clientMessages, key, values);
        const theirs = (intl as unknown as (k: string, v: object) => string)(key, values);
        if (ours !== theirs) differ.push(`${key}: ${JSON.stringify(ours)} != ${JSON.stringify(theirs)}`);
      }
      expect(differ).toEqual([]);
    });
  }

  it("a missing key reads as the key, and an unknown placeholder stays as written", () => {
    const messages = { a: { b: "Hei {name}, {other}" } };
    expect(formatPlainMessage(messages, "a.c")).toBe("a.c");
    expect(formatPlainMessage(messages, "a.b", { name: "Kari" })).toBe("Hei Kari, {other}");
    expect(formatPlainMessage(messages, "a")).toBe("a");
  });
});
