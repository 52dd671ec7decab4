// The letter that closes a case as not processed: the requester never gave the information we
// asked for (identity or a clarification), so the request could not be handled (Art. 11(2),
// 12(2) and (6)). Art. 12(4) asks for the reasons and the complaint information when a controller
// does not act on a request: both are here, with the appeal information of an enkeltvedtak
// (an avvisning, forvaltningsloven § 2 third paragraph). Pure: the texts come from the catalogues.
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { isLocale, type Locale } from "@/i18n/locales";
import { formatDateLong, type IsoDate } from "@/lib/domain/calendar";
import type { AskRequesterKind } from "@/lib/domain/case-state-machine";
import { closingLines, complaintParagraphs, concernsLine, type ResponseLetterInput } from "./response-templates";

export type NotProcessedLetterInput = {
  locale: string;
  municipality: ResponseLetterInput["municipality"];
  reference: string;
  requesterName: string;
  receivedDate: IsoDate;
  askedOn: IsoDate;
  askKind: AskRequesterKind;
  warnedOn: IsoDate;
  closedOn: IsoDate;
  concerns?: ResponseLetterInput["concerns"];
};

function localeOf(locale: string): Locale {
  return isLocale(locale) ? locale : "nb";
}

/** The letter's text (plain, headings underlined), sent as a secure message and, for post, printed. */
export function renderNotProcessedLetterText(input: NotProcessedLetterInput): string {
  const locale = localeOf(input.locale);
  const messages = loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "unanswered.letter" });
  const tl = createTranslator({ locale, messages, namespace: "letters.template" });
  const date = (d: IsoDate) => formatDateLong(d, locale);
  const title = t("title");
  const parts: string[] = [
    `${title}\n${"=".repeat(title.length)}`,
    tl("referenceLines", { reference: input.reference, date: date(input.closedOn) }),
    t("intro", { name: input.requesterName.trim(), receivedDate: date(input.receivedDate) }),
  ];
  const concerns = concernsLine(tl, input.concerns);
  if (concerns) parts.push(concerns);
  parts.push(
    t("asked", { askedDate: date(input.askedOn), kind: input.askKind, warnedDate: date(input.warnedOn) }),
    t("closed", { closedDate: date(input.closedOn) }),
    t("later", { reference: input.reference }),
    ...complaintParagraphs(locale, input.municipality),
    closingLines(locale, input.municipality.name),
  );
  return parts.join("\n\n") + "\n";
}
