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
      <div>
        <button type="submit" className="ds-button" data-variant="primary" aria-disabled={pending || undefined}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
