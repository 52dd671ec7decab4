"use client";

// Step 1: which rights. Several rights become one case.
import { RIGHTS, RIGHTS_CATALOGUE } from "@/lib/domain/rights";
import { whatStepSchema } from "@/lib/requests/request-schema";
import { saveWhatAction } from "@/app/(citizen)/request/actions";
import { ChoiceGroup } from "./ChoiceGroup";
import { LegalName } from "./LegalName";
import { StepFormShell } from "./StepFormShell";
import { useStepForm } from "./useStepForm";

export function WhatForm(props: { rights: string[]; returnToSummary: boolean }) {
  const { t, state, formAction, pending, formRef, summaryRef, summary, fieldError, onSubmit, onChange } = useStepForm({
    schema: whatStepSchema,
    action: saveWhatAction,
    initial: { errors: {}, values: { rights: props.rights } },
    fields: { rights: "field-rights" },
    listFields: ["rights"],
  });
  const chosen = Array.isArray(state.values.rights) ? (state.values.rights as string[]) : props.rights;
  return (
    <form id="step-form" ref={formRef} action={formAction} noValidate onSubmit={onSubmit} onChange={onChange} className="flex flex-col gap-6 max-w-2xl">
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
        <ChoiceGroup
          id="field-rights"
          type="checkbox"
          legend={t("requestFlow.what.legend")}
          help={t("requestFlow.what.help")}
          error={fieldError("rights")}
          options={RIGHTS.map((right) => ({
            value: right,
            // The plain title, and under it the right's legal name, as in the municipality's privacy statement.
            label: (
              <>
                <span className="block">
                  {t(`rights.${right}.title`)}
                  <span className="ds-sr-only">,</span>
                </span>
                <LegalName smaller testId={`legal-name-${right}`}>{t(`rights.${right}.legalName`)}</LegalName>
              </>
            ),
            description:
              t("requestFlow.what.article", { article: RIGHTS_CATALOGUE[right].gdprArticle }) +
              (right === "portability" ? `. ${t("requestFlow.what.portabilityHint")}` : ""),
          }))}
          inputProps={(value) => ({ name: "rights", defaultChecked: chosen.includes(value) })}
        />
      </StepFormShell>
    </form>
  );
}
