"use client";

// Create or edit a staff user. Posts to a server action; without JavaScript the action answers with
// the page, the error summary and what was typed. Texts come translated from the server page.
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import type { AdminFormState } from "./form-state";

type Labels = {
  name: string;
  email: string;
  emailHelp: string;
  roles: string;
  units: string;
  unitsHelp: string;
  submit: string;
  summaryHeading: string;
  unexpected: string;
};

export function StaffUserForm(props: {
  action: (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  mode: "create" | "edit";
  idPrefix: string;
  labels: Labels;
  roleOptions: { value: string; label: string }[];
  unitOptions: { value: string; label: string }[];
  initial: { name: string; email: string; roles: string[]; unitIds: string[] };
  errorTexts: Record<string, string>;
  /** Hidden fields posted with the form (the id of the record edited). */
  hidden?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const summaryRef = useRef<HTMLDivElement>(null);
  const values = state.values;
  const name = typeof values?.name === "string" ? values.name : props.initial.name;
  const email = typeof values?.email === "string" ? values.email : props.initial.email;
  const roles = Array.isArray(values?.roles) ? values.roles : props.initial.roles;
  const unitIds = Array.isArray(values?.unitIds) ? values.unitIds : props.initial.unitIds;
  const id = (field: string) => `${props.idPrefix}-${field}`;
  const firstRoleId = id(`role-${props.roleOptions[0]?.value ?? "x"}`);
  const firstUnitId = id(`unit-${props.unitOptions[0]?.value ?? "x"}`);
  const fieldIds: Record<string, string> = { name: id("name"), email: id("email"), roles: firstRoleId, unitIds: firstUnitId };
  const text = (key: string) => props.errorTexts[key] ?? props.errorTexts.invalid ?? key;
  const errors = Object.entries(state.errors ?? {}).map(([field, key]) => ({ field, fieldId: fieldIds[field] ?? id("name"), message: text(key) }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const summary = state.errorId
    ? [{ fieldId: id("name"), message: props.labels.unexpected.replace("{errorId}", state.errorId) }]
    : errors.map(({ fieldId, message }) => ({ fieldId, message }));

  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
  }, [state, summary.length]);

  const group = (field: "roles" | "unitIds", legend: string, help: string | undefined, options: { value: string; label: string }[], checked: string[]) => {
    const error = errorOf(field);
    const errorId = error ? id(`${field}-error`) : undefined;
    const helpId = help ? id(`${field}-help`) : undefined;
    return (
      <fieldset className="ds-fieldset flex flex-col gap-2" aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}>
        <legend className="ds-label">{legend}</legend>
        {help && (
          <div id={helpId} className="ds-paragraph" data-field="description" data-size="sm">
            {help}
          </div>
        )}
        {options.map((o) => {
          const inputId = id(`${field === "roles" ? "role" : "unit"}-${o.value}`);
          return (
            <div key={o.value} className="ds-field flex items-center gap-2">
              <input
                id={inputId}
                type="checkbox"
                className="ds-input"
                name={field}
                value={o.value}
                defaultChecked={checked.includes(o.value)}
                aria-invalid={error ? true : undefined}
              />
              <label className="ds-label" htmlFor={inputId} data-weight="regular">
                {o.label}
              </label>
            </div>
          );
        })}
        {error && (
          <p id={errorId} className="ds-validation-message" data-field="validation">
            {error}
          </p>
        )}
      </fieldset>
    );
  };

  return (
    // key: a new state (another error) re-mounts the fields with what was posted.
    <form key={JSON.stringify(values ?? {})} action={formAction} noValidate className="flex max-w-prose flex-col gap-4">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary ref={summaryRef} heading={props.labels.summaryHeading} errors={summary} />
      <FormField id={id("name")} label={props.labels.name} error={errorOf("name")}>
        <input name="name" type="text" className="ds-input" autoComplete="off" defaultValue={name} maxLength={200} required />
      </FormField>
      {props.mode === "create" ? (
        <FormField id={id("email")} label={props.labels.email} help={props.labels.emailHelp} error={errorOf("email")}>
          <input name="email" type="email" className="ds-input" autoComplete="off" defaultValue={email} maxLength={254} required />
        </FormField>
      ) : null}
      {group("roles", props.labels.roles, undefined, props.roleOptions, roles)}
      {group("unitIds", props.labels.units, props.labels.unitsHelp, props.unitOptions, unitIds)}
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {props.labels.submit}
        </button>
      </div>
    </form>
  );
}
