// The staff side's compact names of rights: "Innsyn (art. 15)" instead of the citizen's
// "Se hvilke opplysninger kommunen har om meg". The article comes from the rights catalogue.
import { RIGHTS_CATALOGUE, type Right } from "@/lib/domain/rights";

/** Any translator over the whole catalogue (`getTranslations()`, `useTranslations()`) fits. */
type Translate = (key: `rights.${Right}.short` | "staffQueue.article") => string;

/** "Innsyn (art. 15)"; several rights: "Innsyn, Retting (art. 15, 16)". */
export function rightsShortLabel(t: Translate, rights: readonly Right[]): string {
  if (rights.length === 0) return "";
  const names = rights.map((r) => t(`rights.${r}.short`)).join(", ");
  const articles = rights.map((r) => RIGHTS_CATALOGUE[r].gdprArticle).join(", ");
  return `${names} (${t("staffQueue.article")} ${articles})`;
}
