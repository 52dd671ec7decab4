// Label, help text, control and error message wired together for screen readers
// (aria-describedby, aria-invalid), in Designsystemet's field markup.
import type { ReactElement, ReactNode } from "react";
import { cloneElement } from "react";

export function FormField(props: {
  id: string;
  label: string;
  requirement?: ReactNode;
  help?: string;
  error?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const helpId = props.help ? `${props.id}-help` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="ds-field flex flex-col gap-1">
      <label className="ds-label" htmlFor={props.id}>
        {/* The space in the same text node: as a node of its own (after React's comment marker) it
            is left out of the accessible name in pages rendered without JavaScript. */}
        {props.requirement ? `${props.label} ` : props.label}
        {props.requirement}
      </label>
      {props.help && (
        <div id={helpId} className="ds-paragraph" data-field="description" data-size="sm">
          {props.help}
        </div>
      )}
      {cloneElement(props.children, {
        id: props.id,
        "aria-describedby": describedBy,
        "aria-invalid": props.error ? true : undefined,
      })}
      {props.error && (
        <p id={errorId} className="ds-validation-message" data-field="validation">
          {props.error}
        </p>
      )}
    </div>
  );
}
