"use client";

// Step 2: what each chosen right needs (legal-rules.md §2), then optional narrowing.
import type { Right } from "@/lib/domain/rights";
import type { Messages } from "@/i18n/messages";
import type { MessageKey } from "@/i18n/translator";
import { ERASURE_GROUNDS, RESTRICTION_GROUNDS } from "@/lib/domain/rights";
import { detailsStepSchema, REQUEST_LIMITS } from "@/lib/requests/request-schema";
import { saveDetailsAction } from "@/app/(citizen)/request/actions";
import { FormField } from "@/components/ui/FormField";
import { ChoiceGroup } from "./ChoiceGroup";
import { StepFormShell } from "./StepFormShell";
import { useStepForm } from "./useStepForm";

type FieldTexts = Messages["requestFlow"]["fields"];
/** A field with a label and a help text under requestFlow.fields. */
type FieldName = { [K in keyof FieldTexts]: FieldTexts[K] extends { label: string; help: string } ? K : never }[keyof FieldTexts];

const FIELD_IDS: Record<string, string> = Object.fromEntries(
  [
    "incorrectData",
    "correctData",
    "dataToErase",
    "erasureGround",
    "processingConcerned",
    "restrictionGround",
    "directMarketing",
    "objectionReasons",
    "dataProvided",
    "unit",
    "scopeService",
    "scopePeriodFrom",
    "scopePeriodTo",
    "description",
  ].map((f) => [f, `field-${f}`]),
);

