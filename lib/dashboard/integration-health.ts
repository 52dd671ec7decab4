// "Is the platform getting our messages?" for the DPO and unit leads: the integration outbox
// (archive, SvarUt, KRR) within the actor's case scope: how many wait, how many failed or were
// refused (an alert, with the cases to open), and how long the oldest has waited. Read-only; one
// aggregate over the (status) index plus the few failed cases.
import { db } from "@/lib/db/client";
import { caseScopeSql } from "@/lib/cases/case-scope";
import { DomainError } from "@/lib/domain/errors";
import { hasPermission, type Actor } from "@/lib/domain/policy";
import { platformFeatures } from "@/lib/platform/config";

export type IntegrationHealth = {
  enabled: boolean;
  waiting: number;
  failed: number;
  oldestWaitingSince: Date | null;
  failedCases: { reference: string; kind: string; status: string }[];
};

export async function dashboardIntegrationHealth(actor: Actor): Promise<IntegrationHealth> {
  if (actor.kind !== "staff" || !hasPermission(actor, "dashboard.view")) throw new DomainError("not_found");
  const features = platformFeatures();
  const [counts, failedCases] = await Promise.all([
    db().$queryRaw<{ waiting: number; failed: number; oldest: Date | null }[]>`
      SELECT count(*) FILTER (WHERE m.status IN ('pending', 'sending', 'awaiting_reply'))::int AS waiting,
             count(*) FILTER (WHERE m.status IN ('failed', 'refused'))::int AS failed,
             min(m.created_at) FILTER (WHERE m.status IN ('pending', 'sending', 'awaiting_reply')) AS oldest
        FROM integration_message m JOIN request_case c ON c.id = m.case_id
       WHERE m.status IN ('pending', 'sending', 'awaiting_reply', 'failed', 'refused') AND ${caseScopeSql(actor)}`,
    db().$queryRaw<{ reference: string; kind: string; status: string }[]>`
      SELECT c.reference, m.kind, m.status
        FROM integration_message m JOIN request_case c ON c.id = m.case_id
       WHERE m.status IN ('failed', 'refused') AND ${caseScopeSql(actor)}
       ORDER BY m.created_at LIMIT 20`,
  ]);
  const row = counts[0];
  return {
    enabled: features.archive || features.svarut || features.krr,
    waiting: row?.waiting ?? 0,
    failed: row?.failed ?? 0,
    oldestWaitingSince: row?.oldest ? new Date(row.oldest) : null,
    failedCases,
  };
}
