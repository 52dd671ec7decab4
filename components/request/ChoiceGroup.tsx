// Radio buttons or checkboxes in a fieldset with a legend, help text and an error message
// (Designsystemet field markup). The first control gets `id`, so the error summary can focus it.
import type { InputHTMLAttributes, ReactNode } from "react";

export type Choice = { value: string; label: ReactNode; description?: string };

export function ChoiceGroup(props: {
  id: string;
  type: "radio" | "checkbox";
  legend: ReactNode;
  help?: ReactNode;
  error?: string;
  options: Choice[];
  inputProps: (value: string) => InputHTMLAttributes<HTMLInputElement> & { ref?: unknown };
}) {
  const helpId = props.help ? `${props.id}-help` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <fieldset className="ds-fieldset" aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="ds-label">{props.legend}</legend>
      {props.help && (
        <div id={helpId} className="ds-paragraph" data-field="description" data-size="sm">
          {props.help}
        </div>
      )}
      <div className="flex flex-col gap-2">
        {props.options.map((option, index) => {
          const inputId = index === 0 ? props.id : `${props.id}-${option.value}`;
          const descriptionId = option.description ? `${inputId}-description` : undefined;
          return (
            <div key={option.value} className="ds-field">
              <input
                className="ds-input"
                type={props.type}
                id={inputId}
                value={option.value}
                aria-describedby={descriptionId}
                aria-invalid={props.error ? true : undefined}
                {...(props.inputProps(option.value) as InputHTMLAttributes<HTMLInputElement>)}
              />
              <label className="ds-label" data-weight="regular" htmlFor={inputId}>
                {option.label}
              </label>
              {option.description && (
                <div id={descriptionId} className="ds-paragraph" data-field="description" data-size="sm">
                  {option.description}
                </div>
              )}
            </div>
          );
        })}
      </div>
      {props.error && (
        <p id={errorId} className="ds-validation-message" data-field="validation">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
