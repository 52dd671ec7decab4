// Admin page: the main paragraph of every response letter (6 rights x 3 outcomes) in bokmål,
// nynorsk and English, whether it is the standard text or the municipality's own, with a link to
// edit each. Admins only (the admin layout and the service both answer 404 to everyone else).
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { listLetterTemplates } from "@/lib/admin/letter-templates";
import { hasPermission } from "@/lib/domain/policy";
import { RIGHTS } from "@/lib/domain/rights";
import { LOCALES } from "@/i18n/locales";
import { LANGUAGE_NAMES } from "./language-names";

export const dynamic = "force-dynamic";

const DONE = new Set(["saved", "standard", "reset"]);

export default async function AdminLetterTemplatesPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireStaffActor();
  // The layout answers 404 too, but it renders in parallel with the page: stop before any service call.
  if (!hasPermission(actor, "admin.manage_templates")) notFound();
  const [{ done }, t, tLetters, rows] = await Promise.all([
    searchParams,
    getTranslations("letterTemplates.list"),
    getTranslations("letters"),
    listLetterTemplates(actor),
  ]);
  const notice = done && DONE.has(done) ? (done as "saved" | "standard" | "reset") : null;
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("intro")}</p>
      <p className="ds-paragraph mt-2 max-w-prose">{t("mandatory")}</p>
      {notice && (
        <div className="ds-alert mt-4" data-color="success" role="status">
          <p className="ds-paragraph">{t(`done.${notice}`)}</p>
        </div>
      )}
      {RIGHTS.map((right) => {
        const rightTitle = tLetters(`template.rightTitle.${right}`);
        return (
          <section key={right} aria-labelledby={`templates-${right}`} className="mt-8">
            <h2 id={`templates-${right}`} className="ds-heading" data-size="md">
              {rightTitle}
            </h2>
            <div className="mt-4 overflow-x-auto">
              <table className="ds-table" data-zebra="true" data-size="sm" data-testid={`templates-${right}`}>
                <caption className="ds-sr-only">{t("caption", { right: rightTitle })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("outcome")}</th>
                    {LOCALES.map((locale) => (
                      <th key={locale} scope="col" lang={locale}>
                        {LANGUAGE_NAMES[locale]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows
                    .filter((r) => r.right === right)
                    .map((r) => {
                      const outcomeName = tLetters(`page.outcome.${r.outcome}`);
                      return (
                        <tr key={r.outcome} data-outcome={r.outcome}>
                          <th scope="row" className="align-top">
                            {outcomeName}
                          </th>
                          {LOCALES.map((locale) => {
                            const text = r.texts[locale];
                            return (
                              <td key={locale} className="align-top" data-locale={locale} data-custom={text.custom ? "true" : "false"}>
                                <span className="ds-tag" data-size="sm" data-color={text.custom ? "accent" : "neutral"}>
                                  {text.custom ? t("customTag") : t("standardTag")}
                                </span>
                                <p className="ds-paragraph mt-2 whitespace-pre-wrap" data-size="sm" lang={locale}>
                                  {text.body}
                                </p>
                                <a className="ds-link mt-1 inline-block" href={`/staff/admin/templates/${r.right}/${r.outcome}/${locale}`}>
                                  {text.custom ? t("editOwn") : t("writeOwn")}
                                  <span className="ds-sr-only">
                                    {" "}
                                    ({rightTitle}, {outcomeName}, <span lang={locale}>{LANGUAGE_NAMES[locale]}</span>)
                                  </span>
                                </a>
                              </td>
                            );
                          })}
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
