import { getTranslations } from "next-intl/server";
import type { QueueNotice } from "./queue-url";

/** The result of a claim or bulk assign, after the redirect back to the queue. */
export async function QueueNoticeAlert({ notice }: { notice: QueueNotice | null }) {
  if (!notice) return null;
  const t = await getTranslations("staffQueue.notices");
  if ("done" in notice) {
    return (
      <div className="ds-alert mt-4" data-color="success" role="status">
        <p className="ds-paragraph">{notice.done === "claimed" ? t("claimed", { reference: notice.ref }) : t("assigned", { count: notice.count })}</p>
      </div>
    );
  }
  const text =
    notice.error === "unexpected"
      ? t("unexpected", { errorId: notice.errorId ?? "-" })
      : notice.ref && ["forbidden", "closed", "conflict", "assigneeNoAccess"].includes(notice.error)
        ? t(`errorsWithRef.${notice.error}` as "errorsWithRef.conflict", { reference: notice.ref })
        : t(`errors.${notice.error}` as "errors.conflict");
  return (
    <div className="ds-alert mt-4" data-color="danger" role="alert">
      <p className="ds-paragraph">{text}</p>
    </div>
  );
}
