// A small, strict XML reader and writer for the Fiks Arkiv payloads. The receipts and error replies
// we read are small and namespace-qualified; a general-purpose parser would be a new dependency for
// a handful of elements. DOCTYPE is refused outright (no entity expansion, no external resources).

export class XmlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlParseError";
  }
}

export type XmlAttribute = { qname: string; local: string; ns: string | null; value: string };

export type XmlElement = {
  local: string;
  ns: string | null;
  attrs: XmlAttribute[];
  children: XmlElement[];
  /** Direct character data of this element (not of its children), untrimmed. */
  text: string;
  /** In-scope prefix -> namespace map; "" is the default namespace. Needed to resolve xsi:type. */
  scope: ReadonlyMap<string, string>;
};

export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

const NAME = /^[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?$/;

function decodeEntities(raw: string, where: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (match, body: string) => {
    if (!match.endsWith(";")) throw new XmlParseError(`Unterminated entity reference near offset ${where}`);
    switch (body) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const num = /^#x([0-9a-fA-F]+)$/.exec(body) ?? /^#([0-9]+)$/.exec(body);
    if (num?.[1]) {
      const code = Number.parseInt(num[1], body.startsWith("#x") ? 16 : 10);
      if (!isXmlChar(code)) throw new XmlParseError(`Character reference &${body}; is not allowed in XML`);
      return String.fromCodePoint(code);
    }
    throw new XmlParseError(`Unknown entity &${body}; near offset ${where}`);
  });
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function splitQName(qname: string): [string, string] {
  const i = qname.indexOf(":");
  return i < 0 ? ["", qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

/** Parses one XML document into an element tree with namespaces resolved. Throws XmlParseError. */
export function parseXml(input: string): XmlElement {
  const src = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let pos = 0;
  const stack: { el: XmlElement; qname: string }[] = [];
  let root: XmlElement | null = null;

  const fail = (message: string): never => {
    throw new XmlParseError(`${message} (offset ${pos})`);
  };

  while (pos < src.length) {
    const lt = src.indexOf("<", pos);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > pos) {
      const raw = src.slice(pos, textEnd);
      const top = stack.at(-1);
      if (top) top.el.text += decodeEntities(raw, pos);
      else if (raw.trim() !== "") fail("Text outside the root element");
      pos = textEnd;
      continue;
    }
    if (src.startsWith("<!--", pos)) {
      const end = src.indexOf("-->", pos + 4);
      if (end < 0) fail("Unterminated comment");
      pos = end + 3;
    } else if (src.startsWith("<![CDATA[", pos)) {
      const end = src.indexOf("]]>", pos + 9);
      if (end < 0) fail("Unterminated CDATA section");
      const top = stack.at(-1);
      if (!top) fail("CDATA outside the root element");
      top!.el.text += src.slice(pos + 9, end);
      pos = end + 3;
    } else if (src.startsWith("<!", pos)) {
      fail("DOCTYPE and other declarations are not accepted");
    } else if (src.startsWith("<?", pos)) {
      const end = src.indexOf("?>", pos + 2);
      if (end < 0) fail("Unterminated processing instruction");
      pos = end + 2;
    } else if (src.startsWith("</", pos)) {
      const end = src.indexOf(">", pos);
      if (end < 0) fail("Unterminated end tag");
      const qname = src.slice(pos + 2, end).trim();
      const top = stack.pop();
      if (!top || top.qname !== qname) fail(`Unexpected end tag </${qname}>`);
      pos = end + 1;
    } else {
      pos += 1;
      const nameMatch = /^[^\s/>]+/.exec(src.slice(pos, pos + 300));
      if (!nameMatch || !NAME.test(nameMatch[0])) fail("Invalid element name");
      const qname = nameMatch![0];
      pos += qname.length;
      const rawAttrs: { qname: string; value: string }[] = [];
      let selfClosing = false;
      for (;;) {
        const ws = /^\s*/.exec(src.slice(pos, pos + 1000))![0];
        pos += ws.length;
        if (src.startsWith("/>", pos)) {
          selfClosing = true;
          pos += 2;
          break;
        }
        if (src[pos] === ">") {
          pos += 1;
          break;
        }
        if (pos >= src.length) fail("Unterminated start tag");
        if (ws === "") fail("Missing whitespace between attributes");
        const attr = /^([^\s=/>]+)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(src.slice(pos, pos + 100_000));
        if (!attr || !NAME.test(attr[1]!)) fail("Invalid attribute");
        if (rawAttrs.some((a) => a.qname === attr![1])) fail(`Duplicate attribute ${attr![1]}`);
        rawAttrs.push({ qname: attr![1]!, value: decodeEntities(attr![3] ?? attr![4] ?? "", pos) });
        pos += attr![0].length;
      }
      const parent = stack.at(-1);
      if (!parent && root) fail("More than one root element");
      const scope = new Map(parent?.el.scope ?? [["xml", XML_NS]]);
      for (const a of rawAttrs) {
        if (a.qname === "xmlns") scope.set("", a.value);
        else if (a.qname.startsWith("xmlns:")) scope.set(a.qname.slice(6), a.value);
      }
      const [prefix, local] = splitQName(qname);
      const ns = scope.get(prefix) ?? null;
      if (prefix !== "" && ns === null) fail(`Undeclared namespace prefix ${prefix}`);
      const attrs: XmlAttribute[] = rawAttrs
        .filter((a) => a.qname !== "xmlns" && !a.qname.startsWith("xmlns:"))
        .map((a) => {
          const [p, l] = splitQName(a.qname);
          // Unprefixed attributes are in no namespace (XML Namespaces 1.0 §6.2).
          const ans = p === "" ? null : (scope.get(p) ?? fail(`Undeclared namespace prefix ${p}`));
          return { qname: a.qname, local: l, ns: ans, value: a.value };
        });
      const el: XmlElement = { local, ns: ns === "" ? null : ns, attrs, children: [], text: "", scope };
      if (parent) parent.el.children.push(el);
      else root = el;
      if (!selfClosing) stack.push({ el, qname });
    }
  }
  if (stack.length > 0) fail(`Unclosed element <${stack.at(-1)!.qname}>`);
  if (!root) fail("No root element");
  return root!;
}

export function childrenNamed(el: XmlElement | undefined, local: string): XmlElement[] {
  return el ? el.children.filter((c) => c.local === local) : [];
}

export function childNamed(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

/** Trimmed text of the named child, or undefined when it is missing or empty. */
export function childText(el: XmlElement | undefined, local: string): string | undefined {
  const text = childNamed(el, local)?.text.trim();
  return text ? text : undefined;
}

/** Follows a path of local names, e.g. ["journalposttype", "kode"]. */
export function pathText(el: XmlElement | undefined, path: string[]): string | undefined {
  let cur = el;
  for (const step of path.slice(0, -1)) cur = childNamed(cur, step);
  const last = path.at(-1);
  return last === undefined ? undefined : childText(cur, last);
}

/** The xsi:type of an element as { ns, local }, resolved against the element's namespace scope. */
export function xsiType(el: XmlElement): { ns: string | null; local: string } | null {
  const attr = el.attrs.find((a) => a.ns === XSI_NS && a.local === "type");
  if (!attr) return null;
  const [prefix, local] = splitQName(attr.value.trim());
  return { ns: el.scope.get(prefix) ?? null, local };
}

// ---------------------------------------------------------------- writing

/** Escapes text for element content and attribute values; drops characters XML 1.0 cannot carry. */
export function escapeXml(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (!isXmlChar(code)) continue;
    switch (ch) {
      case "&":
        out += "&amp;";
        break;
      case "<":
        out += "&lt;";
        break;
      case ">":
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case "'":
        out += "&apos;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** A built, already-escaped XML fragment. Only leaf() and node() make these, so raw text cannot slip in. */
export type Fragment = { readonly __xml: string };
type Child = Fragment | null | undefined | false;

function attrString(attrs?: Record<string, string>): string {
  if (!attrs) return "";
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
}

/** Element with text content (escaped). */
export function leaf(name: string, value: string | number | boolean, attrs?: Record<string, string>): Fragment {
  return { __xml: `<${name}${attrString(attrs)}>${escapeXml(String(value))}</${name}>` };
}

/** Element with element children; null/undefined/false children are skipped. */
export function node(name: string, children: Child[], attrs?: Record<string, string>): Fragment {
  const inner = children.filter((c): c is Fragment => Boolean(c)).map((c) => c.__xml).join("");
  return { __xml: `<${name}${attrString(attrs)}>${inner}</${name}>` };
}

export function documentString(root: Fragment): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root.__xml}\n`;
}
