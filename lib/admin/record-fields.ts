// The texts of an entry in the records of processing that the access answer quotes, in form order
// (shared by the admin form, its labels and its server action; no imports, safe for the client).
export const RECORD_TEXT_FIELDS = [
  "purposes",
  "legalBasis",
  "dataCategories",
  "recipients",
  "storagePeriod",
  "source",
  "transfersOutsideEea",
  "transferSafeguards",
  "automatedDecisions",
] as const;
export type RecordTextField = (typeof RECORD_TEXT_FIELDS)[number];

/** The columns the access answer quotes of an entry (lib/letters/access-register.ts RegisterEntryText). */
export const REGISTER_ENTRY_SELECT = {
  name: true,
  purposes: true,
  legalBasis: true,
  dataCategories: true,
  recipients: true,
  storagePeriod: true,
  source: true,
  transfersOutsideEea: true,
  transferSafeguards: true,
  automatedDecisions: true,
} as const satisfies Record<"name" | RecordTextField, true>;
