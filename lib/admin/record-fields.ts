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
