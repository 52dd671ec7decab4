"use client";

// Step 3: who asks, on whose behalf, and how we answer. The fields about the other person show only
// after "a child", "power of attorney" or "guardian" is ticked (with what a guardian must send), the
// guidance for a person who has died replaces the rest of the form and its button after that
// choice, and the postal address shows only after "letter by post": CSS (AboutForm.module.css)
// reveals them, so this works the same with and without JavaScript.
import { useMemo, type ReactNode } from "react";
import { aboutStepSchema, ABOUT_CHOICES, ANSWER_CHANNELS, REQUEST_LIMITS } from "@/lib/requests/request-schema";
import { saveAboutAction } from "@/app/(citizen)/request/actions";
import { FormField } from "@/components/ui/FormField";
import { ChoiceGroup } from "./ChoiceGroup";
import { StepFormShell } from "./StepFormShell";
import { useStepForm } from "./useStepForm";
import styles from "./AboutForm.module.css";

const FIELD_IDS: Record<string, string> = Object.fromEntries(
  [
    "name",
    "nationalId",
    "email",
    "onBehalfOf",
    "subjectName",
    "subjectNationalId",
    "declaration",
    "answerChannel",
    "postalAddress",
  ].map((f) => [f, `field-${f}`]),
);

export function AboutForm(props: {
  values: Record<string, string | boolean>;
  savedNationalId?: string;
  /** Signed in with ID-porten: this text (with the masked pid, translated on the server) replaces the fødselsnummer field. */
  idPortenNationalIdText?: string | null;
  savedSubjectNationalId?: string;
  verifiedEmail: string | null;
  allowSynthetic: boolean;
  /** The portal's date (the demo clock may move it): a child's age is counted on it, as on the server. */
  today: string;
  returnToSummary: boolean;
  /** Where to turn about a person who has died (server-rendered, with the municipality's contact details). */
  deceasedGuidance: ReactNode;
}) {
  const schema = useMemo(
    () => aboutStepSchema({ allowSynthetic: props.allowSynthetic, emailOptional: Boolean(props.verifiedEmail), today: props.today }),
    [props.allowSynthetic, props.verifiedEmail, props.today],
  );
  const { t, state, formAction, pending, formRef, summaryRef, summary, fieldError, onSubmit, onChange, clearErrors } = useStepForm({ schema, action: saveAboutAction, initial: { errors: {}, values: props.values }, fields: FIELD_IDS });
  const mark = (key: "required" | "optional" | "requiredIfPaper" | "requiredUnlessPaper") => `(${t(`requestFlow.form.${key}`)})`;
  const req = (required: boolean) => <span className="text-sm font-normal">{mark(required ? "required" : "optional")}</span>;
  type Mark = "required" | "optional" | "requiredIfPaper" | "requiredUnlessPaper";
  /**
   * A mark that depends on a choice: CSS shows the one that applies ("(må fylles ut)" or
   * "(valgfritt)"); where CSS cannot tell which radio is ticked, the text says when the field
   * applies. The brackets stay outside the hidden parts, so the label's accessible name keeps its
   * space ("E-postadressen din (må fylles ut)").
   */
  const conditional = (marks: { without: Mark; others: { key: Mark; className?: string }[] }) => (
    <span className="text-sm font-normal">
      (<span className={styles.noHas}>{t(`requestFlow.form.${marks.without}`)}</span>
      {marks.others.map((m) => (
        <span key={m.key} className={`${styles.hasOnly} ${m.className ?? ""}`}>
          {t(`requestFlow.form.${m.key}`)}
        </span>
      ))}
      )
    </span>
  );
  const str = (name: string) => {
    const v = state.values[name];
    return typeof v === "string" ? v : "";
  };

  return (
    <form id="step-form" ref={formRef} action={formAction} noValidate onSubmit={onSubmit} onChange={onChange} className={`flex flex-col gap-8 max-w-2xl ${styles.form}`}>
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
        submitClassName={styles.submitRow}
      >
        <section aria-labelledby="heading-you" className="flex flex-col gap-4">
          <h2 id="heading-you" className="ds-heading" data-size="sm">
            {t("requestFlow.about.youHeading")}
          </h2>
          <FormField id="field-name" label={t("requestFlow.fields.name.label")} requirement={req(true)} help={t("requestFlow.fields.name.help")} error={fieldError("name")}>
            <input className="ds-input" type="text" autoComplete="name" maxLength={REQUEST_LIMITS.name + 50} defaultValue={str("name")} name="name" />
          </FormField>
          {props.idPortenNationalIdText ? (
            <p className="ds-paragraph" data-testid="national-id-from-idporten">
              {props.idPortenNationalIdText}
            </p>
          ) : (
            <FormField
              id="field-nationalId"
              label={t("requestFlow.fields.nationalId.label")}
              requirement={req(false)}
              help={
                props.savedNationalId
                  ? t("requestFlow.fields.nationalId.saved", { masked: props.savedNationalId })
                  : t("requestFlow.fields.nationalId.help")
              }
              error={fieldError("nationalId")}
            >
              <input className="ds-input" type="text" inputMode="numeric" autoComplete="off" maxLength={20} defaultValue="" name="nationalId" />
            </FormField>
          )}
          <FormField
            id="field-email"
            label={t("requestFlow.fields.email.label")}
            requirement={
              props.verifiedEmail ? (
                req(false)
              ) : (
conditional({
                  without: "requiredUnlessPaper",
                  others: [
                    { key: "required", className: styles.emailRequired },
                    { key: "optional", className: styles.emailOptional },
                  ],
                })
              )
            }
            help={
              props.verifiedEmail
                ? t("requestFlow.fields.email.verified", { email: props.verifiedEmail })
                : t("requestFlow.fields.email.help")
            }
            error={fieldError("email")}
          >
            <input className="ds-input" type="email" autoComplete="email" inputMode="email" defaultValue={str("email")} name="email" />
          </FormField>
        </section>

        <section aria-labelledby="heading-behalf" className={`flex flex-col gap-4 ${styles.behalfSection}`}>
          <h2 id="heading-behalf" className="ds-heading" data-size="sm">
            {t("requestFlow.about.behalfHeading")}
          </h2>
          <ChoiceGroup
            id="field-onBehalfOf"
            type="radio"
            legend={
              <>
                {`${t("requestFlow.fields.onBehalfOf.label")} `}
                {req(true)}
              </>
            }
            error={fieldError("onBehalfOf")}
            options={ABOUT_CHOICES.map((o) => ({
              value: o,
              label: t(`requestFlow.fields.onBehalfOf.${o}`),
              description: o === "child" || o === "guardian" || o === "deceased" ? t(`requestFlow.fields.onBehalfOf.${o}Description`) : undefined,
            }))}
            inputProps={(value) => ({ name: "onBehalfOf", onChange: () => clearErrors(["subjectName", "subjectNationalId", "declaration"]), defaultChecked: str("onBehalfOf") === value })}
          />
          <div className={`flex flex-col gap-4 ${styles.revealed}`} data-testid="on-behalf-fields">
            <p className={`ds-paragraph ${styles.noHas}`} data-size="sm">
              {t("requestFlow.about.onlyIfBehalf")}
            </p>
            <FormField id="field-subjectName" label={t("requestFlow.fields.subjectName.label")} requirement={req(true)} error={fieldError("subjectName")}>
              <input className="ds-input" type="text" autoComplete="off" maxLength={REQUEST_LIMITS.name + 50} defaultValue={str("subjectName")} name="subjectName" />
            </FormField>
            <FormField
              id="field-subjectNationalId"
              label={t("requestFlow.fields.subjectNationalId.label")}
              requirement={req(false)}
              help={
                props.savedSubjectNationalId
                  ? t("requestFlow.fields.nationalId.saved", { masked: props.savedSubjectNationalId })
                  : t("requestFlow.fields.subjectNationalId.help")
              }
              error={fieldError("subjectNationalId")}
            >
              <input className="ds-input" type="text" inputMode="numeric" autoComplete="off" maxLength={20} defaultValue="" name="subjectNationalId" />
            </FormField>
            <ChoiceGroup
              id="field-declaration"
              type="checkbox"
              legend={
                <>
                  {`${t("requestFlow.fields.declaration.legend")} `}
                  {req(true)}
                </>
              }
              error={fieldError("declaration")}
              options={[{ value: "on", label: t("requestFlow.fields.declaration.label") }]}
              inputProps={() => ({ name: "declaration", defaultChecked: state.values.declaration === true || str("declaration") === "on" })}
            />
            <div className={`ds-alert ${styles.guardianOnly}`} data-color="info" data-testid="guardian-note">
              <h3 className="ds-heading" data-size="2xs">
                {t("requestFlow.about.guardian.heading")}
              </h3>
              <p className="ds-paragraph mt-1">{t("requestFlow.about.guardian.certificate")}</p>
              <p className="ds-paragraph mt-1">{t("requestFlow.about.guardian.scope")}</p>
              <p className="ds-paragraph mt-1">{t("requestFlow.about.guardian.person")}</p>
            </div>
          </div>
          <div className={styles.deceasedPanel} data-testid="deceased-guidance">
            <p className={`ds-paragraph ${styles.noHas}`} data-size="sm">
              {t("requestFlow.about.onlyIfDeceased")}
            </p>
            {props.deceasedGuidance}
          </div>
        </section>

        <section aria-labelledby="heading-answer" className={`flex flex-col gap-4 ${styles.answerSection}`}>
          <h2 id="heading-answer" className="ds-heading" data-size="sm">
            {t("requestFlow.about.answerHeading")}
          </h2>
          <ChoiceGroup
            id="field-answerChannel"
            type="radio"
            legend={
              <>
                {`${t("requestFlow.fields.answerChannel.label")} `}
                {req(true)}
              </>
            }
            help={t("requestFlow.fields.answerChannel.help")}
            error={fieldError("answerChannel")}
            options={ANSWER_CHANNELS.map((o) => ({
              value: o,
              label: t(`requestFlow.fields.answerChannel.${o}`),
              description: t(`requestFlow.fields.answerChannel.${o}Description`),
            }))}
            inputProps={(value) => ({ name: "answerChannel", onChange: () => clearErrors(["postalAddress", "email"]), defaultChecked: str("answerChannel") === value })}
          />
          <div className={`flex flex-col ${styles.revealed}`} data-testid="postal-fields">
            <FormField
              id="field-postalAddress"
              label={t("requestFlow.fields.postalAddress.label")}
              requirement={conditional({ without: "requiredIfPaper", others: [{ key: "required" }] })}
              help={t("requestFlow.fields.postalAddress.help")}
              error={fieldError("postalAddress")}
            >
              <textarea className="ds-input" rows={3} autoComplete="street-address" maxLength={REQUEST_LIMITS.postalAddress} defaultValue={str("postalAddress")} name="postalAddress" />
            </FormField>
          </div>
        </section>
      </StepFormShell>
    </form>
  );
}
