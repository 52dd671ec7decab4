// Admin page: the links the portal's privacy notice and accessibility statement point to (the
// municipality's privacy statement, its statement on uustatus.no), with their change history.
// Admins only (the admin layout and the service both answer 404 to everyone else).
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getSiteLinkSettings } from "@/lib/admin/site-links";
import { hasPermission } from "@/lib/domain/policy";
import { currentMunicipality } from "@/lib/config/current";
import { AdminHistory } from "@/components/staff/admin/AdminHistory";
import { SiteLinksForm } from "./SiteLinksForm";
import { setSiteLinksAction } from "./actions";

export const dynamic = "force-dynamic";

const ERROR_KEYS = ["https", "tooLong"] as const;

export default async function AdminWebsitePage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_units")) notFound();
  const [{ done }, t, links] = await Promise.all([searchParams, getTranslations("sitePages.admin"), getSiteLinkSettings(actor)]);
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
      <div className="mt-6">
        <SiteLinksForm
          action={setSiteLinksAction}
          initial={{ privacyStatementUrl: links.privacyStatementUrl ?? "", accessibilityStatementUrl: links.accessibilityStatementUrl ?? "" }}
          errorTexts={Object.fromEntries(ERROR_KEYS.map((key) => [key, t(`errors.${key}`)]))}
          labels={{
            privacyLabel: t("privacyLabel"),
            privacyHelp: t("privacyHelp"),
            accessibilityLabel: t("accessibilityLabel"),
            accessibilityHelp: t("accessibilityHelp"),
            submit: t("submit"),
            summaryHeading: t("summaryHeading"),
            unexpected: t("errors.unexpected", { errorId: "{errorId}" }),
          }}
        />
      </div>
      <AdminHistory actor={actor} targetType="municipality" targetId={currentMunicipality().id} />
    </>
  );
}
