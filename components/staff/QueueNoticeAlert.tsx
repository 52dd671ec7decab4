import { getTranslations } from "next-intl/server";
import { isOneOf } from "@/i18n/translator";
import type { QueueNotice } from "./queue-url";

/** The result of a claim or bulk assign, after the redirect back to the queue. */
export async function QueueNoticeAlert({ notice }: { notice: QueueNotice | null }) {
  if (!notice) return null;
  const t = await getTranslations("staffQueue.notices");
  if ("done" in notice) {
    const tp = await getTranslations("policyWork");
    if (notice.done === "moved") {
      return (
        <div className="ds-alert mt-4" data-color="success" role="status">
          <p className="ds-paragraph">{tp("unit.movedAway", { reference: notice.ref })}</p>
        </div>
      );
    }
    const stale = notice.done === "assigned" ? (notice.stale ?? 0) : 0;
    const done = notice.done === "claimed" ? t("claimed", { reference: notice.ref }) : notice.count > 0 || stale === 0 ? t("assigned", { count: notice.count }) : null;
    return (
      <>
        {done && (
          <div className="ds-alert mt-4" data-color="success" role="status">
            <p className="ds-paragraph">{done}</p>
          </div>
        )}
        {stale > 0 && (
          <div className="ds-alert mt-4" data-color="warning" role="alert" data-testid="bulk-stale">
            <p className="ds-paragraph">{tp("bulk.stale", { count: stale })}</p>
          </div>
        )}
      </>
    );
  }
  const text =
    notice.error === "unexpected"
      ? t("unexpected", { errorId: notice.errorId ?? "-" })
      : notice.ref && isOneOf(["forbidden", "closed", "conflict", "assigneeNoAccess"], notice.error)
        ? t(`errorsWithRef.${notice.error}`, { reference: notice.ref })
        : t(`errors.${notice.error}`);
  return (
    <div className="ds-alert mt-4" data-color="danger" role="alert">
      <p className="ds-paragraph">{text}</p>
    </div>
  );
}
