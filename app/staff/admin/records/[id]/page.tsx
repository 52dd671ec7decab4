// Admin page: edit one entry in the records of processing, take it out of use or back, and its
// latest changes. Another municipality's entry (or no entry) is the 404 page.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getProcessingActivity, recordUnitChoices } from "@/lib/admin/processing-activities";
import { hasPermission } from "@/lib/domain/policy";
import { ProcessingActivityForm } from "@/components/staff/admin/ProcessingActivityForm";
import { AdminHistory } from "@/components/staff/admin/AdminHistory";
import { setRecordRetiredAction, updateRecordAction } from "../actions";
import { recordFormTexts } from "../labels";

export const dynamic = "force-dynamic";

const DONE = ["retired", "reactivated"] as const;

export default async function AdminEditRecordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; error?: string }> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_records")) notFound();
  const [{ id }, { done, error }, t] = await Promise.all([params, searchParams, getTranslations("records.admin")]);
  const entry = await getProcessingActivity(actor, id);
  if (!entry) notFound();
  const [units, texts] = await Promise.all([recordUnitChoices(actor), recordFormTexts("submitUpdate")]);
  const notice = DONE.find((d) => d === done);
  return (
    <>
      <p>
        <Link className="ds-link" href="/staff/admin/records">
          {t("back")}
        </Link>
      </p>
      <h1 className="ds-heading mt-2 mb-4" data-size="lg">
        {t("editHeading", { name: entry.name })}
      </h1>
      {notice && (
        <div className="ds-alert mb-4" data-color="success" role="status">
          <p className="ds-paragraph">{t(`done.${notice}`)}</p>
        </div>
      )}
      {error === "unexpected" && (
        <div className="ds-alert mb-4" data-color="danger" role="alert">
          <p className="ds-paragraph">{t("retireFailed")}</p>
        </div>
      )}
      <ProcessingActivityForm
        action={updateRecordAction}
        hidden={{ entryId: entry.id }}
        idPrefix="record"
        labels={texts.labels}
        errorTexts={texts.errorTexts}
        units={units}
        initial={{
          name: entry.name,
          unitId: entry.unitId ?? "",
          purposes: entry.purposes,
          legalBasis: entry.legalBasis,
          dataCategories: entry.dataCategories,
          recipients: entry.recipients,
          storagePeriod: entry.storagePeriod,
          source: entry.source,
          transfersOutsideEea: entry.transfersOutsideEea ?? "",
          transferSafeguards: entry.transferSafeguards ?? "",
          automatedDecisions: entry.automatedDecisions ?? "",
        }}
      />
      <section aria-labelledby="record-retire-heading" className="mt-10">
        <h2 id="record-retire-heading" className="ds-heading" data-size="md">
          {t("retireHeading")}
        </h2>
        <p className="ds-paragraph mt-2 max-w-prose">{t("retireHelp")}</p>
        <p className="ds-paragraph mt-2" data-testid="record-status">
          {entry.retiredAt ? t("retired") : t("active")}
        </p>
        <form action={setRecordRetiredAction} className="mt-2">
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="retired" value={entry.retiredAt ? "0" : "1"} />
          <button type="submit" className="ds-button" data-variant="secondary">
            {entry.retiredAt ? t("reactivate") : t("retire")}
          </button>
        </form>
      </section>
      <AdminHistory actor={actor} targetType="processing_activity" targetId={entry.id} />
    </>
  );
}
