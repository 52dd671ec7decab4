"use client";

// The request form. Validates in the browser with the same zod schema the server uses, and
// without JavaScript it still posts to the server action, which answers with the same errors.
import { useActionState, useEffect, useRef, startTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { submitRequestSchema, REQUEST_LIMITS, type SubmitRequestInput } from "@/lib/requests/request-schema";
import { submitRequestAction, type RequestFormState } from "@/app/request/actions";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";

const FIELD_ORDER = ["name", "email", "unit", "description", "rights", "submissionKey", "form"] as const;

export function RequestForm(props: {
  right: string;
  units: { slug: string; name: string }[];
  submissionKey: string;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<RequestFormState, FormData>(submitRequestAction, {
    errors: {},
    values: { name: "", email: "", unit: "", description: "" },
  });
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors: clientErrors, submitCount },
  } = useForm<SubmitRequestInput>({
    resolver: zodResolver(submitRequestSchema),
    defaultValues: { ...state.values, rights: [props.right as "access"], submissionKey: props.submissionKey },
    shouldFocusError: false,
  });

  const errors: Record<string, string> = { ...state.errors };
  for (const [field, error] of Object.entries(clientErrors)) {
    const message = (error as { message?: string } | undefined)?.message;
    if (message) errors[field] = message;
  }
  const summary = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({
    fieldId: f === "form" || f === "submissionKey" || f === "rights" ? "request-form" : `field-${f}`,
    message: t(errors[f] as never),
  }));

  // Move focus to the summary whenever a submit attempt produced errors (client or server).
  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submitCount, state]);

  const requirement = (required: boolean) => (
    <span className="text-sm font-normal">({t(required ? "requestForm.required" : "requestForm.optional")})</span>
  );
  const fieldError = (field: string) => (errors[field] ? t(errors[field] as never) : undefined);

  return (
    <form
      id="request-form"
      ref={formRef}
      action={formAction}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void handleSubmit(() => {
          startTransition(() => formAction(new FormData(formRef.current!)));
        })(event);
      }}
      className="flex flex-col gap-6 max-w-xl"
    >
      {state.errorId && (
        <div className="ds-alert" data-color="danger" role="alert">
          {t("errors.unexpected", { errorId: state.errorId })}
        </div>
      )}
      <ErrorSummary ref={summaryRef} heading={t("requestForm.errorSummaryHeading")} errors={summary} />

      <input type="hidden" name="rights" value={props.right} />
      {/* defaultValue props render the values into the HTML, so the form also works without JavaScript. */}
      <input type="hidden" defaultValue={props.submissionKey} {...register("submissionKey")} />

      <FormField id="field-name" label={t("requestForm.nameLabel")} requirement={requirement(true)} help={t("requestForm.nameHelp")} error={fieldError("name")}>
        <input className="ds-input" type="text" autoComplete="name" maxLength={REQUEST_LIMITS.name + 50} defaultValue={state.values.name} {...register("name")} />
      </FormField>

      <FormField id="field-email" label={t("requestForm.emailLabel")} requirement={requirement(true)} help={t("requestForm.emailHelp")} error={fieldError("email")}>
        <input className="ds-input" type="email" autoComplete="email" inputMode="email" defaultValue={state.values.email} {...register("email")} />
      </FormField>

      <FormField id="field-unit" label={t("requestForm.unitLabel")} requirement={requirement(false)} help={t("requestForm.unitHelp")} error={fieldError("unit")}>
        <select className="ds-input" defaultValue={state.values.unit} {...register("unit")}>
          <option value="">{t("requestForm.unitUnknown")}</option>
          {props.units.map((u) => (
            <option key={u.slug} value={u.slug}>
              {u.name}
            </option>
          ))}
        </select>
      </FormField>

      <FormField id="field-description" label={t("requestForm.descriptionLabel")} requirement={requirement(false)} help={t("requestForm.descriptionHelp")} error={fieldError("description")}>
        <textarea className="ds-input" rows={5} defaultValue={state.values.description} {...register("description")} />
      </FormField>

      <p className="ds-paragraph" data-size="sm">
        {t("requestForm.privacyNote")}
      </p>
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {pending ? t("requestForm.sending") : t("requestForm.submit")}
        </button>
      </div>
    </form>
  );
}
