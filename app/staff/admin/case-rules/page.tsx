// Admin page "Saksregler": the municipality's period before a case without the requester's answer
// can be closed as not processed (lib/domain/unanswered.ts). Admins only (the admin layout and the
// service both answer 404 to everyone else).
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getUnansweredPeriod } from "@/lib/admin/unanswered-period";
import { hasPermission } from "@/lib/domain/policy";
import { RetentionYearsForm } from "../retention/RetentionYearsForm";
import { setUnansweredPeriodAction } from "./actions";

export const dynamic = "force-dynamic";

const ERROR_KEYS = ["required", "wholeNumber", "range"] as const;

export default async function AdminCaseRulesPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_units")) notFound();
  const [{ done }, t, period] = await Promise.all([searchParams, getTranslations("unanswered.admin"), getUnansweredPeriod(actor)]);
  const errorTexts = Object.fromEntries(ERROR_KEYS.map((k) => [k, t(`errors.${k}`)]));
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("intro")}</p>
      {done === "saved" && (
        <div className="ds-alert mt-4" data-color="success" role="status">
          <p className="ds-paragraph">{t("saved")}</p>
        </div>
      )}
      {!period.setByMunicipality && (
        <p className="ds-paragraph mt-4 max-w-prose" data-testid="unanswered-assumption">
          {t("assumption", { days: period.days })}
        </p>
      )}
      <div className="mt-6">
        <RetentionYearsForm
          action={setUnansweredPeriodAction}
          initial={period.days}
          name="unansweredCloseDays"
          fieldId="unanswered-close-days"
          errorTexts={errorTexts}
          labels={{
            years: t("daysLabel"),
            yearsHelp: t("daysHelp"),
            submit: t("submit"),
            summaryHeading: t("summaryHeading"),
            unexpected: t("errors.unexpected", { errorId: "{errorId}" }),
          }}
        />
      </div>
    </>
  );
}
