import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/citizen-auth/session";
import { citizenGetCase } from "@/lib/cases/citizen-get-case";
import { withdrawAction } from "../actions";
import { isCanonicalCaseReference } from "@/lib/domain/reference";
import { isUuid } from "@/lib/domain/uuid";

export const dynamic = "force-dynamic";

export default async function WithdrawPage({ params, searchParams }: { params: Promise<{ reference: string }>; searchParams: Promise<{ conflict?: string; error?: string }> }) {
  const [{ reference }, search] = await Promise.all([params, searchParams]);
  if (!isCanonicalCaseReference(reference)) notFound();
  const citizen = await requireCitizen(`/my-cases/${reference}/withdraw`);
  const view = await citizenGetCase(citizen, reference);
  if (!view) notFound();
  if (view.closed) redirect(`/my-cases/${reference}`);
  const t = await getTranslations();

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("myCases.withdrawConfirmHeading")}
      </h1>
      {search.conflict && (
        <div className="ds-alert mt-4" data-color="danger" role="alert">
          <p className="ds-paragraph">{t("myCases.errors.conflict")}</p>
        </div>
      )}
      {search.error && isUuid(search.error) && (
        <div className="ds-alert mt-4" data-color="danger" role="alert">
          <p className="ds-paragraph">{t("myCases.errors.unexpected", { errorId: search.error })}</p>
        </div>
      )}
      <p className="ds-paragraph mt-4 max-w-prose">{t("myCases.withdrawConfirmBody", { reference: view.reference })}</p>
      <div className="mt-6 flex flex-wrap items-center gap-6">
        <form action={withdrawAction}>
          <input type="hidden" name="reference" value={view.reference} />
          <button type="submit" className="ds-button" data-variant="primary" data-color="danger">
            {t("myCases.withdrawConfirmButton")}
          </button>
        </form>
        <Link className="ds-link" href={`/my-cases/${view.reference}`}>
          {t("myCases.withdrawCancel")}
        </Link>
      </div>
    </>
  );
}
