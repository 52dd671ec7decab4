// Which channel a letter to a citizen takes, from the KRR facts (pure, no I/O).
//
// The law: a public body may send decisions and other important letters digitally unless the
// person has reserved themselves in KRR (eForvaltningsforskriften § 8 on digital communication from
// the administration, § 9 on reservation; KRR's attribute list cites the reservation rule). So:
// - the citizen's own choice of paper in this case wins over everything;
// - reserved, deleted from KRR, or not in KRR at all: paper;
// - active and not reserved: digital, also WITHOUT a digital mailbox. The municipality sends through
//   KS SvarUt, which delivers to the Digipost / e-Boks mailbox when there is one, otherwise to the
//   citizen's Altinn inbox (notified via the KRR contact details), and prints and posts the letter
//   when it is not read in time (municipalities tell citizens 40 to 48 hours). `reason` keeps the difference.
// - no look-up possible (krr null): digital with reason `no_lookup`; SvarUt's print fallback still
//   protects the citizen, and the caller decides whether to wait, retry or send anyway.
//
// Not modelled: KRR's varslingsstatus (KAN_IKKE_VARSLES after 18 months without confirmed contact
// details). SvarUt looks KRR up itself before it sends and falls back to print in that case.

export type LetterChannel = "digital" | "paper";
export type ChannelReason =
  | "citizen_chose_paper"
  | "reserved"
  | "inactive"
  | "not_registered"
  | "digital_mailbox"
  | "no_digital_mailbox"
  | "no_lookup";

/** The facts from KRR this decision needs (structurally the same as KrrPerson's fields). */
export type KrrFacts = {
  status: "active" | "deleted" | "not_registered";
  reserved: boolean;
  hasDigitalMailbox: boolean;
  language: "nb" | "nn" | "en" | "se" | null;
};

export type LetterLanguage = "nb" | "nn" | "en";

export function decideLetterChannel(krr: KrrFacts | null, citizenChosePaper: boolean): { channel: LetterChannel; reason: ChannelReason } {
  if (citizenChosePaper) return { channel: "paper", reason: "citizen_chose_paper" };
  if (krr === null) return { channel: "digital", reason: "no_lookup" };
  // A reservation is the person's own word: name it even if the status says more.
  if (krr.reserved) return { channel: "paper", reason: "reserved" };
  if (krr.status === "deleted") return { channel: "paper", reason: "inactive" };
  if (krr.status === "not_registered") return { channel: "paper", reason: "not_registered" };
  return { channel: "digital", reason: krr.hasDigitalMailbox ? "digital_mailbox" : "no_digital_mailbox" };
}

/**
 * The letter's language: the KRR preference when the portal writes letters in it (nb, nn, en),
 * otherwise `fallback` (the case's language). Northern Sami (se) has no letter templates here.
 */
export function letterLanguageFrom(krr: KrrFacts | null, fallback: LetterLanguage): LetterLanguage {
  const language = krr?.language;
  return language === "nb" || language === "nn" || language === "en" ? language : fallback;
}
