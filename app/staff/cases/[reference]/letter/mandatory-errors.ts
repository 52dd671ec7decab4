// The translated messages for a letter refused by the Art. 12(4) check (DomainError
// validation_failed, reason "mandatory"): one per missing part, naming what is missing. Used by the
// send action; `details` is the error's details (missing parts, missing citations, and the rights
// whose reasons are missing when the service passes them on).
import { getTranslations } from "next-intl/server";
import { RIGHTS, type Right } from "@/lib/domain/rights";

const isRight = (v: unknown): v is Right => typeof v === "string" && (RIGHTS as readonly string[]).includes(v);

export async function mandatoryPartMessages(details: Record<string, unknown>): Promise<string[]> {
  const [t, tTemplates] = await Promise.all([getTranslations("letters"), getTranslations("letterTemplates.letterPage")]);
  const missing = Array.isArray(details.missing) ? details.missing.filter((m): m is string => typeof m === "string") : [];
  const citations = Array.isArray(details.citations) ? details.citations.filter((c): c is string => typeof c === "string").join(", ") : "";
  const rights = Array.isArray(details.reasons) ? details.reasons.filter(isRight) : [];
  return missing.map((m) => {
    switch (m) {
      case "complaint":
        return t("errors.missingComplaint");
      case "court":
        return t("errors.missingCourt");
      case "appeal":
        return t("errors.missingAppeal");
      case "art19_claim":
        return t("errors.unsupportedArt19");
      case "reasons":
        return rights.length > 0
          ? tTemplates("missingReasonsFor", { rights: rights.map((r) => t(`template.rightTitle.${r}`)).join(", ") })
          : tTemplates("missingReasons");
      default:
        return t("errors.missingLegalBasis", { citations });
    }
  });
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);

/** The messages for an access answer refused by the Art. 15 check (reason "register"). */
export async function registerMessages(details: Record<string, unknown>): Promise<string[]> {
  const t = await getTranslations("records.send");
  const out: string[] = [];
  if (details.noSystems === true) out.push(t("noSystems"));
  const gaps = strings(details.gaps);
  if (gaps.length > 0) out.push(t("registerGap", { systems: gaps.join(", ") }));
  const incomplete = strings(details.incomplete);
  if (incomplete.length > 0) out.push(t("registerParts", { systems: incomplete.join(", ") }));
  return out.length > 0 ? out : [t("noSystems")];
}
