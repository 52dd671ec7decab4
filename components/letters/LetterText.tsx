// A letter in the plain-text letter format (lib/letters/plain-letter.ts) shown as a document:
// its title and section headings as headings, paragraphs, bullet lists. Used where a sent letter
// appears in a case's message thread, for the citizen and for staff.
import { Fragment } from "react";
import { parsePlainLetter, type LetterBlock } from "@/lib/letters/plain-letter";

type Group = { kind: "title" | "heading" | "paragraph"; text: string } | { kind: "list"; items: string[] };

function grouped(blocks: LetterBlock[]): Group[] {
  const out: Group[] = [];
  for (const b of blocks) {
    const last = out.at(-1);
    if (b.kind === "bullet") {
      if (last?.kind === "list") last.items.push(b.text);
      else out.push({ kind: "list", items: [b.text] });
    } else out.push({ kind: b.kind, text: b.text });
  }
  return out;
}

/** `level`: the heading level of the letter's title (its sections get the next one). */
export function LetterText({ text, level = 3 }: { text: string; level?: 3 | 4 }) {
  const Title = `h${level}` as "h3" | "h4";
  const Section = `h${level + 1}` as "h4" | "h5";
  return (
    <div className="pv-letter" data-testid="letter-text">
      {grouped(parsePlainLetter(text)).map((g, i) => (
        <Fragment key={i}>
          {g.kind === "title" ? (
            <Title className="ds-heading" data-size="xs">
              {g.text}
            </Title>
          ) : g.kind === "heading" ? (
            <Section className="ds-heading mt-4" data-size="2xs">
              {g.text}
            </Section>
          ) : g.kind === "list" ? (
            <ul className="ds-list mt-2">
              {g.items.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </ul>
          ) : (
            <p className="ds-paragraph mt-2 whitespace-pre-line">{g.text}</p>
          )}
        </Fragment>
      ))}
    </div>
  );
}
