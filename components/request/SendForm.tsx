"use client";

// The summary's Send button. Ignores a second click while the first is on its way; without
// JavaScript a double post is harmless too (the submission key makes one case).
import { startTransition, useActionState, useRef, type FormEvent } from "react";
import { useStepTranslations } from "./StepMessages";
import { sendRequestAction, type StepState } from "@/app/(citizen)/request/actions";

export function SendForm(props: { submissionKey: string; signedIn: boolean }) {
  const t = useStepTranslations();
  const [state, formAction, pending] = useActionState<StepState, FormData>(sendRequestAction, { errors: {}, values: {} });
  const formRef = useRef<HTMLFormElement>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    startTransition(() => formAction(new FormData(formRef.current!)));
  };
  return (
    <form id="send-form" ref={formRef} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4">
      {state.errorId && (
        <div className="ds-alert" data-color="danger" role="alert">
          {t("errors.unexpected", { errorId: state.errorId })}
        </div>
      )}
      <input type="hidden" name="submissionKey" value={props.submissionKey} />
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {pending
            ? t("requestFlow.form.sending")
            : props.signedIn
              ? t("requestFlow.summary.send")
              : t("requestFlow.summary.signInAndSend")}
        </button>
      </div>
    </form>
  );
}
