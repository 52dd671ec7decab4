// The administration's change log as a table: when, who, what (the action and its target, as it
// was called then) and each changed field from its old to its new value. A server component: the
// log page, the admin edit pages' "Endringer" sections and the DPO's dashboard share it.
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/components/my-cases/format";
import type { AdminLogEntry } from "@/lib/admin/admin-audit";
import type { AuditValue } from "@/lib/domain/admin-audit";
import { ROLES } from "@/lib/domain/policy";
import { RIGHTS } from "@/lib/domain/rights";
import { RIGHT_OUTCOMES } from "@/lib/domain/case-state-machine";
import { isLocale, type Locale } from "@/i18n/locales";
import { isOneOf } from "@/i18n/translator";
import { RECORD_TEXT_FIELDS } from "@/lib/admin/record-fields";
import { LANGUAGE_NAMES } from "@/app/staff/admin/templates/language-names";

const FIELDS = [
  "name",
  "email",
  "roles",
  "units",
  "active",
  "unassignedCases",
  "nameNn",
  "nameEn",
  "slug",
  "systems",
  "specialCategory",
  "markedCases",
  "retentionYears",
  "privacyStatementUrl",
  "accessibilityStatementUrl",
  "postmottakEmail",
  "phone",
  "visitingAddress",
  "postalAddress",
  "dpoName",
  "dpoEmail",
  "dpoPhone",
  "dpoPostalAddress",
  "body",
  "unit",
  ...RECORD_TEXT_FIELDS,
  "linkedTasks",
] as const;

/** Fields holding a paragraph of text: shown folded, before and after in full. */
const LONG_TEXT_FIELDS: readonly string[] = ["body", ...RECORD_TEXT_FIELDS];

/** Where an admin edits the target (null: no page for it). */
export function targetHref(entry: Pick<AdminLogEntry, "targetType" | "targetId" | "action">): string | null {
  switch (entry.targetType) {
    case "staff_user":
      return `/staff/admin/users/${encodeURIComponent(entry.targetId)}`;
    case "unit":
      return `/staff/admin/units/${encodeURIComponent(entry.targetId)}`;
    case "municipality":
      return entry.action === "site_links.set" ? "/staff/admin/website" : entry.action === "contact.set" ? "/staff/admin/contact" : "/staff/admin/retention";
    case "letter_template": {
      const [right, outcome, locale] = entry.targetId.split("/");
      return right && outcome && locale ? `/staff/admin/templates/${right}/${outcome}/${locale}` : null;
    }
    case "processing_activity":
      return `/staff/admin/records/${encodeURIComponent(entry.targetId)}`;
  }
}

export async function targetNamer() {
  const [t, tCore, tOutcomes] = await Promise.all([getTranslations("adminLog"), getTranslations("rights"), getTranslations("caseWork.decide.outcomes")]);
  return (entry: Pick<AdminLogEntry, "targetType" | "targetLabel">): string => {
    if (entry.targetType !== "letter_template") return entry.targetLabel;
    const [right, outcome, locale] = entry.targetLabel.split("/");
    if (!isOneOf(RIGHTS, right) || !isOneOf(RIGHT_OUTCOMES, outcome) || !isLocale(locale)) {
      return entry.targetLabel;
    }
    return t("templateTarget", {
      right: tCore(`${right}.short`),
      outcome: tOutcomes(outcome),
      language: LANGUAGE_NAMES[locale],
    });
  };
}

export async function AdminLogTable({
  entries,
  locale,
  linkTargets,
  caption,
  testId = "admin-log",
}: {
  entries: AdminLogEntry[];
  locale: Locale;
  /** Admins get links to where each target is edited; the DPO reads only. */
  linkTargets: boolean;
  caption: string;
  testId?: string;
}) {
  const [t, tRoles, targetName] = await Promise.all([getTranslations("adminLog"), getTranslations("staffQueue.admin.roles"), targetNamer()]);
  const fieldName = (field: string) => t(isOneOf(FIELDS, field) ? `fields.${field}` : "fields.other");
  const valueText = (field: string, value: AuditValue | undefined): string => {
    if (value === null || value === undefined || value === "") return field === "body" ? t("values.standardText") : t("values.empty");
    if (typeof value === "boolean") return value ? t("values.yes") : t("values.no");
    if (Array.isArray(value)) {
      if (value.length === 0) return t("values.none");
      return value.map((v) => (field === "roles" && isOneOf(ROLES, v) ? tRoles(v) : v)).join(", ");
    }
    return String(value);
  };

  return (
    <div className="mt-4">
      <table className="ds-table pv-admin-log" data-size="sm" data-testid={testId}>
        <caption className="ds-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("at")}</th>
            <th scope="col">{t("actor")}</th>
            <th scope="col">{t("what")}</th>
            <th scope="col">{t("change")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const href = linkTargets ? targetHref(entry) : null;
            const created = entry.before === null;
            const fields = Object.keys(entry.after ?? entry.before ?? {});
            // A letter paragraph is written in its own language, whatever the page's language is.
            const textLang = entry.targetType === "letter_template" ? entry.targetId.split("/")[2] : undefined;
            const bodyLang = textLang && isLocale(textLang) && textLang !== locale ? textLang : undefined;
            return (
              <tr key={entry.id} data-action={entry.action} data-target={`${entry.targetType}:${entry.targetId}`}>
                <td className="whitespace-nowrap align-top" data-label={t("at")}>{formatDateTime(entry.at, locale)}</td>
                <td className="align-top" data-label={t("actor")}>{entry.actorName}</td>
                <td className="align-top">
                  <span className="font-semibold">{t(`actions.${entry.action}`)}</span>
                  <br />
                  {href ? (
                    <a className="ds-link" href={href}>
                      {targetName(entry)}
                    </a>
                  ) : (
                    targetName(entry)
                  )}
                </td>
                <td className="align-top">
                  <ul className="pv-admin-log-changes">
                    {fields.map((field) => {
                      const before = entry.before?.[field];
                      const after = entry.after?.[field];
                      if (LONG_TEXT_FIELDS.includes(field)) {
                        return (
                          <li key={field}>
                            <details>
                              <summary>{t("textChanged", { field: fieldName(field) })}</summary>
                              {!created && (
                                <p className="ds-paragraph mt-1" data-size="sm">
                                  <span className="font-semibold">{t("before")}: </span>
                                  <span className="whitespace-pre-wrap" lang={before ? bodyLang : undefined}>
                                    {valueText(field, before)}
                                  </span>
                                </p>
                              )}
                              <p className="ds-paragraph mt-1" data-size="sm">
                                <span className="font-semibold">{t("after")}: </span>
                                <span className="whitespace-pre-wrap" lang={after ? bodyLang : undefined}>
                                  {valueText(field, after)}
                                </span>
                              </p>
                            </details>
                          </li>
                        );
                      }
                      if (created) {
                        if (after === null || after === undefined || after === "") return null;
                        return <li key={field}>{t("valueLine", { field: fieldName(field), value: valueText(field, after) })}</li>;
                      }
                      return (
                        <li key={field}>{t("changeLine", { field: fieldName(field), before: valueText(field, before), after: valueText(field, after) })}</li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
