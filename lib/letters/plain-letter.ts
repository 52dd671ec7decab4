// The plain-text letter format the templates write and caseworkers edit: a heading is a line
// underlined with "=" (title) or "-" (section), bullets start with "- ". Parsed here for the PDF
// (lib/letters/pdf.ts) and for showing a letter formatted in the case's message thread. Pure.

/** A block of a plain-text letter: headings are a line underlined with "=" (title) or "-" (section). */
export type LetterBlock = { kind: "title" | "heading" | "paragraph" | "bullet"; text: string };

/** Parses the plain-text letter format written by the templates (and edited by the caseworker). */
export function parsePlainLetter(text: string): LetterBlock[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: LetterBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join("\n") });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    const next = lines[i + 1]?.trim() ?? "";
    if (line.trim() !== "" && /^(=+|-+)$/.test(next) && next.length >= 3) {
      flush();
      blocks.push({ kind: next.startsWith("=") ? "title" : "heading", text: line.trim() });
      i++;
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const bullet = /^\s*[-•*]\s+(.*)$/.exec(line);
    if (bullet) {
      flush();
      blocks.push({ kind: "bullet", text: bullet[1]! });
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}
