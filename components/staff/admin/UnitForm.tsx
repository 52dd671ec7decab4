"use client";

// Create or edit a unit (name, slug, e-mail, systems one per line, active). Same pattern as
// StaffUserForm: works without JavaScript, error summary linking to the fields.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import type { AdminFormState } from "./form-state";

export function UnitForm(props: {
  action: (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  idPrefix: string;
  labels: {
    name: string;
    nameNn: string;
    nameEn: string;
    nameTranslationHelp: string;
    slug: string;
    slugHelp: string;
    email: string;
    systems: string;
    systemsHelp: string;
    active: string;
    specialCategory: string;
    specialCategoryHelp: string;
    submit: string;
    summaryHeading: string;
    unexpected: string;
  };
  initial: { name: string; nameNn: string; nameEn: string; slug: string; email: string; systems: string; active: boolean; specialCategory: boolean };
  errorTexts: Record<string, string>;
  /** Hidden fields posted with the form (the id of the record edited). */
  hidden?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const summaryRef = useRef<HTMLDivElement>(null);
  const v = state.values;
  const str = (key: "name" | "nameNn" | "nameEn" | "slug" | "email" | "systems") => (typeof v?.[key] === "string" ? (v[key] as string) : props.initial[key]);
  const active = v ? v.active === "1" : props.initial.active;
  const specialCategory = v ? v.specialCategory === "1" : props.initial.specialCategory;
  const id = (field: string) => `${props.idPrefix}-${field}`;
  const text = (key: string) => props.errorTexts[key] ?? props.errorTexts.invalid ?? key;
  const errors = Object.entries(state.errors ?? {}).map(([field, key]) => ({ field, fieldId: id(field), message: text(key) }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const summary = state.errorId
    ? [{ fieldId: id("name"), message: props.labels.unexpected.replace("{errorId}", state.errorId) }]
    : errors.map(({ fieldId, message }) => ({ fieldId, message }));

  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
  }, [state, summary.length]);

  return (
    <form key={JSON.stringify(v ?? {})} action={formAction} noValidate className="flex max-w-prose flex-col gap-4">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary ref={summaryRef} heading={props.labels.summaryHeading} errors={summary} />
      <FormField id={id("name")} label={props.labels.name} error={errorOf("name")}>
        <input name="name" type="text" className="ds-input" defaultValue={str("name")} maxLength={200} required />
      </FormField>
      <FormField id={id("nameNn")} label={props.labels.nameNn} help={props.labels.nameTranslationHelp} error={errorOf("nameNn")}>
        <input name="nameNn" type="text" className="ds-input" defaultValue={str("nameNn")} maxLength={200} lang="nn" />
      </FormField>
      <FormField id={id("nameEn")} label={props.labels.nameEn} help={props.labels.nameTranslationHelp} error={errorOf("nameEn")}>
        <input name="nameEn" type="text" className="ds-input" defaultValue={str("nameEn")} maxLength={200} lang="en" />
      </FormField>
      <FormField id={id("slug")} label={props.labels.slug} help={props.labels.slugHelp} error={errorOf("slug")}>
        <input name="slug" type="text" className="ds-input" defaultValue={str("slug")} maxLength={60} required />
      </FormField>
      <FormField id={id("email")} label={props.labels.email} error={errorOf("email")}>
        <input name="email" type="email" className="ds-input" defaultValue={str("email")} maxLength={254} />
      </FormField>
      <FormField id={id("systems")} label={props.labels.systems} help={props.labels.systemsHelp} error={errorOf("systems")}>
        <textarea name="systems" className="ds-input" rows={5} defaultValue={str("systems")} />
      </FormField>
      <div className="ds-field flex items-center gap-2">
        <input id={id("active")} name="active" type="checkbox" value="1" className="ds-input" defaultChecked={active} />
        <label className="ds-label" htmlFor={id("active")} data-weight="regular">
          {props.labels.active}
        </label>
      </div>
      <div className="flex flex-col gap-1">
        <div className="ds-field flex items-center gap-2">
          <input
            id={id("specialCategory")}
            name="specialCategory"
            type="checkbox"
            value="1"
            className="ds-input"
            defaultChecked={specialCategory}
            aria-describedby={id("specialCategory-help")}
          />
          <label className="ds-label" htmlFor={id("specialCategory")} data-weight="regular">
            {props.labels.specialCategory}
          </label>
        </div>
        <p id={id("specialCategory-help")} className="ds-paragraph" data-size="sm">
          {props.labels.specialCategoryHelp}
        </p>
      </div>
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {props.labels.submit}
        </button>
      </div>
    </form>
  );
}
