// Admin page: a new entry in the records of processing. "?name=" fills in a system the units list
// without an entry (the list page links each of them here).
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { recordUnitChoices } from "@/lib/admin/processing-activities";
import { hasPermission } from "@/lib/domain/policy";
import { ProcessingActivityForm } from "@/components/staff/admin/ProcessingActivityForm";
import { createRecordAction } from "../actions";
import { recordFormTexts } from "../labels";

export const dynamic = "force-dynamic";

export default async function AdminNewRecordPage({ searchParams }: { searchParams: Promise<{ name?: string | string[] }> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_records")) notFound();
  const [{ name }, t, units, texts] = await Promise.all([searchParams, getTranslations("records.admin"), recordUnitChoices(actor), recordFormTexts("submitCreate")]);
  const suggested = typeof name === "string" ? name.slice(0, 200) : "";
  return (
    <>
      <p>
        <Link className="ds-link" href="/staff/admin/records">
          {t("back")}
        </Link>
      </p>
      <h1 className="ds-heading mt-2 mb-4" data-size="lg">
        {t("newHeading")}
      </h1>
      <ProcessingActivityForm
        action={createRecordAction}
        idPrefix="record"
        labels={texts.labels}
        errorTexts={texts.errorTexts}
        units={units}
        initial={{ name: suggested, unitId: "", purposes: "", legalBasis: "", dataCategories: "", recipients: "", storagePeriod: "", source: "", transfersOutsideEea: "", transferSafeguards: "", automatedDecisions: "" }}
      />
    </>
  );
}
