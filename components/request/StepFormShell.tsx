// What every step form has around its fields: the unexpected-error alert, the error summary, the
// "back to summary" marker and the buttons.
import type { ReactNode, Ref } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";

export function StepFormShell({
  errorId,
  unexpected,
  summaryHeading,
  summary,
  summaryRef,
  returnToSummary,
  submitLabel,
  pending,
  pendingLabel,
  submitClassName,
  children,
}: {
  errorId?: string;
  unexpected: (errorId: string) => string;
  summaryHeading: string;
  summary: { fieldId: string; message: string }[];
  summaryRef: Ref<HTMLDivElement>;
  returnToSummary?: boolean;
  submitLabel: string;
  pending: boolean;
  pendingLabel: string;
  /** A class for the button's row (the about step hides it when the form cannot go on). */
  submitClassName?: string;
  children: ReactNode;
}) {
  return (
    <>
      {errorId && (
        <div className="ds-alert" data-color="danger" role="alert">
          {unexpected(errorId)}
        </div>
      )}
      <ErrorSummary ref={summaryRef} heading={summaryHeading} errors={summary} />
      {returnToSummary && <input type="hidden" name="returnTo" value="summary" />}
      {children}
      <div className={submitClassName}>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
