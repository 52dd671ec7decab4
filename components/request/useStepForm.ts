"use client";

// Shared state of a step form: react-hook-form with the step's zod schema in the browser, and the
// server action's answer (the same schema on the server) when JavaScript is off or the server finds
// more. Errors from both end up in one error summary that takes focus (WCAG 3.3.1).
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMessages, useTranslations } from "next-intl";
import type { z } from "zod";
import type { StepState } from "@/app/(citizen)/request/actions";
import { isMessageKeyIn } from "@/i18n/translator";

export function useStepForm(options: {
  schema: z.ZodType<FieldValues, FieldValues>;
  action: (previous: StepState, formData: FormData) => Promise<StepState>;
  initial: StepState;
  /** Field names in page order (for the error summary); the value is the id of the control to focus. */
  fields: Record<string, string>;
}) {
  const t = useTranslations();
  const messages = useMessages();
  /** An error is a message key (from the schema or the server); one the page was not given reads as "invalid". */
  const errorText = (key: string) => t(isMessageKeyIn(messages, key) ? key : "validation.form.invalid");
  const [state, formAction, pending] = useActionState<StepState, FormData>(options.action, options.initial);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const form = useForm<FieldValues>({
    resolver: zodResolver(options.schema) as Resolver<FieldValues>,
    defaultValues: state.values,
    shouldFocusError: false,
  });
  const { errors: clientErrors, submitCount } = form.formState;

  const errors: Record<string, string> = { ...state.errors };
  for (const [field, error] of Object.entries(clientErrors)) {
    const message = (error as { message?: string } | undefined)?.message;
    if (message) errors[field] = message;
  }
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
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(formRef.current!)));
    })(event);
  };

  const fieldError = (field: string) => (errors[field] ? errorText(errors[field]) : undefined);
  const value = (field: string) => {
    const v = state.values[field];
    return typeof v === "string" ? v : "";
  };
  return { t, state, form, formAction, pending, formRef, summaryRef, summary, fieldError, onSubmit, value };
}
