// Admin page: edit the main paragraph of one response letter (right x outcome) in one language, or
// reset it to the standard text. Admins only; an unknown right, outcome or language is 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getLetterTemplate, LETTER_TEMPLATE_MAX, type LetterTemplateDetail } from "@/lib/admin/letter-templates";
import { isDomainError } from "@/lib/domain/errors";
import { hasPermission } from "@/lib/domain/policy";
import { isLocale } from "@/i18n/locales";
import { formatDateTime } from "@/components/my-cases/format";
import { AdminHistory } from "@/components/staff/admin/AdminHistory";
import { letterTemplateTargetId } from "@/lib/domain/admin-audit";
import { LetterTemplateForm } from "../../../LetterTemplateForm";
import { LANGUAGE_NAMES } from "../../../language-names";
import { resetLetterTemplateAction, saveLetterTemplateAction } from "../../../actions";

export const dynamic = "force-dynamic";

const ERROR_KEYS = ["required", "tooLong", "controlCharacters"] as const;

type Params = { right: string; outcome: string; locale: string };

export default async function AdminEditLetterTemplatePage({ params }: { params: Promise<Params> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_templates")) notFound();
  const key = await params;
  let template: LetterTemplateDetail;
  try {
    template = await getLetterTemplate(actor, key);
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    throw error;
  }
  const [t, tLetters, uiLocaleRaw] = await Promise.all([getTranslations("letterTemplates"), getTranslations("letters"), getLocale()]);
  const uiLocale = isLocale(uiLocaleRaw) ? uiLocaleRaw : "nb";
  const { right, outcome, locale } = template;
  const outcomeName = tLetters(`page.outcome.${outcome}`);
  // The language's own name, marked with its lang attribute inside the translated sentence.
  const languageName = LANGUAGE_NAMES[locale];
  const languageLine = t("edit.language", { language: languageName });
  const at = languageLine.indexOf(languageName);
  const when = template.updatedAt ? formatDateTime(template.updatedAt, uiLocale) : "";
  const status = !template.custom
    ? t("edit.statusStandard")
    : template.updatedByName
      ? t("edit.statusCustom", { when, name: template.updatedByName })
      : t("edit.statusCustomNoName", { when });
  const boundKey = { right, outcome, locale };
  return (
    <>
      <p>
        <Link className="ds-link" href="/staff/admin/templates">
          {t("edit.back")}
        </Link>
      </p>
      <h1 className="ds-heading mt-2" data-size="lg">
        {tLetters(`template.rightTitle.${right}`)} – {outcomeName}
      </h1>
      <p className="ds-paragraph mt-2" data-testid="template-language">
        {at < 0 ? (
          languageLine
        ) : (
          <>
            {languageLine.slice(0, at)}
            <span lang={locale}>{languageName}</span>
            {languageLine.slice(at + languageName.length)}
          </>
        )}
      </p>
      <p className="ds-paragraph mt-2 max-w-prose">{t("edit.intro", { outcome: outcomeName })}</p>
      <p className="ds-paragraph mt-2 max-w-prose">{t("edit.mandatory")}</p>
      <p className="ds-paragraph mt-2 max-w-prose" data-testid="template-status">
        <span className="ds-tag" data-size="sm" data-color={template.custom ? "accent" : "neutral"}>
          {template.custom ? t("list.customTag") : t("list.standardTag")}
        </span>{" "}
        {status}
      </p>
      <div className="mt-6">
        <LetterTemplateForm
          action={saveLetterTemplateAction}
          hidden={boundKey}
          initial={template.body}
          locale={locale}
          maxLength={LETTER_TEMPLATE_MAX}
          errorTexts={Object.fromEntries(ERROR_KEYS.map((k) => [k, t(`errors.${k}`)]))}
          labels={{
            body: t("edit.bodyLabel"),
            bodyHelp: t("edit.bodyHelp"),
            submit: t("edit.save"),
            summaryHeading: t("edit.summaryHeading"),
            unexpected: t("errors.unexpected", { errorId: "{errorId}" }),
          }}
        />
      </div>
      {template.custom && (
        <>
          <section aria-labelledby="standard-heading" className="mt-8 max-w-3xl">
            <h2 id="standard-heading" className="ds-heading" data-size="sm">
              {t("edit.standardHeading")}
            </h2>
            <p className="ds-paragraph mt-2 whitespace-pre-wrap" lang={locale} data-testid="standard-text">
              {template.standard}
            </p>
          </section>
          <section aria-labelledby="reset-heading" className="mt-8 max-w-prose">
            <h2 id="reset-heading" className="ds-heading" data-size="sm">
              {t("edit.resetHeading")}
            </h2>
            <p className="ds-paragraph mt-2">{t("edit.resetIntro")}</p>
            <form action={resetLetterTemplateAction} className="mt-4">
              {Object.entries(boundKey).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("edit.resetButton")}
              </button>
            </form>
          </section>
        </>
      )}
      <AdminHistory actor={actor} targetType="letter_template" targetId={letterTemplateTargetId(boundKey)} />
    </>
  );
}
