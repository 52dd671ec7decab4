"use client";

// A national id on the staff case page: masked (birth date + *****), with a "Vis fødselsnummer" button
// that posts to a server action. The answer holds the full number for this page view only; with
// JavaScript off the same action answers with the page and this state. Each showing is logged by the
// service. Texts arrive translated from the server.
import { useActionState, useEffect, useRef } from "react";
import type { NationalIdOf } from "@/lib/cases/staff-request-details";
import type { RevealState } from "./reveal-state";

export function NationalIdReveal(props: {
  action: (state: RevealState, formData: FormData) => Promise<RevealState>;
  reference: string;
  of: NationalIdOf;
  masked: string;
  /** The id of the <dt> naming the number (the button is described by it). */
  labelId: string;
  texts: { reveal: string; help: string; shown: string; none: string; error: string };
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const statusRef = useRef<HTMLParagraphElement>(null);
  const helpId = `national-id-${props.of}-help`;

  useEffect(() => {
    if (state.number || state.none || state.errorId) statusRef.current?.focus();
  }, [state]);

  return (
    <div className="flex flex-col gap-1">
      <span className="font-mono tabular-nums" data-testid={`national-id-${props.of}`}>
        {state.number ?? props.masked}
      </span>
      {state.number || state.none || state.errorId ? (
        <p
          ref={statusRef}
          tabIndex={-1}
          className="ds-paragraph text-sm"
          role={state.errorId ? "alert" : "status"}
          data-testid={`national-id-${props.of}-status`}
        >
          {state.number ? props.texts.shown : state.none ? props.texts.none : props.texts.error.replace("{errorId}", state.errorId ?? "")}
        </p>
      ) : null}
      {!state.number && (
        <form action={formAction}>
          <input type="hidden" name="reference" value={props.reference} />
          <input type="hidden" name="of" value={props.of} />
          <button
            type="submit"
            className="ds-button"
            data-variant="secondary"
            data-size="sm"
            aria-describedby={`${props.labelId} ${helpId}`}
            aria-disabled={pending || undefined}
          >
            {props.texts.reveal}
          </button>
          <p id={helpId} className="ds-paragraph mt-1 text-sm">
            {props.texts.help}
          </p>
        </form>
      )}
    </div>
  );
}
