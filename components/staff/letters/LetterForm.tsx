"use client";

// The editable response letter: the draft text and how to deliver it. Posts to a server action;
// without JavaScript the same action answers with the page, the errors and what was typed.
// Texts arrive translated from the server page.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import { ChoiceGroup } from "@/components/request/ChoiceGroup";
import type { LetterFormState } from "./letter-form-state";

export const LETTER_BODY_FIELD = "letter-body";
export const DELIVERY_FIELD = "delivery";

export function LetterForm(props: {
  action: (state: LetterFormState, formData: FormData) => Promise<LetterFormState>;
  initialBody: string;
  initialDelivery: "portal" | "post";
  /** The case version the page showed (optimistic locking). */
  version: number;
  /** The case (a hidden field: the action resolves it again). */
  reference: string;
  /** Where the reload link after a conflict points. */
  reloadHref: string;
  texts: {
    summaryHeading: string;
    bodyLabel: string;
    bodyHelp: string;
    deliveryLegend: string;
    deliveryHelp: string;
    deliveryPortal: string;
    deliveryPost: string;
    send: string;
    reload: string;
  };
}) {
  const [state, formAction, pending] = useActionState(props.action, {
    body: props.initialBody,
    delivery: props.initialDelivery,
    errors: [],
  });
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const bodyError = state.errors.filter((e) => e.fieldId === LETTER_BODY_FIELD).map((e) => e.message).join(" ") || undefined;
  const deliveryError = state.errors.filter((e) => e.fieldId === DELIVERY_FIELD).map((e) => e.message).join(" ") || undefined;

  useEffect(() => {
    if (state.errors.length > 0) summaryRef.current?.focus();
    else if (state.conflict) conflictRef.current?.focus();
  }, [state]);

  return (
    <form action={formAction} noValidate className="mt-4 flex flex-col gap-6">
      {state.conflict && (
        <div ref={conflictRef} tabIndex={-1} className="ds-alert" data-color="danger" role="alert" data-testid="letter-conflict">
          <p className="ds-paragraph">{state.conflict}</p>
          <p className="ds-paragraph mt-2">
            <a className="ds-link" href={props.reloadHref}>
              {props.texts.reload}
            </a>
          </p>
        </div>
      )}
      <ErrorSummary ref={summaryRef} heading={props.texts.summaryHeading} errors={state.errors} />
      <input type="hidden" name="reference" value={props.reference} />
      <input type="hidden" name="version" value={props.version} />
      <FormField id={LETTER_BODY_FIELD} label={props.texts.bodyLabel} help={props.texts.bodyHelp} error={bodyError}>
        <textarea name="body" className="ds-input font-mono" rows={28} maxLength={20000} defaultValue={state.body} required />
      </FormField>
      <ChoiceGroup
        id={DELIVERY_FIELD}
        type="radio"
        legend={props.texts.deliveryLegend}
        help={props.texts.deliveryHelp}
        error={deliveryError}
        options={[
          { value: "portal", label: props.texts.deliveryPortal },
          { value: "post", label: props.texts.deliveryPost },
        ]}
        inputProps={(value) => ({ name: "delivery", defaultChecked: state.delivery === value })}
      />
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {props.texts.send}
        </button>
      </div>
    </form>
  );
}
