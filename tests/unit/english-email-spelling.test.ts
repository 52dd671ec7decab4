// Issue 20: one spelling of "email" in English. We write "email" (the modern standard, as GOV.UK and
// most style guides do); "e-mail" anywhere in an English message file fails, so a new area's
// catalogue cannot bring the old spelling back. Every messages/**/en.json is read from disk, not
// only the areas the app merges today.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../messages");

function englishFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return englishFiles(full);
    return entry.name === "en.json" ? [full] : [];
  });
}

/** Every message text of a catalogue with its key path. */
function texts(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([key, value]) => texts(value, prefix ? `${prefix}.${key}` : key));
  return [];
}

/** "e-mail", "E-mail", "e-mails", "e‑mail" (non-breaking hyphen) and "e mail". */
const OLD_SPELLING = /\be[-‐‑ ]mails?\b/i;
const NEW_SPELLING = /\bemails?\b/i;

/** The English texts written with the old spelling, as "file: key: text". */
function oldSpellings(catalogues: { file: string; messages: unknown }[]): string[] {
  return catalogues.flatMap(({ file, messages }) =>
    texts(messages)
      .filter(([, text]) => OLD_SPELLING.test(text))
      .map(([key, text]) => `${file}: ${key}: ${text}`),
  );
}

describe("English spelling of email", () => {
  const files = englishFiles();
  const catalogues = files.map((file) => ({ file: path.relative(ROOT, file), messages: JSON.parse(readFileSync(file, "utf8")) as unknown }));

  it("reads the core catalogue and every area's", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(catalogues.map((c) => c.file)).toEqual(expect.arrayContaining(["en.json", path.join("requestFlow", "en.json"), path.join("identity", "en.json")]));
  });

  it("writes “email” everywhere (labels, help texts, errors, mail subjects), never “e-mail”", () => {
    expect(oldSpellings(catalogues)).toEqual([]);
    // The chosen spelling is really in use, so this test would notice a wholesale switch back.
    expect(catalogues.some(({ messages }) => texts(messages).some(([, text]) => NEW_SPELLING.test(text)))).toBe(true);
  });

  it("notices the old spelling in any form", () => {
    const sample = [{ file: "x/en.json", messages: { a: { label: "Your E-mail address" }, b: "Sent e-mails", c: "an email", d: "e‑mail" } }];
    expect(oldSpellings(sample)).toEqual(["x/en.json: a.label: Your E-mail address", "x/en.json: b: Sent e-mails", "x/en.json: d: e‑mail"]);
  });
});
