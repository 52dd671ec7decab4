"use client";

// The edit form of one letter template (the main paragraph in one language). Same pattern as the
// other admin forms: works without JavaScript (server action), error summary linking to the field,
// texts translated on the server.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import type { AdminFormState } from "@/components/staff/admin/form-state";

export const TEMPLATE_BODY_FIELD = "template-body";

export function LetterTemplateForm(props: {
  action: (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  initial: string;
  /** The language of the text (lang attribute of the textarea). */
  locale: string;
  maxLength: number;
  labels: { body: string; bodyHelp: string; submit: string; summaryHeading: string; unexpected: string };
  errorTexts: Record<string, string>;
  /** Which template: right, outcome and language as hidden fields. */
  hidden: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const summaryRef = useRef<HTMLDivElement>(null);
  const raw = state.values?.body;
  const value = typeof raw === "string" ? raw : props.initial;
  const errorKey = state.errors?.body ?? (state.errors ? "required" : undefined);
  const error = errorKey ? (props.errorTexts[errorKey] ?? props.errorTexts.required) : undefined;
  const summary = state.errorId
    ? [{ fieldId: TEMPLATE_BODY_FIELD, message: props.labels.unexpected.replace("{errorId}", state.errorId) }]
    : error
      ? [{ fieldId: TEMPLATE_BODY_FIELD, message: error }]
      : [];

  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
  }, [state, summary.length]);

  return (
    <form key={JSON.stringify(state.values ?? {})} action={formAction} noValidate className="flex max-w-3xl flex-col gap-4">
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary ref={summaryRef} heading={props.labels.summaryHeading} errors={summary} />
      <FormField id={TEMPLATE_BODY_FIELD} label={props.labels.body} help={props.labels.bodyHelp} error={error}>
        <textarea name="body" className="ds-input" rows={8} lang={props.locale} maxLength={props.maxLength} defaultValue={value} required />
      </FormField>
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {props.labels.submit}
        </button>
      </div>
    </form>
  );
}