export function DetailsForm(props: {
  rights: Right[];
  values: Record<string, string>;
  units: { slug: string; name: string }[];
  returnToSummary: boolean;
}) {
  const { t, state, form, formAction, pending, formRef, summaryRef, summary, fieldError, onSubmit, value: saved } = useStepForm({
    schema: detailsStepSchema,
    action: saveDetailsAction,
    initial: { errors: {}, values: { ...props.values, rights: props.rights } },
    fields: FIELD_IDS,
  });
  const has = (right: Right) => props.rights.includes(right);
  const req = (required: boolean | "unlessMarketing") => (
    <span className="text-sm font-normal">
      (
      {t(
        required === "unlessMarketing"
          ? "requestFlow.form.requiredUnlessMarketing"
          : required
            ? "requestFlow.form.required"
            : "requestFlow.form.optional",
      )}
      )
    </span>
  );
  const textArea = (name: FieldName, required: boolean | "unlessMarketing", rows = 4) => (
    <FormField
      id={`field-${name}`}
      label={t(`requestFlow.fields.${name}.label`)}
      requirement={req(required)}
      help={t(`requestFlow.fields.${name}.help`)}
      error={fieldError(name)}
    >
      <textarea
        className="ds-input"
        rows={rows}
        maxLength={REQUEST_LIMITS.detailText}
        defaultValue={saved(name)}
        {...form.register(name)}
      />
    </FormField>
  );
  const radios = <O extends string>(name: FieldName, options: readonly O[], labelKey: (o: O) => MessageKey) => (
    <ChoiceGroup
      id={`field-${name}`}
      type="radio"
      legend={
        <>
          {`${t(`requestFlow.fields.${name}.label`)} `}
          {req(true)}
        </>
      }
      help={t(`requestFlow.fields.${name}.help`)}
      error={fieldError(name)}
      options={options.map((o) => ({ value: o, label: t(labelKey(o)) }))}
      inputProps={(value) => ({ ...form.register(name), defaultChecked: saved(name) === value })}
    />
  );
  const section = (right: Right, children: React.ReactNode) => (
    <section aria-labelledby={`heading-${right}`} className="flex flex-col gap-4">
      <h2 id={`heading-${right}`} className="ds-heading" data-size="sm">
        {t(`rights.${right}.title`)}
      </h2>
      {children}
    </section>
  );

  return (
    <form id="step-form" ref={formRef} action={formAction} noValidate onSubmit={onSubmit} className="flex flex-col gap-8 max-w-2xl">
      <StepFormShell
        errorId={state.errorId}
        unexpected={(errorId) => t("errors.unexpected", { errorId })}
        summaryHeading={t("requestFlow.form.errorSummaryHeading")}
        summary={summary}
        summaryRef={summaryRef}
        returnToSummary={props.returnToSummary}
        submitLabel={t("requestFlow.form.continue")}
        pending={pending}
        pendingLabel={t("requestFlow.form.saving")}
      >
        {has("access") &&
          section("access", <p className="ds-paragraph">{t("requestFlow.details.accessNothingMore")}</p>)}
        {has("rectification") &&
          section(
            "rectification",
            <>
              {textArea("incorrectData", true)}
              {textArea("correctData", true)}
            </>,
          )}
        {has("erasure") &&
          section(
            "erasure",
            <>
              {textArea("dataToErase", true)}
              {radios("erasureGround", ERASURE_GROUNDS, (g) => `requestFlow.grounds.erasure.${g}`)}
              <p className="ds-paragraph" data-size="sm">
                {t("requestFlow.details.erasureArchive")}
              </p>
            </>,
          )}
        {has("restriction") &&
          section(
            "restriction",
            <>
              {textArea("processingConcerned", true, 3)}
              {radios("restrictionGround", RESTRICTION_GROUNDS, (g) => `requestFlow.grounds.restriction.${g}`)}
            </>,
          )}
        {has("objection") &&
          section(
            "objection",
            <>
              {!has("restriction") && textArea("processingConcerned", true, 3)}
              {radios("directMarketing", ["yes", "no"], (o) => `requestFlow.fields.directMarketing.${o}`)}
              {textArea("objectionReasons", "unlessMarketing")}
            </>,
          )}
        {has("portability") &&
          section(
            "portability",
            <>
              <div className="ds-alert" data-color="info">
                <p className="ds-paragraph">{t("requestFlow.details.portabilityNote")}</p>
              </div>
              {textArea("dataProvided", true, 3)}
            </>,
          )}

        <section aria-labelledby="heading-more" className="flex flex-col gap-4">
          <h2 id="heading-more" className="ds-heading" data-size="sm">
            {t("requestFlow.details.moreHeading")}
          </h2>
          <FormField
            id="field-unit"
            label={t("requestFlow.fields.unit.label")}
            requirement={req(false)}
            help={t("requestFlow.fields.unit.help")}
            error={fieldError("unit")}
          >
            <select className="ds-input" defaultValue={saved("unit")} {...form.register("unit")}>
              <option value="">{t("requestFlow.fields.unit.unknown")}</option>
              {props.units.map((u) => (
                <option key={u.slug} value={u.slug}>
                  {u.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            id="field-scopeService"
            label={t("requestFlow.fields.scopeService.label")}
            requirement={req(false)}
            help={t("requestFlow.fields.scopeService.help")}
            error={fieldError("scopeService")}
          >
            <input
              className="ds-input"
              type="text"
              maxLength={REQUEST_LIMITS.service}
              defaultValue={saved("scopeService")}
              {...form.register("scopeService")}
            />
          </FormField>
          <div className="flex flex-wrap gap-4">
            <FormField
              id="field-scopePeriodFrom"
              label={t("requestFlow.fields.scopePeriodFrom.label")}
              requirement={req(false)}
              error={fieldError("scopePeriodFrom")}
            >
              <input className="ds-input" type="date" defaultValue={saved("scopePeriodFrom")} {...form.register("scopePeriodFrom")} />
            </FormField>
            <FormField
              id="field-scopePeriodTo"
              label={t("requestFlow.fields.scopePeriodTo.label")}
              requirement={req(false)}
              error={fieldError("scopePeriodTo")}
            >
              <input className="ds-input" type="date" defaultValue={saved("scopePeriodTo")} {...form.register("scopePeriodTo")} />
            </FormField>
          </div>
          <FormField
            id="field-description"
            label={t("requestFlow.fields.description.label")}
            requirement={req(false)}
            help={t("requestFlow.fields.description.help")}
            error={fieldError("description")}
          >
            <textarea
              className="ds-input"
              rows={4}
              maxLength={REQUEST_LIMITS.description}
              defaultValue={saved("description")}
              {...form.register("description")}
            />
          </FormField>
        </section>
      </StepFormShell>
    </form>
  );
}
