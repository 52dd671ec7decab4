// Translated texts for the admin forms (client components get them as props).
import { getTranslations } from "next-intl/server";

export const ADMIN_ERROR_KEYS = [
  "required",
  "tooLong",
  "email",
  "emailTaken",
  "rolesRequired",
  "role",
  "unit",
  "ownAdminRole",
  "deactivateSelf",
  "slug",
  "slugTaken",
  "systemTooLong",
  "tooManySystems",
  "invalid",
] as const;

export async function adminErrorTexts(): Promise<Record<string, string>> {
  const t = await getTranslations("staffQueue.admin.errors");
  return Object.fromEntries(ADMIN_ERROR_KEYS.map((k) => [k, t(k)]));
}

export async function staffUserFormLabels(submit: string) {
  const t = await getTranslations("staffQueue.admin.users");
  const tc = await getTranslations("staffQueue.admin");
  return {
    name: t("name"),
    email: t("email"),
    emailHelp: t("emailHelp"),
    roles: t("roles"),
    units: t("units"),
    unitsHelp: t("unitsHelp"),
    submit,
    summaryHeading: tc("summaryHeading"),
    unexpected: tc("unexpected", { errorId: "{errorId}" }),
  };
}

export async function unitFormLabels(submit: string) {
  const t = await getTranslations("staffQueue.admin.units");
  const tc = await getTranslations("staffQueue.admin");
  const td = await getTranslations("requestDetails.admin");
  return {
    name: t("name"),
    nameNn: t("nameNn"),
    nameEn: t("nameEn"),
    nameTranslationHelp: t("nameTranslationHelp"),
    slug: t("slug"),
    slugHelp: t("slugHelp"),
    email: t("email"),
    systems: t("systems"),
    systemsHelp: t("systemsHelp"),
    active: t("active"),
    specialCategory: td("specialCategory"),
    specialCategoryHelp: td("specialCategoryHelp"),
    submit,
    summaryHeading: tc("summaryHeading"),
    unexpected: tc("unexpected", { errorId: "{errorId}" }),
  };
}
