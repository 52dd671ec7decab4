"use client";

// Step 2: what each chosen right needs (legal-rules.md §2), then optional narrowing. Built from the
// rights catalogue: each right's fields in its order (a field two chosen rights share is asked once,
// under the first), each rendered by its type, with its texts under requestFlow.fields.<field>.
import type { ReactNode } from "react";
import { fieldsByRight, NARROWING_FIELDS, REQUEST_FIELD_TYPES, type RequestField, type RequestFieldSpec, type Right } from "@/lib/domain/rights";
import type { MessageKey } from "@/i18n/translator";
import { isMessageKeyIn } from "@/i18n/translator";
import { fieldHelpKey, fieldLabelKey, fieldOptionKey, fieldRequiredUnlessKey, type OptionField } from "@/i18n/request-field-keys";
import { detailsStepSchema, REQUEST_LIMITS } from "@/lib/requests/request-schema";
import { saveDetailsAction } from "@/app/(citizen)/request/actions";
import { FormField } from "@/components/ui/FormField";
import { ChoiceGroup } from "./ChoiceGroup";
import { StepFormShell } from "./StepFormShell";
import { useStepForm } from "./useStepForm";
import { useStepMessages } from "./StepMessages";

/** What the form says about a right besides its fields (most rights need nothing). */
const RIGHT_NOTES: Partial<Record<Right, { key: MessageKey; as: "paragraph" | "alert" | "footnote" }>> = {
  access: { key: "requestFlow.details.accessNothingMore", as: "paragraph" },
  erasure: { key: "requestFlow.details.erasureArchive", as: "footnote" },
  portability: { key: "requestFlow.details.portabilityNote", as: "alert" },
};

const fieldId = (field: string) => `field-${field}`;

export function DetailsForm(props: {
  rights: Right[];
  values: Record<string, string>;
  units: { slug: string; name: string }[];
  returnToSummary: boolean;
}) {
  const groups = fieldsByRight(props.rights);
  // Page order, for the error summary.
  const fieldIds = Object.fromEntries(
    [...groups.flatMap((g) => g.fields.map((f) => f.name)), "unit", ...NARROWING_FIELDS, "description"].map((f) => [f, fieldId(f)]),
  );
  const { t, state, formAction, pending, formRef, summaryRef, summary, fieldError, onSubmit, onChange, value: saved } = useStepForm({
    schema: detailsStepSchema,
    action: saveDetailsAction,
    initial: { errors: {}, values: { ...props.values, rights: props.rights } },
    fields: fieldIds,
    fixed: { rights: props.rights },
  });
  const messages = useStepMessages();
  const help = (field: RequestField) => {
    const key = fieldHelpKey(field);
    return isMessageKeyIn(messages, key) ? t(key) : undefined;
  };
  type Asked = Pick<RequestFieldSpec, "required" | "requiredUnless"> & { name: RequestField };
  const requirement = (spec: Pick<Asked, "required" | "requiredUnless"> & { name?: RequestField }) => {
    const unlessKey = spec.name ? fieldRequiredUnlessKey(spec.name) : "";
    const key: MessageKey = !spec.required
      ? "requestFlow.form.optional"
      : spec.requiredUnless && isMessageKeyIn(messages, unlessKey)
        ? unlessKey
        : "requestFlow.form.required";
    return <span className="text-sm font-normal">({t(key)})</span>;
  };

  /** One field, by its type in the catalogue. */
  const field = (spec: Asked): ReactNode => {
    const name = spec.name;
    const type = REQUEST_FIELD_TYPES[name];
    if (type.kind === "enum" || type.kind === "boolean") {
      const optionField = name as OptionField;
      const options: readonly string[] = type.kind === "enum" ? type.options : ["yes", "no"];
      return (
        <ChoiceGroup
          key={name}
          id={fieldId(name)}
          type="radio"
          legend={
            <>
              {`${t(fieldLabelKey(name))} `}
              {requirement(spec)}
            </>
          }
          help={help(name)}
          error={fieldError(name)}
          options={options.map((o) => ({ value: o, label: t(fieldOptionKey(optionField, o as never)) }))}
          inputProps={(value) => ({ name: name, defaultChecked: saved(name) === value })}
        />
      );
    }
    const control =
      type.kind === "date" ? (
        <input className="ds-input" type="date" defaultValue={saved(name)} name={name} />
      ) : type.multiline ? (
        <textarea className="ds-input" rows={4} maxLength={type.maxLength} defaultValue={saved(name)} name={name} />
      ) : (
        <input className="ds-input" type="text" maxLength={type.maxLength} defaultValue={saved(name)} name={name} />
      );
    return (
      <FormField key={name} id={fieldId(name)} label={t(fieldLabelKey(name))} requirement={requirement(spec)} help={help(name)} error={fieldError(name)}>
        {control}
      </FormField>
    );
  };

  const note = (right: Right, where: "before" | "after") => {
    const n = RIGHT_NOTES[right];
    if (!n || (n.as === "footnote") !== (where === "after")) return null;
    if (n.as === "alert") {
      return (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t(n.key)}</p>
        </div>
      );
    }
    return (
      <p className="ds-paragraph" data-size={n.as === "footnote" ? "sm" : undefined}>
        {t(n.key)}
      </p>
    );
  };

  const narrowing: Asked[] = NARROWING_FIELDS.map((name) => ({ name, required: false }));
  const dates = narrowing.filter((f) => REQUEST_FIELD_TYPES[f.name].kind === "date");

  return (
    <form id="step-form" ref={formRef} action={formAction} noValidate onSubmit={onSubmit} onChange={onChange} className="flex flex-col gap-8 max-w-2xl">
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
        {groups.map(({ right, fields }) => (
          <section key={right} aria-labelledby={`heading-${right}`} className="flex flex-col gap-4">
            <h2 id={`heading-${right}`} className="ds-heading" data-size="sm">
              {t(`rights.${right}.title`)}
            </h2>
            {note(right, "before")}
            {fields.map(field)}
            {note(right, "after")}
          </section>
        ))}

        <section aria-labelledby="heading-more" className="flex flex-col gap-4">
          <h2 id="heading-more" className="ds-heading" data-size="sm">
            {t("requestFlow.details.moreHeading")}
          </h2>
          <FormField
            id="field-unit"
            label={t("requestFlow.fields.unit.label")}
            requirement={requirement({ required: false })}
            help={t("requestFlow.fields.unit.help")}
            error={fieldError("unit")}
          >
            <select className="ds-input" defaultValue={saved("unit")} name="unit">
              <option value="">{t("requestFlow.fields.unit.unknown")}</option>
              {props.units.map((u) => (
                <option key={u.slug} value={u.slug}>
                  {u.name}
                </option>
              ))}
            </select>
          </FormField>
          {narrowing.filter((f) => !dates.includes(f)).map(field)}
          {/* The period's two dates side by side. */}
          <div className="flex flex-wrap gap-4">{dates.map(field)}</div>
          <FormField
            id="field-description"
            label={t("requestFlow.fields.description.label")}
            requirement={requirement({ required: false })}
            help={t("requestFlow.fields.description.help")}
            error={fieldError("description")}
          >
            <textarea
              className="ds-input"
              rows={4}
              maxLength={REQUEST_LIMITS.description}
              defaultValue={saved("description")}
              name="description"
            />
          </FormField>
        </section>
      </StepFormShell>
    </form>
  );
}
