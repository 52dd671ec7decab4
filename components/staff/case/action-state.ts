// What a case-work form's server action answers (works with and without JavaScript). Every text in
// it is already translated on the server.
export type FieldValue = string | string[];

export type CaseActionState = {
  /** What was posted, to fill the form in again. */
  values?: Record<string, FieldValue>;
  /** Field name -> translated error. */
  errors?: Record<string, string>;
  /** Lines of the confirmation step ("check before you save"); present = show it. */
  confirm?: string[];
  /** An error about the form as a whole (not allowed now, conflict, unexpected). */
  formError?: string;
  /** The case was changed by someone else: offer a reload link. */
  conflict?: boolean;
};

export type FieldOption = { value: string; label: string; hint?: string };

export type TextFieldSpec = {
  kind: "text" | "email" | "tel" | "date" | "time" | "textarea";
      name: string;
      label: string;
      help?: string;
      required?: boolean;
      defaultValue?: string;
      rows?: number;
      maxLength?: number;
      /** Suggestions (a <datalist>). */
      suggestions?: string[];
      autoComplete?: string;
      max?: string;
};

export type FieldSpec =
  | TextFieldSpec
  | { kind: "select"; name: string; label: string; help?: string; required?: boolean; defaultValue?: string; options: FieldOption[] }
  | { kind: "radio" | "checkboxes"; name: string; label: string; help?: string; required?: boolean; defaultValue?: FieldValue; options: FieldOption[] }
  | { kind: "checkbox"; name: string; label: string; help?: string; defaultChecked?: boolean }
  | { kind: "group"; legend: string; fields: FieldSpec[] };

/** The id of a field's control (the first option for radios and checkboxes): where the error summary links to. */
export function fieldId(formId: string, name: string, optionIndex?: number): string {
  const base = `${formId}-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  return optionIndex === undefined ? base : `${base}-${optionIndex}`;
}
