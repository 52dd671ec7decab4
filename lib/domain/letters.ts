/**
 * Letters the portal writes to a requester. One list each, matched by CHECK constraints on the
 * letter table (letter_kind_known and letter_delivery_known, kept equal by tests/integration/letter-kinds.test.ts).
 */

/** receipt: the PDF receipt of a request; response: the answer letter (Art. 12); message: a message sent as a letter to someone who answers by post. */
export const LETTER_KINDS = ["receipt", "response", "message"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** post: waits in the print queue; portal: delivered as a secure message with the PDF attached. */
export const LETTER_DELIVERIES = ["post", "portal"] as const;
/** What a letter row may say: also "svarut", a paper letter that SvarUt posts (or delivers digitally) instead of the print queue. */
export const STORED_LETTER_DELIVERIES = [...LETTER_DELIVERIES, "svarut"] as const;
export type LetterDelivery = (typeof STORED_LETTER_DELIVERIES)[number];
/** What staff choose on the letter page (SvarUt is the portal's choice, not theirs). */
export type ChosenLetterDelivery = (typeof LETTER_DELIVERIES)[number];

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === "string" && (LETTER_KINDS as readonly string[]).includes(value);
}

export function isLetterDelivery(value: unknown): value is LetterDelivery {
  return typeof value === "string" && (STORED_LETTER_DELIVERIES as readonly string[]).includes(value);
}

/**
 * The GDPR Art. 19 notices of a case, as its response letter may describe them: "done" when the
 * case has recipient-notice tasks and all are ticked off (only then may the letter say the
 * recipients were told), "pending" when some are still open (the letter says we will tell them),
 * "no_recipients" when there is no such task and the caseworker recorded that the data was not
 * shared with anyone (the letter says so), "none" otherwise (the letter claims nothing, the
 * caseworker is told why). Tasks win over the record: a task means there is a recipient.
 */
export type RecipientNotices = { state: "done" } | { state: "pending"; open: number } | { state: "no_recipients" } | { state: "none" };

export function recipientNoticesOf(tasks: readonly { kind: string; doneAt: Date | null }[], noRecipients = false): RecipientNotices {
  const notices = tasks.filter((t) => t.kind === "notify_recipient");
  if (notices.length === 0) return noRecipients ? { state: "no_recipients" } : { state: "none" };
  const open = notices.filter((t) => t.doneAt === null).length;
  return open === 0 ? { state: "done" } : { state: "pending", open };
}
