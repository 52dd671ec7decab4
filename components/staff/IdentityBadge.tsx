import { getTranslations } from "next-intl/server";
import type { IdentityLevel } from "@/lib/db/generated/client";

/** How strongly the requester's identity is verified, as text (a tag, never colour alone). */
export async function IdentityBadge({ level }: { level: IdentityLevel }) {
  const t = await getTranslations("staffQueue.identity");
  const strong = level === "idporten_high" || level === "idporten_substantial" || level === "verified_in_person";
  return (
    <span className="ds-tag" data-color={strong ? "success" : "warning"} data-size="sm">
      {t(level)}
    </span>
  );
}
