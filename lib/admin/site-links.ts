// Use cases of the "Nettstedet" admin page: the links the portal's own statements point to, the
// municipality's privacy statement (from the privacy notice, /privacy) and its accessibility
// statement on uustatus.no (from /accessibility). Admins only (admin.manage_units); everyone else
// gets not_found, like every admin service. The public pages read them with getSiteFacts.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { requireAdmin } from "@/lib/admin/require-admin";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { logger } from "@/lib/log";
import { recordAdminEventInTx } from "./admin-audit";

export const SITE_LINK_MAX_LENGTH = 500;

/** An https address, or empty for "none". Messages are keys under sitePages.admin.errors. */
const optionalHttpsUrl = z
  .string()
  .trim()
  .max(SITE_LINK_MAX_LENGTH, "tooLong")
  .refine((value) => value === "" || isHttpsUrl(value), "https")
  .transform((value) => (value === "" ? null : value));

export const siteLinksSchema = z.object({
  privacyStatementUrl: optionalHttpsUrl,
  accessibilityStatementUrl: optionalHttpsUrl,
});

export type SiteLinks = { privacyStatementUrl: string | null; accessibilityStatementUrl: string | null };

function isHttpsUrl(value: string): boolean {
  // The same rule as the database's CHECK: https and no white space (URL() accepts "https://a b").
  if (!/^https:\/\/\S+$/.test(value)) return false;
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

/** What the public statements need from the municipality's row: its links and its real retention period. */
export async function getSiteFacts(): Promise<SiteLinks & { retentionYears: number }> {
  const row = await db().municipality.findUnique({
    where: { id: currentMunicipality().id },
    select: { privacyStatementUrl: true, accessibilityStatementUrl: true, retentionYears: true },
  });
  if (!row) throw new Error("The configured municipality has no row: run the seed");
  return row;
}

export async function getSiteLinkSettings(actor: Actor): Promise<SiteLinks> {
  requireAdmin(actor, "admin.manage_units");
  const { privacyStatementUrl, accessibilityStatementUrl } = await getSiteFacts();
  return { privacyStatementUrl, accessibilityStatementUrl };
}

export async function setSiteLinks(actor: Actor, input: { privacyStatementUrl: string; accessibilityStatementUrl: string }): Promise<SiteLinks> {
  requireAdmin(actor, "admin.manage_units");
  const parsed = siteLinksSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    throw new DomainError("validation_failed", { fields });
  }
  const links = parsed.data;
  await db().$transaction(async (tx) => {
    // Locked for the read-then-write, so two admins saving at once both get their "before" right.
    const rows = await tx.$queryRaw<{ name: string; privacy_statement_url: string | null; accessibility_statement_url: string | null }[]>`
      SELECT name, privacy_statement_url, accessibility_statement_url FROM municipality WHERE id = ${currentMunicipality().id} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new DomainError("not_found");
    await tx.municipality.update({ where: { id: currentMunicipality().id }, data: links });
    await recordAdminEventInTx(tx, actor, {
      action: "site_links.set",
      targetId: currentMunicipality().id,
      targetLabel: current.name,
      before: { privacyStatementUrl: current.privacy_statement_url, accessibilityStatementUrl: current.accessibility_statement_url },
      after: links,
    });
  });
  logger.info("admin.site_links_set", { actorId: actor.userId });
  return links;
}
