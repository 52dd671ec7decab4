import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { listPrintQueue } from "@/lib/cases/print-queue";
import { hasPermission } from "@/lib/domain/policy";
import { isLocale } from "@/i18n/locales";
import { formatDateTime, formatSize } from "@/components/my-cases/format";
import { compareIsoDates, formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { POSTAL_WORKING_DAYS } from "@/lib/domain/post";
import { now as clockNow } from "@/lib/clock";
import { markPrintedAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function PrintQueuePage({ searchParams }: { searchParams: Promise<{ marked?: string; none?: string; denied?: string }> }) {
  const actor = await requireStaffActor();
  // Same gate as the case queue: no case.list, no page.
  if (!hasPermission(actor, "case.list")) notFound();
  const [search, t, localeRaw, rows] = await Promise.all([searchParams, getTranslations(), getLocale(), listPrintQueue(actor)]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const marked = search.marked && /^\d{1,4}$/.test(search.marked) ? Number(search.marked) : null;
  // The DPO reads the queue but does not act on it: no checkboxes or buttons for rows they may not work.
  const anyMarkable = rows.some((r) => r.canMark);
  const today = osloDateOf(clockNow());
  const late = rows.filter((r) => r.postBy !== null && compareIsoDates(today, r.postBy) > 0).length;

  return (
    <>
      <p>
        <Link className="ds-link" href="/staff">
          {t("letters.printQueue.back")}
        </Link>
      </p>
      <h1 className="ds-heading mt-4" data-size="lg">
        {t("letters.printQueue.heading")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("letters.printQueue.intro")}</p>
      <div id="status">
        {marked !== null && (
          <div className="ds-alert mt-4" data-color="success" role="status">
            <p className="ds-paragraph">{t("letters.printQueue.marked", { count: marked })}</p>
          </div>
        )}
        {search.denied && (
          <div className="ds-alert mt-4" data-color="danger" role="alert" data-testid="print-denied">
            <p className="ds-paragraph">{t("policyWork.printQueue.denied")}</p>
          </div>
        )}
        {search.none && (
          <div className="ds-alert mt-4" data-color="warning" role="alert">
            <p className="ds-paragraph">{t("letters.printQueue.noneSelected")}</p>
          </div>
        )}
      </div>

      {rows.length === 0 ? (
        <p className="ds-paragraph mt-6">{t("letters.printQueue.empty")}</p>
      ) : (
        <form action={markPrintedAction} className="mt-6 flex flex-col gap-4">
          {!anyMarkable && <p className="ds-paragraph max-w-prose">{t("policyWork.printQueue.readOnly")}</p>}
          <p className="ds-paragraph max-w-prose" data-testid="post-by-intro">
            {t("letters.printQueue.postByIntro", { days: POSTAL_WORKING_DAYS })}
          </p>
          {late > 0 && (
            <div className="ds-alert" data-color="danger" role="alert" data-testid="post-by-late">
              <p className="ds-paragraph">{t("letters.printQueue.postByLate", { count: late })}</p>
            </div>
          )}
          <div className="overflow-x-auto">
            <table className="ds-table" data-zebra="true" data-testid="print-queue">
              <caption className="ds-sr-only">{t("letters.printQueue.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("letters.printQueue.colSelect")}</th>
                  <th scope="col">{t("letters.printQueue.colReference")}</th>
                  <th scope="col">{t("letters.printQueue.colRecipient")}</th>
                  <th scope="col">{t("letters.printQueue.colKind")}</th>
                  <th scope="col">{t("letters.printQueue.colCreated")}</th>
                  <th scope="col">{t("letters.printQueue.colPostBy")}</th>
                  <th scope="col">{t("letters.printQueue.colActions")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-letter-id={row.id} data-reference={row.reference}>
                    <td>
                      {row.canMark && (
                        <input
                          type="checkbox"
                          className="ds-input"
                          name="ids"
                          value={row.id}
                          id={`select-${row.id}`}
                          aria-label={t("letters.printQueue.select", { reference: row.reference })}
                        />
                      )}
                    </td>
                    <th scope="row">
                      <Link className="ds-link" href={`/staff/cases/${row.reference}`}>
                        {row.reference}
                      </Link>
                    </th>
                    <td>{row.recipientName}</td>
                    <td>{row.kind === "response" || row.kind === "receipt" || row.kind === "message" ? t(`letters.kind.${row.kind}`) : row.kind}</td>
                    <td>{formatDateTime(row.createdAt, locale)}</td>
                    <td data-testid="post-by">
                      {row.postBy === null || row.deadline === null ? (
                        t("letters.printQueue.postByNone")
                      ) : compareIsoDates(today, row.postBy) > 0 ? (
                        <strong>{t("letters.printQueue.postByPassed", { date: formatDateLong(row.postBy, locale), deadline: formatDateLong(row.deadline, locale) })}</strong>
                      ) : (
                        t("letters.printQueue.postByDate", { date: formatDateLong(row.postBy, locale), deadline: formatDateLong(row.deadline, locale) })
                      )}
                    </td>
                    <td>
                      <div className="flex flex-wrap items-center gap-3">
                        <a className="ds-link" href={`/api/letters/${row.id}/pdf`}>
                          {t("letters.printQueue.download")} ({formatSize(row.sizeBytes, locale)})
                          <span className="ds-sr-only">, {row.reference}</span>
                        </a>
                        {row.canMark && (
                          <button
                            type="submit"
                            name="only"
                            value={row.id}
                            className="ds-button"
                            data-variant="secondary"
                            data-size="sm"
                          >
                            {t("letters.printQueue.markOne")}
                            <span className="ds-sr-only">, {row.reference}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {anyMarkable && (
            <div>
              <button type="submit" className="ds-button" data-variant="primary">
                {t("letters.printQueue.markSelected")}
              </button>
            </div>
          )}
        </form>
      )}
    </>
  );
}
