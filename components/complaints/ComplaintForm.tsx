"use client";

// The citizen's complaint form and the DPO's answer form. Posts to a server action, which checks the
// text with the zod schema (lib/complaints/complaint-schema.ts) and answers with the error and what
// was typed, with or without JavaScript, like the secure-message form. No schema in the browser: it
// would add zod (over 20 KB gzip) to the citizen's case page for one textarea.
// Texts and the length limit come from the server component.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import type { ComplaintFormState } from "./complaint-form-state";

export function ComplaintForm(props: {
  kind: "complaint" | "answer";
  action: (state: ComplaintFormState, formData: FormData) => Promise<ComplaintFormState>;
  fieldId: string;
  label: string;
  help: string;
  button: string;
  summaryHeading: string;
  /** Translated texts for every error key the schema or the action may return. */
  errorTexts: Record<string, string>;
  unexpectedText: string;
  /** The schema's maximum length, so the browser stops typing there too. */
  maxLength: number;
  /** Hidden fields: which case (citizen) or which complaint (DPO); the action resolves it again. */
  hidden: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(props.action, { value: "" });
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorText = state.errorId
    ? props.unexpectedText.replace("{errorId}", state.errorId)
    : state.error
      ? (props.errorTexts[state.error] ?? props.unexpectedText.replace("{errorId}", "-"))
      : undefined;

  useEffect(() => {
    if (errorText) summaryRef.current?.focus();
  }, [state, errorText]);

  return (
    <form action={formAction} noValidate className="flex max-w-prose flex-col gap-4">
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary ref={summaryRef} heading={props.summaryHeading} errors={errorText ? [{ fieldId: props.fieldId, message: errorText }] : []} />
      <FormField id={props.fieldId} label={props.label} help={props.help} error={errorText}>
        <textarea
          name="body"
          className="ds-input"
          rows={8}
          maxLength={props.maxLength}
          defaultValue={state.value}
          required
        />
      </FormField>
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {props.button}
        </button>
      </div>
    </form>
  );
}
