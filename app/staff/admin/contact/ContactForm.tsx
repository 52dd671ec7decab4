"use client";

// The contact details form (the municipality's and the DPO's channels). Same pattern as the other
// admin forms: works without JavaScript (server action), error summary linking to each field, texts
// translated on the server. Each field says where its value comes from (the statement, an admin,
// or the shipped profile's assumption).
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import type { AdminFormState } from "@/components/staff/admin/form-state";

export type ContactFormField = {
  name: string;
  id: string;
  label: string;
  /** Where the value comes from and what was shipped, as one text. */
  help: string;
  source: "admin" | "statement" | "assumption";
  initial: string;
  type: "email" | "tel" | "text";
  group: "municipality" | "dpo";
};

type Labels = Record<"submit" | "summaryHeading" | "unexpected" | "municipalityHeading" | "dpoHeading", string>;

export function ContactForm(props: {
  action: (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  fields: ContactFormField[];
  labels: Labels;
  errorTexts: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorOf = (name: string) => {
    const key = state.errors?.[name];
    return key ? (props.errorTexts[key] ?? props.errorTexts.oneLine) : undefined;
  };
  const summary = state.errorId
    ? [{ fieldId: props.fields[0]?.id ?? "", message: props.labels.unexpected.replace("{errorId}", state.errorId) }]
    : props.fields.flatMap((field) => {
        const message = errorOf(field.name);
        return message ? [{ fieldId: field.id, message }] : [];
      });

  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
  }, [state, summary.length]);

  const group = (which: "municipality" | "dpo") => (
    <fieldset className="ds-fieldset flex flex-col gap-4">
      <legend className="ds-heading" data-size="xs">
        {which === "municipality" ? props.labels.municipalityHeading : props.labels.dpoHeading}
      </legend>
      {props.fields
        .filter((field) => field.group === which)
        .map((field) => {
          const posted = state.values?.[field.name];
          return (
            <div key={field.name} data-contact-source={field.source}>
              <FormField id={field.id} label={field.label} help={field.help} error={errorOf(field.name)}>
                <input
                  name={field.name}
                  type={field.type}
                  inputMode={field.type === "tel" ? "tel" : field.type === "email" ? "email" : undefined}
                  className="ds-input"
                  defaultValue={typeof posted === "string" ? posted : field.initial}
                  maxLength={300}
                  autoComplete="off"
                  spellCheck={false}
                />
              </FormField>
            </div>
          );
        })}
    </fieldset>
  );

  return (
    <form key={JSON.stringify(state.values ?? {})} action={formAction} noValidate className="flex max-w-prose flex-col gap-6">
      <ErrorSummary ref={summaryRef} heading={props.labels.summaryHeading} errors={summary} />
      {group("municipality")}
      {group("dpo")}
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {props.labels.submit}
        </button>
      </div>
    </form>
  );
}
