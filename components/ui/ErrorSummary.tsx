// Error summary at the top of a form (WCAG 3.3.1): a heading and links that move focus to each field.
import type { Ref } from "react";

export function ErrorSummary({
  heading,
  errors,
  ref,
}: {
  heading: string;
  errors: { fieldId: string; message: string }[];
  ref?: Ref<HTMLDivElement>;
}) {
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="ds-error-summary" tabIndex={-1} role="alert" aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading" className="ds-heading" data-size="xs">
        {heading}
      </h2>
      <ul className="ds-list">
        {errors.map((e) => (
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
