// Admin page "Behandlingsprotokoll": the municipality's records of processing (Art. 30), which the
// access answer quotes system by system (Art. 15(1), 15(2)), and the systems the units list that
// have no entry yet. Admins and the DPO (admin.manage_records; the layout and the service both answer
// 404 to everyone else).
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { listProcessingActivities } from "@/lib/admin/processing-activities";
import { hasPermission } from "@/lib/domain/policy";

export const dynamic = "force-dynamic";

const DONE = ["created", "updated"] as const;

export default async function AdminRecordsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_records")) notFound();
  const [{ done }, t, overview] = await Promise.all([searchParams, getTranslations("records.admin"), listProcessingActivities(actor)]);
  const notice = DONE.find((d) => d === done);
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("intro")}</p>
      <p className="ds-paragraph mt-2 max-w-prose">{t("assumed")}</p>
      <p className="ds-paragraph mt-2 max-w-prose">{t("whoMayEdit")}</p>
      {notice && (
        <div className="ds-alert mt-4" data-color="success" role="status">
          <p className="ds-paragraph">{t(`done.${notice}`)}</p>
        </div>
      )}
      <p className="mt-4">
        <Link className="ds-button" data-variant="primary" href="/staff/admin/records/new">
          {t("new")}
        </Link>
      </p>
      {overview.missing.length > 0 && (
        <section aria-labelledby="records-missing-heading" className="ds-alert mt-6" data-color="warning" data-testid="records-missing">
          <h2 id="records-missing-heading" className="ds-heading" data-size="xs">
            {t("missingHeading")}
          </h2>
          <p className="ds-paragraph mt-1">{t("missingIntro")}</p>
          <ul className="ds-list mt-2">
            {overview.missing.map((name) => (
              <li key={name}>
                <a className="ds-link" href={`/staff/admin/records/new?${new URLSearchParams({ name })}`}>
                  {t("addMissing", { name })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {overview.entries.length === 0 ? (
        <p className="ds-paragraph mt-6">{t("empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="ds-table" data-zebra="true" data-size="sm" data-testid="records-table">
            <caption className="ds-sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.unit")}</th>
                <th scope="col">{t("columns.transfers")}</th>
                <th scope="col">{t("columns.automated")}</th>
                <th scope="col">{t("columns.tasks")}</th>
                <th scope="col">{t("columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.entries.map((e) => (
                <tr key={e.id} id={`entry-${e.id}`} data-entry={e.name}>
                  <th scope="row">
                    <a className="ds-link" href={`/staff/admin/records/${e.id}`} aria-label={t("edit", { name: e.name })}>
                      {e.name}
                    </a>
                  </th>
                  <td>{e.unit?.name ?? t("noUnit")}</td>
                  <td>{e.transfersOutsideEea ? t("yes") : t("no")}</td>
                  <td>{e.automatedDecisions ? t("yes") : t("no")}</td>
                  <td>{e.tasks}</td>
                  <td>
                    <span className="ds-tag" data-size="sm" data-color={e.retiredAt ? "neutral" : "success"}>
                      {e.retiredAt ? t("retired") : t("active")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
