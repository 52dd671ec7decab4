"use client";

// A secure-message form. Posts to a server action; without JavaScript the same action answers with
// the page and the error, with what was typed kept. Texts come translated from the server page.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import type { MessageFormState } from "./message-form-state";
import { MESSAGE_MAX_LENGTH } from "@/lib/cases/message-schema";

export function MessageForm(props: {
  action: (state: MessageFormState, formData: FormData) => Promise<MessageFormState>;
  fieldId: string;
  label: string;
  help: string;
  button: string;
  summaryHeading: string;
  /** Translated texts for every error key the action may return. */
  errorTexts: Record<string, string>;
  unexpectedText: string;
  /** The case (a hidden field: the action resolves it and its access again). */
  reference: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, { value: "" });
  const summaryRef = useRef<HTMLDivElement>(null);
  const error = state.error ? (props.errorTexts[state.error] ?? props.unexpectedText) : undefined;
  const errorText = state.errorId ? props.unexpectedText.replace("{errorId}", state.errorId) : error;

  useEffect(() => {
    if (errorText) summaryRef.current?.focus();
  }, [state, errorText]);

  return (
    <form action={formAction} noValidate className="flex max-w-prose flex-col gap-4">
      <input type="hidden" name="reference" value={props.reference} />
      <ErrorSummary ref={summaryRef} heading={props.summaryHeading} errors={errorText ? [{ fieldId: props.fieldId, message: errorText }] : []} />
      <FormField id={props.fieldId} label={props.label} help={props.help} error={errorText}>
        <textarea name="body" className="ds-input" rows={6} maxLength={MESSAGE_MAX_LENGTH} defaultValue={state.value} required />
      </FormField>
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {props.button}
        </button>
      </div>
    </form>
  );
}
