// XSD validation of Fiks Arkiv V1 payloads with libxml2 (xmllint-wasm). The schema set is read from
// disk once per folder and cached; xmllint does no IO of its own, so every XSD is preloaded under
// its own file name, which is what the schemas' relative schemaLocation="./x.xsd" resolves to.

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { childrenNamed, parseXml, XmlParseError } from "@/lib/archive/xml";

export const DEFAULT_SCHEMA_DIR = path.join("lib", "archive", "schemas", "fiks-arkiv-v1");
const XS_NS = "http://www.w3.org/2001/XMLSchema";

type SchemaFile = { fileName: string; contents: string };
type SchemaSet = {
  files: Map<string, SchemaFile>;
  /** Global elements each main schema declares: the root a message of that type must have. */
  roots: Map<string, { ns: string; names: Set<string> }>;
};

const cache = new Map<string, Promise<SchemaSet>>();

async function loadSchemaSet(dir: string): Promise<SchemaSet> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".xsd")).sort();
  if (names.length === 0) throw new Error(`No XSD files in ${dir}`);
  const files = new Map<string, SchemaFile>();
  const roots = new Map<string, { ns: string; names: Set<string> }>();
  for (const fileName of names) {
    const contents = await readFile(path.join(dir, fileName), "utf8");
    files.set(fileName, { fileName, contents });
    const schema = parseXml(contents);
    const elements = childrenNamed(schema, "element").filter((e) => e.ns === XS_NS);
    const ns = schema.attrs.find((a) => a.local === "targetNamespace" && a.ns === null)?.value ?? "";
    roots.set(fileName, { ns, names: new Set(elements.map((e) => e.attrs.find((a) => a.local === "name")?.value ?? "")) });
  }
  return { files, roots };
}

/** Loads (once) the schema set of a folder; exported so the stand-in can warm it at start. */
export function schemaSet(schemaDir?: string): Promise<SchemaSet> {
  const dir = path.resolve(process.cwd(), schemaDir ?? DEFAULT_SCHEMA_DIR);
  let set = cache.get(dir);
  if (!set) {
    set = loadSchemaSet(dir);
    // A failed load (missing folder) should not stick for the life of the process.
    set.catch(() => cache.delete(dir));
    cache.set(dir, set);
  }
  return set;
}

export type ValidationResult = { valid: true } | { valid: false; errors: string[] };

/**
 * Validates a payload against the XSD of its message type (`<messageType>.xsd`), and checks that
 * the root element is the one that XSD declares: an imported schema's global element (e.g. the
 * opprett arkivmelding inside the oppdater set) would otherwise also validate.
 */
export async function validateFiksArkivXml(messageType: string, xml: string, options?: { schemaDir?: string }): Promise<ValidationResult> {
  const set = await schemaSet(options?.schemaDir);
  const mainName = `${messageType}.xsd`;
  const main = set.files.get(mainName);
  const expected = set.roots.get(mainName);
  if (!main || !expected || !/^no\.ks\.fiks\.arkiv\.v1\./.test(messageType)) {
    return { valid: false, errors: [`No XSD for message type ${messageType} (it may carry no payload)`] };
  }
  try {
    const root = parseXml(xml);
    if (root.ns !== expected.ns || !expected.names.has(root.local)) {
      return {
        valid: false,
        errors: [`Root element {${root.ns ?? ""}}${root.local} does not belong to ${messageType}; expected {${expected.ns}}${[...expected.names].join("|")}`],
      };
    }
  } catch (error) {
    if (error instanceof XmlParseError) return { valid: false, errors: [`Not well-formed XML: ${error.message}`] };
    throw error;
  }
  const result = await validateXML({
    xml: [{ fileName: "payload.xml", contents: xml }],
    schema: [main],
    preload: [...set.files.values()].filter((f) => f.fileName !== mainName),
  });
  if (result.valid) return { valid: true };
  const errors = result.errors.map((e) => e.message.trim()).filter((m) => m !== "");
  return { valid: false, errors: errors.length > 0 ? errors : [result.rawOutput.trim() || "Invalid against the XSD"] };
}
