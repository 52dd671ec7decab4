"use client";

// One form of the case page (or the register page): fields from a spec, the error summary linking to
// each field, an optional confirmation step ("check before you save") and the answer of the server
// action. Posts to a server action; without JavaScript the same action answers with the page and
// this state. Texts arrive translated from the server.
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import { fieldId, type CaseActionState, type FieldSpec, type FieldValue, type TextFieldSpec } from "./action-state";

export type CaseActionFormTexts = {
  submit: string;
  summaryHeading: string;
  confirmHeading?: string;
  confirmButton?: string;
  editButton?: string;
  reload?: string;
};

function flatten(fields: FieldSpec[]): Exclude<FieldSpec, { kind: "group" }>[] {
  return fields.flatMap((f) => (f.kind === "group" ? flatten(f.fields) : [f]));
}

function asList(value: FieldValue | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function CaseActionForm(props: {
  formId: string;
  action: (state: CaseActionState, formData: FormData) => Promise<CaseActionState>;
  hidden: Record<string, string>;
  fields: FieldSpec[];
  texts: CaseActionFormTexts;
  /** Wrap in a disclosure (<details>) with this summary; opens by itself when the action answered. */
  disclosure?: string;
  intro?: ReactNode;
  /** Show the confirmation step before saving. */
  confirmStep?: boolean;
  submitVariant?: "primary" | "secondary";
  reloadHref?: string;
  /** Level of the confirmation step's heading (one below the heading the form sits under). */
  confirmHeadingLevel?: 2 | 3 | 4;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const summaryRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const fields = flatten(props.fields);
  const errors = state.errors ?? {};
  const summary = fields
    .filter((f) => errors[f.name])
    .map((f) => ({
      fieldId: fieldId(props.formId, f.name, f.kind === "radio" || f.kind === "checkboxes" ? 0 : undefined),
      message: errors[f.name]!,
    }));
  const values = state.values;
  const answered = Boolean(state.errors || state.confirm || state.formError);
  const ConfirmHeading = `h${props.confirmHeadingLevel ?? 3}` as "h2" | "h3" | "h4";

  useEffect(() => {
    if (summary.length > 0) summaryRef.current?.focus();
    else if (state.formError) alertRef.current?.focus();
    else if (state.confirm) confirmRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const valueOf = (name: string, fallback: FieldValue | undefined): FieldValue | undefined =>
    values ? (values[name] ?? (fallback === undefined ? undefined : Array.isArray(fallback) ? [] : "")) : fallback;

  function renderField(f: FieldSpec, key: number): ReactNode {
    if (f.kind === "group") {
      return (
        <fieldset key={key} className="ds-fieldset flex flex-col gap-4 border-l-4 border-gray-300 pl-4">
          <legend className="ds-heading mb-2" data-size="2xs">
            {f.legend}
          </legend>
          {f.fields.map(renderField)}
        </fieldset>
      );
    }
    const id = fieldId(props.formId, f.name);
    const error = errors[f.name];
    if (f.kind === "radio" || f.kind === "checkboxes") {
      const chosen = asList(valueOf(f.name, f.defaultValue));
      const helpId = f.help ? `${id}-help` : undefined;
      const errorId = error ? `${id}-error` : undefined;
      return (
        <fieldset key={key} className="ds-fieldset flex flex-col gap-2" aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}>
          <legend className="ds-label">{f.label}</legend>
          {f.help && (
            <div id={helpId} className="ds-paragraph" data-size="sm">
              {f.help}
            </div>
          )}
          {f.options.map((o, i) => {
            const optionId = fieldId(props.formId, f.name, i);
            return (
              <div key={o.value} className="ds-field flex items-start gap-2" data-position="start">
                <input
                  id={optionId}
                  className="ds-input mt-1"
                  type={f.kind === "radio" ? "radio" : "checkbox"}
                  name={f.name}
                  value={o.value}
                  defaultChecked={chosen.includes(o.value)}
                  aria-invalid={error ? true : undefined}
                />
                <label className="ds-label" data-weight="regular" htmlFor={optionId}>
                  {o.label}
                  {o.hint && <span className="block text-sm">{o.hint}</span>}
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
    }
    if (f.kind === "checkbox") {
      const checked = values ? asList(values[f.name]).length > 0 : Boolean(f.defaultChecked);
      const errorId = error ? `${id}-error` : undefined;
      const helpId = f.help ? `${id}-help` : undefined;
      return (
        <div key={key} className="flex flex-col gap-1">
          <div className="ds-field flex items-start gap-2" data-position="start">
            <input
              id={id}
              className="ds-input mt-1"
              type="checkbox"
              name={f.name}
              value="yes"
              defaultChecked={checked}
              aria-invalid={error ? true : undefined}
              aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}
            />
            <label className="ds-label" data-weight="regular" htmlFor={id}>
              {f.label}
            </label>
          </div>
          {f.help && (
            <div id={helpId} className="ds-paragraph" data-size="sm">
              {f.help}
            </div>
          )}
          {error && (
            <p id={errorId} className="ds-validation-message" data-field="validation">
              {error}
            </p>
          )}
        </div>
      );
    }
    const value = asList(valueOf(f.name, f.defaultValue))[0] ?? "";
    let control;
    let datalist: ReactNode = null;
    if (f.kind === "select") {
      control = (
        // Keyed by the value: React 19 resets a form after its action, and a <select> (unlike inputs)
        // never takes a changed defaultValue, so without a new element an error answer lost the choice.
        <select key={value} name={f.name} className="ds-input" defaultValue={value}>
          {f.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    } else if (f.kind === "textarea") {
      control = <textarea name={f.name} className="ds-input" rows={f.rows ?? 4} maxLength={f.maxLength} defaultValue={value} />;
    } else {
      const tf = f as TextFieldSpec;
      const listId = tf.suggestions ? `${id}-list` : undefined;
      control = (
        <input
          name={f.name}
          type={tf.kind}
          className="ds-input"
          defaultValue={value}
          maxLength={tf.maxLength}
          list={listId}
          autoComplete={tf.autoComplete ?? "off"}
          max={tf.max}
        />
      );
      if (tf.suggestions) {
        datalist = (
          <datalist id={listId}>
            {tf.suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        );
      }
    }
    return (
      <div key={key}>
        <FormField id={id} label={f.label} help={f.help} error={error}>
          {control}
        </FormField>
        {datalist}
      </div>
    );
  }

  const hiddenValues = (): ReactNode[] =>
    Object.entries(values ?? {}).flatMap(([name, v]) =>
      name in props.hidden ? [] : asList(v).map((one, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={one} />),
    );

  const body = (
    <form action={formAction} noValidate id={props.formId} className="flex max-w-prose flex-col gap-4" aria-busy={pending || undefined}>
      {props.intro}
      {state.formError && (
        <div ref={alertRef} tabIndex={-1} className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{state.formError}</p>
          {state.conflict && props.reloadHref && props.texts.reload && (
            <p className="ds-paragraph mt-2">
              <a className="ds-link" href={props.reloadHref}>
                {props.texts.reload}
              </a>
            </p>
          )}
        </div>
      )}
      <ErrorSummary ref={summaryRef} heading={props.texts.summaryHeading} errors={summary} />
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.confirm && props.confirmStep ? (
        <div ref={confirmRef} tabIndex={-1} className="ds-alert" data-color="info" role="status" data-testid={`${props.formId}-confirm`}>
          <ConfirmHeading className="ds-heading" data-size="2xs">
            {props.texts.confirmHeading}
          </ConfirmHeading>
          {state.confirm.map((line, i) => (
            <p key={i} className="ds-paragraph mt-2 whitespace-pre-wrap">
              {line}
            </p>
          ))}
          {hiddenValues()}
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="submit" name="intent" value="confirm" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
              {props.texts.confirmButton}
            </button>
            <button type="submit" name="intent" value="edit" className="ds-button" data-variant="secondary">
              {props.texts.editButton}
            </button>
          </div>
        </div>
      ) : (
        <>
          {props.fields.map(renderField)}
          <div>
            <button
              type="submit"
              name="intent"
              value={props.confirmStep ? "review" : "confirm"}
              className="ds-button"
              data-variant={props.submitVariant ?? "primary"}
              aria-disabled={pending || undefined}
            >
              {props.texts.submit}
            </button>
          </div>
        </>
      )}
    </form>
  );

  if (!props.disclosure) return body;
  return (
    // A secondary action of an item (a task, the legal hold): a small button that unfolds its form.
    <details className="pv-inline-form" open={answered || undefined} data-form={props.formId}>
      <summary className="ds-button" data-variant="secondary" data-size="sm">
        {props.disclosure}
      </summary>
      <div className="mt-3">{body}</div>
    </details>
  );
}
