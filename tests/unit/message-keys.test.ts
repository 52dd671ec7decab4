// Every translation key the code uses exists in nb, nn and en. The typed next-intl config
// (global.d.ts) makes tsc refuse a missing literal key, but tsc sees only the bokmål catalogue's
// type and nothing behind a cast; this test reads the code with the TypeScript compiler and checks
// each key against all three catalogues at run time.
//
// A translator call is found by its type (next-intl's Translator, whatever the variable is called:
// `t`, `tAll`, a prop): the namespace is the translator's type argument, the key the first
// argument. A key whose type is a union of literals (a typed dynamic key such as
// `outcomes.${RightOutcome}`) is checked value by value; a template literal type that TypeScript
// cannot resolve to values is checked for its static prefix, which must be a namespace.
import { describe, expect, it } from "vitest";
import path from "node:path";
import fs from "node:fs";
import ts from "typescript";
import { loadMessages } from "@/i18n/messages";
import { LOCALES } from "@/i18n/locales";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "components", "lib"];
const TRANSLATOR_METHODS = new Set(["rich", "markup", "raw", "has"]);
/** The type of "any key of the catalogue" (i18n/translator.ts `MessageKey`, next-intl's own name for it). */
const ANY_KEY_ALIASES = new Set(["MessageKey", "NamespacedMessageKeys"]);

type Use = {
  file: string;
  line: number;
  namespace: string | null;
  keys: string[];
  /** A template literal key TypeScript has no finite set of values for: its static start. */
  prefix?: string;
  /** Any key of the catalogue (a data-driven key narrowed by isMessageKey): nothing to check here. */
  anyKey?: boolean;
  cast?: boolean;
  unresolved?: string;
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full === path.join(ROOT, "lib", "db", "generated")) continue;
      out.push(...sourceFiles(full));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      out.push(full);
    }
  }
  return out;
}

function createProgram(): ts.Program {
  const configPath = path.join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const roots = [...SCANNED.flatMap((d) => sourceFiles(path.join(ROOT, d))), path.join(ROOT, "global.d.ts")];
  return ts.createProgram(roots, { ...parsed.options, noEmit: true, incremental: false });
}

/** The namespace of a translator type (`Translator<Messages, NS>`), null for the root, undefined if not a translator. */
function translatorNamespace(checker: ts.TypeChecker, type: ts.Type): string | null | undefined {
  const alias = type.aliasSymbol;
  // The request form's plain translator (i18n/plain-messages.ts) takes full keys, like the root translator.
  if (alias?.getName() === "PlainTranslator" && /i18n[\\/]plain-messages\.ts$/.test(alias.declarations?.[0]?.getSourceFile().fileName ?? "")) return null;
  if (!alias || alias.getName() !== "Translator") return undefined;
  const declaration = alias.declarations?.[0];
  if (!declaration || !/use-intl[\\/].*createTranslator\.d\.ts$/.test(declaration.getSourceFile().fileName)) return undefined;
  const ns = type.aliasTypeArguments?.[1];
  if (!ns || ns.flags & ts.TypeFlags.Never) return null;
  if (ns.isStringLiteral()) return ns.value;
  throw new Error(`translator with a namespace that is not one literal: ${checker.typeToString(ns)}`);
}

/** The string values a key expression can have, or its static prefix when TypeScript has no finite set. */
function keyValues(checker: ts.TypeChecker, expr: ts.Expression): Pick<Use, "keys" | "prefix" | "anyKey" | "unresolved"> {
  if (ts.isStringLiteralLike(expr)) return { keys: [expr.text] };
  const type = checker.getTypeAtLocation(expr);
  if (type.aliasSymbol && ANY_KEY_ALIASES.has(type.aliasSymbol.getName())) return { keys: [], anyKey: true };
  const parts = type.isUnion() ? type.types : [type];
  const keys: string[] = [];
  for (const part of parts) {
    if (part.isStringLiteral()) keys.push(part.value);
    else if (part.flags & ts.TypeFlags.TemplateLiteral) {
      return { keys, prefix: (part as ts.TemplateLiteralType).texts[0] ?? "" };
    } else return { keys, unresolved: checker.typeToString(type) };
  }
  return { keys };
}

