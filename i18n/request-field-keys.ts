// The message keys of the rights catalogue's request fields (lib/domain/rights.ts), one pattern per
// text, so a new field needs texts, not code: the citizen's under requestFlow.fields.<field>, the
// caseworker's under requestDetails. The types below make a field or option without its text a
// type error; tests/unit/request-field-texts.test.ts checks the same in all three languages.
import { REQUEST_FIELD_TYPES, type FieldOfKind, type FieldOption, type RequestField, type RightField } from "@/lib/domain/rights";
import type { MessageKey } from "./translator";

/** The fields whose answer is one of a list (an enum, or yes/no). */
export type OptionField = FieldOfKind<"enum"> | FieldOfKind<"boolean">;

type CitizenOptionKey = { [F in OptionField]: `requestFlow.fields.${F}.options.${FieldOption<F> & string}` }[OptionField];
type StaffOptionKey = { [F in OptionField]: `requestDetails.fieldOptions.${F}.${FieldOption<F> & string}` }[OptionField];
type CitizenLabelKey = `requestFlow.fields.${RequestField}.label`;
type StaffLabelKey = `requestDetails.fields.${RightField}`;

// Compile-time proof that every such key is in the catalogue (a missing one fails `tsc`).
type Exists<K> = [K] extends [MessageKey] ? true : never;
const KEYS_EXIST: [Exists<CitizenOptionKey>, Exists<StaffOptionKey>, Exists<CitizenLabelKey>, Exists<StaffLabelKey>] = [true, true, true, true];
void KEYS_EXIST;

export function fieldLabelKey(field: RequestField): CitizenLabelKey {
  return `requestFlow.fields.${field}.label`;
}

/** The help text's key; not every field has one (check with isMessageKeyIn). */
export function fieldHelpKey(field: RequestField): string {
  return `requestFlow.fields.${field}.help`;
}

/** "Required unless …", for a field another answer can make unnecessary. */
export function fieldRequiredUnlessKey(field: RequestField): string {
  return `requestFlow.fields.${field}.requiredUnless`;
}

export function fieldOptionKey<F extends OptionField>(field: F, option: FieldOption<F>): CitizenOptionKey {
  return `requestFlow.fields.${field}.options.${option}` as CitizenOptionKey;
}

/** The caseworker's wording of an option (third person: "the requester has withdrawn consent"). */
export function staffFieldOptionKey<F extends OptionField>(field: F, option: FieldOption<F>): StaffOptionKey {
  return `requestDetails.fieldOptions.${field}.${option}` as StaffOptionKey;
}

/** The option an answer of `field` stands for ("yes"/"no" for a boolean), or null when it is none of them. */
export function answerOption<F extends OptionField>(field: F, value: unknown): FieldOption<F> | null {
  const type = REQUEST_FIELD_TYPES[field];
  if (type.kind === "boolean") return typeof value === "boolean" ? ((value ? "yes" : "no") as FieldOption<F>) : null;
  return typeof value === "string" && (type.options as readonly string[]).includes(value) ? (value as FieldOption<F>) : null;
}
