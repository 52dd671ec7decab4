"use client";

// The citizen's complaint form and the DPO's answer form. Posts to a server action; without
// JavaScript the same action answers with the page, the error and what was typed. With JavaScript
// the same zod schema the server uses checks the text first, so the error shows without a round trip.
// Texts come translated from the server component.
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import { ANSWER_MAX_LENGTH, complaintAnswerSchema, complaintBodySchema } from "@/lib/complaints/complaint-schema";
import { COMPLAINT_BODY_MAX } from "@/lib/domain/complaints";
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
}) {
  const [state, formAction, pending] = useActionState(props.action, { value: "" });
  const [clientError, setClientError] = useState<{ key: string; for: ComplaintFormState } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // A client-side error belongs to the server state it was found on; a new server answer replaces it.
  const errorKey = clientError && clientError.for === state ? clientError.key : state.error;
  const errorText = state.errorId && !(clientError && clientError.for === state)
    ? props.unexpectedText.replace("{errorId}", state.errorId)
    : errorKey
      ? (props.errorTexts[errorKey] ?? props.unexpectedText.replace("{errorId}", "-"))
      : undefined;

  useEffect(() => {
    if (errorText) summaryRef.current?.focus();
  }, [state, clientError, errorText]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const value = new FormData(event.currentTarget).get("body");
    const schema = props.kind === "complaint" ? complaintBodySchema : complaintAnswerSchema;
    const result = schema.safeParse(typeof value === "string" ? value : "");
    if (!result.success) {
      event.preventDefault();
      setClientError({ key: result.error.issues[0]?.message ?? "empty", for: state });
    } else {
      setClientError(null);
    }
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex max-w-prose flex-col gap-4">
      <ErrorSummary ref={summaryRef} heading={props.summaryHeading} errors={errorText ? [{ fieldId: props.fieldId, message: errorText }] : []} />
      <FormField id={props.fieldId} label={props.label} help={props.help} error={errorText}>
        <textarea
          name="body"
          className="ds-input"
          rows={8}
          maxLength={props.kind === "complaint" ? COMPLAINT_BODY_MAX : ANSWER_MAX_LENGTH}
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