function collectUses(): Use[] {
  const program = createProgram();
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !SCANNED.some((d) => sf.fileName.startsWith(path.join(ROOT, d) + path.sep))) continue;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.arguments.length > 0) {
        let target: ts.Expression = node.expression;
        if (ts.isPropertyAccessExpression(target) && TRANSLATOR_METHODS.has(target.name.text)) target = target.expression;
        const namespace = translatorNamespace(checker, checker.getTypeAtLocation(target));
        if (namespace !== undefined) {
          let arg = node.arguments[0]!;
          const cast = ts.isAsExpression(arg) || ts.isTypeAssertionExpression(arg) || ts.isSatisfiesExpression(arg);
          while (ts.isAsExpression(arg) || ts.isTypeAssertionExpression(arg) || ts.isParenthesizedExpression(arg) || ts.isSatisfiesExpression(arg)) arg = arg.expression;
          const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          uses.push({ file: path.relative(ROOT, sf.fileName), line, namespace, cast, ...keyValues(checker, arg) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

function nodeAt(tree: unknown, dotted: string): unknown {
  let node = tree;
  for (const part of dotted.split(".")) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const full = (namespace: string | null, key: string) => (namespace ? `${namespace}.${key}` : key);
const where = (u: Use) => `${u.file}:${u.line}`;

describe("translation keys used in the code", { timeout: 240_000 }, () => {
  // One program for all checks: building it is the slow part (as long as a type check).
  const uses = collectUses();
  const catalogues = LOCALES.map((locale) => [locale, loadMessages(locale)] as const);

  it("finds the translator calls of the code (the scanner works)", () => {
    expect(uses.length).toBeGreaterThan(500);
    // A known literal key, a namespaced translator and a typed dynamic key are all seen.
    expect(uses.some((u) => u.namespace === null && u.keys.includes("caseWork.form.summaryHeading"))).toBe(true);
    expect(uses.some((u) => u.namespace === "adminLog" && u.keys.includes("fields.other"))).toBe(true);
    expect(uses.some((u) => u.keys.includes("caseWork.decide.outcomes.no_data"))).toBe(true);
    // Data-driven keys narrowed by isMessageKey (the step forms' errors) are recognised as such.
    expect(uses.some((u) => u.file === path.join("components", "request", "useStepForm.ts") && u.anyKey)).toBe(true);
  });

  it("casts no key (a cast hides the key from tsc)", () => {
    expect(uses.filter((u) => u.cast).map(where)).toEqual([]);
  });

  it("resolves every key to values or a static prefix", () => {
    expect(uses.filter((u) => u.unresolved !== undefined).map((u) => `${where(u)}: ${u.unresolved}`)).toEqual([]);
  });

  it.each(LOCALES)("every translator's namespace exists in %s", (locale) => {
    const messages = catalogues.find(([l]) => l === locale)![1];
    const namespaces = [...new Set(uses.map((u) => u.namespace).filter((ns) => ns !== null))];
    expect(namespaces.filter((ns) => { const node = nodeAt(messages, ns); return node === null || typeof node !== "object"; })).toEqual([]);
  });

  it.each(LOCALES)("every key exists as a message in %s", (locale) => {
    const messages = catalogues.find(([l]) => l === locale)![1];
    const missing = uses.flatMap((u) => u.keys.map((k) => full(u.namespace, k)).filter((k) => typeof nodeAt(messages, k) !== "string").map((k) => `${where(u)}: ${k}`));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)("the static prefix of every unresolved template key is a namespace in %s", (locale) => {
    const messages = catalogues.find(([l]) => l === locale)![1];
    const missing = uses
      .filter((u) => u.prefix !== undefined)
      .map((u) => {
        // "caseWork.timeline.case_" -> the complete segments "caseWork.timeline" must be an object.
        const dotted = full(u.namespace, u.prefix!);
        const complete = dotted.slice(0, Math.max(0, dotted.lastIndexOf(".")));
        const node = complete === "" ? messages : nodeAt(messages, complete);
        return node !== null && typeof node === "object" ? null : `${where(u)}: ${dotted}…`;
      })
      .filter((m) => m !== null);
    expect(missing).toEqual([]);
  });
});
