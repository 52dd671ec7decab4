"use client";

// Shared state of a step form: the step's zod schema (zod/mini, the same one the server action runs)
// checks the form in the browser before it is sent, and the server action's answer counts when
// JavaScript is off or the server finds more. Errors from both end up in one error summary that takes
// focus (WCAG 3.3.1). A small hook instead of a form library: the controls are plain uncontrolled
// inputs, so all it needs is the form's values at submit (the same FormData the server reads).
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useStepMessages, useStepTranslations } from "./StepMessages";
import type * as z from "zod/mini";
import type { StepState } from "@/app/(citizen)/request/actions";
import { isMessageKeyIn } from "@/i18n/translator";
import { fieldErrors } from "@/lib/requests/request-schema";

/** The form's values as the server action reads them: one string per name, a list for checkbox groups. */
function valuesOf(form: HTMLFormElement, listFields: readonly string[]): Record<string, unknown> {
  const data = new FormData(form);
  const out: Record<string, unknown> = {};
  for (const name of listFields) out[name] = data.getAll(name).filter((v) => typeof v === "string");
  for (const [name, value] of data) {
    if (!(name in out) && typeof value === "string") out[name] = value;
  }
  return out;
}

export function useStepForm(options: {
  schema: z.ZodMiniType;
  action: (previous: StepState, formData: FormData) => Promise<StepState>;
  initial: StepState;
  /** Field names in page order (for the error summary); the value is the id of the control to focus. */
  fields: Record<string, string>;
  /** Fields posted as a list (checkbox groups), even when one or none is ticked. */
  listFields?: readonly string[];
  /** Values the step knows but does not post (the details step's rights, which the server reads from the draft). */
  fixed?: Record<string, unknown>;
}) {
  const t = useStepTranslations();
  const messages = useStepMessages();
  /** An error is a message key (from the schema or the server); one the page was not given reads as "invalid". */
  const errorText = (key: string) => t(isMessageKeyIn(messages, key) ? key : "validation.form.invalid");
  const [state, formAction, pending] = useActionState<StepState, FormData>(options.action, options.initial);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [submitCount, setSubmitCount] = useState(0);

  const check = (): Record<string, string> => {
    const result = options.schema.safeParse({ ...valuesOf(formRef.current!, options.listFields ?? []), ...options.fixed });
    return result.success ? {} : fieldErrors(result.error);
  };

  const errors: Record<string, string> = { ...state.errors, ...clientErrors };
  const known = Object.keys(options.fields);
  const summary = [...known, ...Object.keys(errors).filter((f) => !known.includes(f))]
    .filter((f) => errors[f])
    .map((f) => ({ fieldId: options.fields[f] ?? "step-form", message: errorText(errors[f] ?? "") }));

  // Move focus to the summary whenever a submit attempt produced errors (client or server).
  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submitCount, state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const found = check();
    setClientErrors(found);
    setSubmitCount((n) => n + 1);
    if (Object.keys(found).length === 0) startTransition(() => formAction(new FormData(formRef.current!)));
  };

  /**
   * While the person corrects the form, errors shown in the browser go away (or change) as soon as
   * the field is right; new ones appear only at the next "Continue", never while typing.
   */
  const onChange = () => {
    if (Object.keys(clientErrors).length === 0) return;
    const now = check();
    // An update function: a control's own onChange (clearErrors) may have run just before.
    setClientErrors((previous) => {
      const kept: Record<string, string> = {};
      for (const field of Object.keys(previous)) if (now[field]) kept[field] = now[field];
      return kept;
    });
  };

  /** Clears the browser's errors of fields that a choice hides or makes optional. */
  const clearErrors = (fields: readonly string[]) =>
    setClientErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !fields.includes(field))));

  const fieldError = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  const value = (field: string) => {
    const v = state.values[field];
    return typeof v === "string" ? v : "";
  };
  return { t, state, formAction, pending, formRef, summaryRef, summary, fieldError, onSubmit, onChange, clearErrors, value };
}
