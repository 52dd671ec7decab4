// Translated labels and error texts of the records-of-processing form (a client component gets them as props).
import "server-only";
import { getTranslations } from "next-intl/server";
import type { RecordFormLabels } from "@/components/staff/admin/ProcessingActivityForm";
import { RECORD_TEXT_FIELDS } from "@/lib/admin/record-fields";

const ERROR_KEYS = ["required", "tooLong", "invalid", "nameTaken", "unit", "safeguardsRequired"] as const;

export async function recordFormTexts(submit: "submitCreate" | "submitUpdate"): Promise<{ labels: RecordFormLabels; errorTexts: Record<string, string> }> {
  const t = await getTranslations("records.admin");
  const field = (k: "name" | "unitId" | (typeof RECORD_TEXT_FIELDS)[number]) => ({ label: t(`fields.${k}.label`), help: t(`fields.${k}.help`) });
  return {
    labels: {
      fields: Object.fromEntries((["name", "unitId", ...RECORD_TEXT_FIELDS] as const).map((k) => [k, field(k)])) as RecordFormLabels["fields"],
      fieldsets: { about: t("fieldsets.about"), article15: t("fieldsets.article15"), transfers: t("fieldsets.transfers"), automated: t("fieldsets.automated") },
      noUnit: t("noUnit"),
      submit: t(submit),
      summaryHeading: t("summaryHeading"),
      unexpected: t("errors.unexpected", { errorId: "{errorId}" }),
    },
    errorTexts: Object.fromEntries(ERROR_KEYS.map((k) => [k, t(`errors.${k}`)])),
  };
}
