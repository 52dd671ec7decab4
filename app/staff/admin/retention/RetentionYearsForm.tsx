"use client";

// The retention period form (years, 1-10). Same pattern as the other admin forms: works without
// JavaScript (server action), error summary linking to the field, texts translated on the server.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import type { AdminFormState } from "@/components/staff/admin/form-state";

export function RetentionYearsForm(props: {
  action: (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  initial: number;
  labels: { years: string; yearsHelp: string; submit: string; summaryHeading: string; unexpected: string };
  errorTexts: Record<string, string>;
  /** The field's name and id (the case-rules page reuses the form for its number of days). */
  name?: string;
  fieldId?: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const summaryRef = useRef<HTMLDivElement>(null);
  const name = props.name ?? "retentionYears";
  const fieldId = props.fieldId ?? "retention-years";
  const raw = state.values?.[name];
  const value = typeof raw === "string" ? raw : String(props.initial);
  const errorKey = state.errors?.[name] ?? (state.errors ? "range" : undefined);
  const error = errorKey ? (props.errorTexts[errorKey] ?? props.errorTexts.range) : undefined;
  const summary = state.errorId
    ? [{ fieldId, message: props.labels.unexpected.replace("{errorId}", state.errorId) }]
    : error
      ? [{ fieldId, message: error }]
      : [];

  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
  }, [state, summary.length]);

  return (
    <form key={JSON.stringify(state.values ?? {})} action={formAction} noValidate className="flex max-w-prose flex-col gap-4">
      <ErrorSummary ref={summaryRef} heading={props.labels.summaryHeading} errors={summary} />
      <FormField id={fieldId} label={props.labels.years} help={props.labels.yearsHelp} error={error}>
        <input name={name} type="text" inputMode="numeric" className="ds-input" defaultValue={value} maxLength={3} autoComplete="off" />
      </FormField>
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {props.labels.submit}
        </button>
      </div>
    </form>
  );
}
