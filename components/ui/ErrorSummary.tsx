// Error summary at the top of a form (WCAG 3.3.1): a heading and links that move focus to each field.
import type { Ref } from "react";

export function ErrorSummary(props: {
  heading: string;
  errors: { fieldId: string; message: string }[];
  ref?: Ref<HTMLDivElement>;
}) {
  if (props.errors.length === 0) return null;
  return (
    <div ref={props.ref} className="ds-error-summary" tabIndex={-1} role="alert" aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading" className="ds-heading" data-size="xs">
        {props.heading}
      </h2>
      <ul className="ds-list">
        {props.errors.map((e) => (
          <li key={e.fieldId}>
            <a className="ds-link" href={`#${e.fieldId}`}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
