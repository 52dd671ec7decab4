"use client";

// Add or edit an entry in the records of processing (Art. 30): the system, then what the access
// answer quotes (Art. 15(1), 15(2), 15(1)(h)) in three groups. Same pattern as UnitForm: works
// without JavaScript, an error summary linking to the fields, the posted values kept after an error.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import type { AdminFormState } from "./form-state";
import type { RecordTextField } from "@/lib/admin/record-fields";

type TextField = RecordTextField;
type Field = "name" | "unitId" | TextField;

export type RecordFormValues = Record<Field, string>;
export type RecordFormLabels = {
  fields: Record<Field, { label: string; help: string }>;
  fieldsets: { about: string; article15: string; transfers: string; automated: string };
  noUnit: string;
  submit: string;
  summaryHeading: string;
  unexpected: string;
};

const GROUPS: { legend: keyof RecordFormLabels["fieldsets"]; fields: TextField[] }[] = [
  { legend: "article15", fields: ["purposes", "legalBasis", "dataCategories", "recipients", "storagePeriod", "source"] },
  { legend: "transfers", fields: ["transfersOutsideEea", "transferSafeguards"] },
  { legend: "automated", fields: ["automatedDecisions"] },
];

export function ProcessingActivityForm(props: {
  action: (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  idPrefix: string;
  labels: RecordFormLabels;
  initial: RecordFormValues;
  units: { id: string; name: string }[];
  errorTexts: Record<string, string>;
  hidden?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const summaryRef = useRef<HTMLDivElement>(null);
  const v = state.values;
  const value = (key: Field) => (typeof v?.[key] === "string" ? (v[key] as string) : props.initial[key]);
  const id = (field: string) => `${props.idPrefix}-${field}`;
  const text = (key: string) => props.errorTexts[key] ?? props.errorTexts.invalid ?? key;
  const errors = Object.entries(state.errors ?? {}).map(([field, key]) => ({ field, fieldId: id(field), message: text(key) }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const summary = state.errorId
    ? [{ fieldId: id("name"), message: props.labels.unexpected.replace("{errorId}", state.errorId) }]
    : // Seven "fill in this field" would not say which: the summary names each field (WCAG 3.3.1).
      errors.map(({ field, fieldId, message }) => ({ fieldId, message: field in props.labels.fields ? `${props.labels.fields[field as Field].label}: ${message}` : message }));

  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
  }, [state, summary.length]);

  const textArea = (field: TextField) => (
    <FormField key={field} id={id(field)} label={props.labels.fields[field].label} help={props.labels.fields[field].help} error={errorOf(field)}>
      <textarea name={field} className="ds-input" rows={3} defaultValue={value(field)} maxLength={4000} />
    </FormField>
  );

  return (
    <form key={JSON.stringify(v ?? {})} action={formAction} noValidate className="flex max-w-prose flex-col gap-6">
      {Object.entries(props.hidden ?? {}).map(([name, val]) => (
        <input key={name} type="hidden" name={name} value={val} />
      ))}
      <ErrorSummary ref={summaryRef} heading={props.labels.summaryHeading} errors={summary} />
      <fieldset className="ds-fieldset flex flex-col gap-4">
        <legend className="ds-heading mb-2" data-size="xs">
          {props.labels.fieldsets.about}
        </legend>
        <FormField id={id("name")} label={props.labels.fields.name.label} help={props.labels.fields.name.help} error={errorOf("name")}>
          <input name="name" type="text" className="ds-input" defaultValue={value("name")} maxLength={200} required />
        </FormField>
        <FormField id={id("unitId")} label={props.labels.fields.unitId.label} help={props.labels.fields.unitId.help} error={errorOf("unitId")}>
          <select name="unitId" className="ds-input" defaultValue={value("unitId")}>
            <option value="">{props.labels.noUnit}</option>
            {props.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </FormField>
      </fieldset>
      {GROUPS.map((g) => (
        <fieldset key={g.legend} className="ds-fieldset flex flex-col gap-4">
          <legend className="ds-heading mb-2" data-size="xs">
            {props.labels.fieldsets[g.legend]}
          </legend>
          {g.fields.map(textArea)}
        </fieldset>
      ))}
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {props.labels.submit}
        </button>
      </div>
    </form>
  );
}
