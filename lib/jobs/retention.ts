// Job: retention (issue 5). One run
//   a. deletes the stored files of closed cases 90 days after the Oslo closing date (every purpose:
//      the requester's uploads, the answer package and internal files; the answer's download links
//      have long expired by then), keeping the attachment row as a record with a neutral file name;
//   b. anonymises closed cases whose retention period (their municipality's retentionYears) has
//      passed: personal data and free text blanked in ONE transaction per case, the case row with its
//      reference, dates, status, rights, unit, channel, identity level, outcomes and legal bases kept
//      (the statistics still count it), audit events kept with their free text blanked;
//   c. housekeeping: personal data with no retention purpose (sent mail older than 30 days, the demo
//      mailbox, expired drafts, codes, challenges, sessions, sign-in tokens).
// Never a case on legal hold or an open one. What was removed is written to retention_log (ids,
// reference, action, count: never personal data) and logged with ids only.
//
// Safe to run from several processes at once: each case is claimed with FOR UPDATE SKIP LOCKED in
// its own transaction, which re-checks the state, so a case is done by exactly one run; a second run
// finds nothing left. Scheduled by lib/jobs/job-runner.ts; by hand: npm run retention.
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { osloDateOf } from "@/lib/domain/calendar";
import {
  ANONYMISED_NAME,
  ANONYMISED_TEXT,
  anonymisationDue,
  DELETED_FILE_NAME,
  FILE_RETENTION_DAYS,
  filesDue,
} from "@/lib/domain/retention";
import { deleteOldCitizenSessions } from "@/lib/citizen-auth/citizen-session";
import { removeStoredFile } from "@/lib/files/storage";
import { logger } from "@/lib/log";
import { now as clockNow } from "@/lib/clock";

export const HOUSEKEEPING_KINDS = [
  "outbox_deleted",
  "demo_mail_deleted",
  "drafts_deleted",
  "email_codes_deleted",
  "challenges_deleted",
  "sessions_deleted",
  "verification_tokens_deleted",
] as const;
export type HousekeepingKind = (typeof HOUSEKEEPING_KINDS)[number];

export type RetentionRunResult = {
  /** Cases whose stored files this run deleted. */
  filesCases: number;
  /** Stored files deleted (in both steps). */
  filesDeleted: number;
  /** Cases this run anonymised. */
  casesAnonymised: number;
  /** Candidates another run held (locked) or that turned out not to be due after all. */
  skipped: number;
  housekeeping: Record<HousekeepingKind, number>;
};

/** Sent mail and demo mail are kept this long (to answer "did you send it?"), then deleted. */
export const MAIL_KEEP_DAYS = 30;
const DAY_MS = 86_400_000;
const DEFAULT_BATCH = 200;

type Claimed = {
  id: string;
  reference: string;
  closed_at: Date | null;
  legal_hold: boolean;
  anonymised_at: Date | null;
  requester_id: string;
  retention_years: number;
  extended: boolean;
  on_behalf_of: string;
  archived: boolean;
};

/**
 * Retention waits for the archive (arkivlova): a case's files and personal data go only once the
 * archive acknowledged everything the case produced (its folder number is known and no archive
 * message of the case is still undelivered), or, without the integration, once staff recorded the
 * archive reference by hand.
 */
const ARCHIVED = Prisma.raw(`(c.archive_reference_manual IS NOT NULL OR (c.archive_case_number IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM integration_message i WHERE i.case_id = c.id AND i.kind LIKE 'archive%' AND i.status <> 'delivered')))`);

/** Locks the case for this run, or null if another run holds it (SKIP LOCKED). Re-read: the state is current. */
async function claimCase(tx: Tx, caseId: string): Promise<Claimed | null> {
  const rows = await tx.$queryRaw<Claimed[]>`
    SELECT c.id, c.reference, c.closed_at, c.legal_hold, c.anonymised_at, c.requester_id, m.retention_years,
           c.extended, c.on_behalf_of::text AS on_behalf_of, ${ARCHIVED} AS archived
      FROM request_case c JOIN municipality m ON m.id = c.municipality_id
     WHERE c.id = ${caseId}::uuid
       FOR UPDATE OF c SKIP LOCKED`;
  return rows[0] ?? null;
}

/** Deletes every stored file of the case not yet deleted; a file already gone from disk is fine. */
async function deleteFilesInTx(tx: Tx, caseId: string, now: Date): Promise<number> {
  const files = await tx.attachment.findMany({ where: { caseId, deletedAt: null }, select: { id: true, storageKey: true } });
  for (const f of files) {
    // rm with force: a missing file is not an error. If the transaction then fails, the next run
    // marks the row (the file stays gone, which is what retention wants).
    await removeStoredFile(f.storageKey);
  }
  if (files.length > 0) {
    await tx.attachment.updateMany({
      where: { id: { in: files.map((f) => f.id) }, deletedAt: null },
      data: { deletedAt: now, fileName: DELETED_FILE_NAME },
    });
  }
  return files.length;
}

/**
 * Closed cases (not on hold) with files not yet deleted whose 90 days may have passed; keyset by id.
 * closed_date is the stored Oslo date of closed_at (generated column, see the dashboard_statistics migration).
 */
async function fileCandidates(today: string, after: string, limit: number): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT c.id FROM request_case c
     WHERE c.closed_at IS NOT NULL AND c.legal_hold = false AND c.id > ${after}::uuid
       AND c.closed_date <= ${today}::date - ${FILE_RETENTION_DAYS}::int
       AND EXISTS (SELECT 1 FROM attachment a WHERE a.case_id = c.id AND a.deleted_at IS NULL)
       AND ${ARCHIVED}
     ORDER BY c.id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Closed cases (not on hold, not anonymised) whose retention period may have passed; keyset by id.
 * PostgreSQL's date + years gives 28 February for a 29 February closing: a superset by one day, the
 * pure rule (anonymisationDue) decides exactly.
 */
async function anonymisationCandidates(today: string, after: string, limit: number): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT c.id FROM request_case c JOIN municipality m ON m.id = c.municipality_id
     WHERE c.closed_at IS NOT NULL AND c.legal_hold = false AND c.anonymised_at IS NULL AND c.id > ${after}::uuid
       AND c.closed_date + make_interval(years => m.retention_years) <= ${today}::date
       AND ${ARCHIVED}
     ORDER BY c.id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

const FIRST_ID = "00000000-0000-0000-0000-000000000000";

async function forEachCandidate(
  load: (after: string) => Promise<string[]>,
  handle: (caseId: string) => Promise<void>,
): Promise<void> {
  let after = FIRST_ID;
  for (;;) {
    const ids = await load(after);
    if (ids.length === 0) return;
    for (const id of ids) await handle(id);
    after = ids[ids.length - 1]!;
  }
}

/** Step a: one transaction per case. Returns the number of files deleted, or null if skipped. */
export async function deleteFilesOfCase(caseId: string, now: Date): Promise<number | null> {
  return db().$transaction(async (tx) => {
    const c = await claimCase(tx, caseId);
    if (!c || !c.archived || !filesDue({ closedAt: c.closed_at, legalHold: c.legal_hold, anonymisedAt: c.anonymised_at }, now)) return null;
    const count = await deleteFilesInTx(tx, c.id, now);
    if (count === 0) return null;
    await tx.caseEvent.create({ data: { caseId: c.id, at: now, actorType: "system", actorId: null, type: "case.files_deleted", after: { count } } });
    await tx.retentionLog.create({ data: { at: now, action: "files_deleted", caseId: c.id, reference: c.reference, count } });
    return count;
  });
}

/** Step b: everything in ONE transaction. Returns the files deleted with it, or null if skipped. */
export async function anonymiseCase(caseId: string, now: Date): Promise<{ filesDeleted: number } | null> {
  return db().$transaction(
    async (tx) => {
      const c = await claimCase(tx, caseId);
      if (!c || !c.archived || !anonymisationDue({ closedAt: c.closed_at, legalHold: c.legal_hold, anonymisedAt: c.anonymised_at }, c.retention_years, now)) return null;

      const filesDeleted = await deleteFilesInTx(tx, c.id, now);
      if (filesDeleted > 0) {
        await tx.retentionLog.create({ data: { at: now, action: "files_deleted", caseId: c.id, reference: c.reference, count: filesDeleted } });
      }

      // The case: free text and the data subject's details; everything the statistics need stays.
      // Where a CHECK constraint wants a value (an extension has a reason, a case filed on behalf of
      // someone names them), a neutral placeholder.
      await tx.case.update({
        where: { id: c.id },
        data: {
          description: "",
          details: {},
          subjectName: c.on_behalf_of === "self" ? null : ANONYMISED_NAME,
          subjectNationalIdEncrypted: null,
          extensionReason: c.extended ? ANONYMISED_TEXT : null,
          restrictionNote: null,
          legalHoldReason: null,
          anonymisedAt: now,
          version: { increment: 1 },
        },
      });
      // The reasons a case was reopened may name people (the CHECK wants a text while reopened_at is set).
      await tx.case.updateMany({ where: { id: c.id, reopenReason: { not: null } }, data: { reopenReason: ANONYMISED_TEXT } });
      await tx.message.updateMany({ where: { caseId: c.id }, data: { body: "" } });
      await tx.letter.updateMany({ where: { caseId: c.id }, data: { body: null, pdf: null } });
      // Outcomes and legal basis ids stay (statistics); the written reasons go (a refusal must keep a
      // non-blank text: CHECK constraint).
      await tx.caseDecision.updateMany({ where: { caseId: c.id }, data: { reasons: ANONYMISED_TEXT } });
      await tx.caseTask.updateMany({ where: { caseId: c.id }, data: { note: null, recipient: null } });
      await tx.dpoComplaint.updateMany({ where: { caseId: c.id }, data: { body: "", answer: null } });
      // Delivered (or given-up) mail of the case: the address is personal data.
      await tx.mailOutbox.deleteMany({ where: { caseId: c.id, status: { not: "pending" } } });

      // A requester row can belong to several cases: blank it only once all of them are anonymised.
      const othersLeft = await tx.case.count({ where: { requesterId: c.requester_id, id: { not: c.id }, anonymisedAt: null } });
      if (othersLeft === 0) {
        await tx.requester.update({
          where: { id: c.requester_id },
          data: { name: ANONYMISED_NAME, email: null, phone: null, postalAddress: null, nationalIdEncrypted: null, nationalIdHash: null, identityId: null },
        });
      }

      // Audit trail: rows and who/what/when stay; free text in before/after is blanked. The app's
      // database role may not UPDATE case_event at all: the one way is redact_case_events (SECURITY
      // DEFINER, prisma/migrations/20261203140000_database_roles), which only touches the events of
      // an anonymised case (anonymisedAt is set above, in this transaction) and only their free text
      // (the same keys as redactEventPayload in lib/domain/retention.ts).
      await tx.$queryRaw`SELECT redact_case_events(${c.id}::uuid)`;
      await tx.caseEvent.create({
        data: { caseId: c.id, at: now, actorType: "system", actorId: null, type: "case.anonymised", after: { filesDeleted } },
      });
      await tx.retentionLog.create({ data: { at: now, action: "case_anonymised", caseId: c.id, reference: c.reference, count: 1 } });
      return { filesDeleted };
    },
    { timeout: 60_000 },
  );
}

/** Step c: personal data with no retention purpose. Idempotent deletes. */
export async function housekeeping(now: Date): Promise<Record<HousekeepingKind, number>> {
  const mailCutoff = new Date(now.getTime() - MAIL_KEEP_DAYS * DAY_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const d = db();
  const [outbox, demoMail, drafts, codes, challenges, sessions, tokens, citizenSessions] = await Promise.all([
    d.mailOutbox.deleteMany({ where: { status: "sent", sentAt: { lt: mailCutoff } } }),
    d.demoMail.deleteMany({ where: { receivedAt: { lt: mailCutoff } } }),
    d.requestDraft.deleteMany({ where: { expiresAt: { lt: now } } }),
    d.emailCode.deleteMany({ where: { expiresAt: { lt: dayAgo } } }),
    d.usedChallenge.deleteMany({ where: { expiresAt: { lt: dayAgo } } }),
    d.session.deleteMany({ where: { expires: { lt: now } } }),
    d.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
    // Citizen sign-ins, 30 days after last use (counted with the staff sessions).
    deleteOldCitizenSessions(now),
  ]);
  const counts: Record<HousekeepingKind, number> = {
    outbox_deleted: outbox.count,
    demo_mail_deleted: demoMail.count,
    drafts_deleted: drafts.count,
    email_codes_deleted: codes.count,
    challenges_deleted: challenges.count,
    sessions_deleted: sessions.count + citizenSessions,
    verification_tokens_deleted: tokens.count,
  };
  const rows = HOUSEKEEPING_KINDS.filter((k) => counts[k] > 0).map((action) => ({ at: now, action, caseId: null, reference: null, count: counts[action] }));
  if (rows.length > 0) await d.retentionLog.createMany({ data: rows });
  return counts;
}

/**
 * `now` is the portal's time (lib/clock.ts: moved in a demo): case files and cases are judged by it.
 * `housekeepingNow` judges sign-in sessions, e-mail codes, drafts and caught mail, whose expiry times
 * are real time: a demo that moves the clock by a month must not sign everyone out. It defaults to
 * `now` when a caller passes one (tests, one clock), else to the real time.
 */
export async function runRetention(
  options: { now?: Date; housekeepingNow?: Date; batchSize?: number } = {},
): Promise<RetentionRunResult> {
  const now = options.now ?? clockNow();
  const housekeepingNow = options.housekeepingNow ?? options.now ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const today = osloDateOf(now);
  const limit = Math.max(1, Math.floor(batchSize));
  const result: RetentionRunResult = {
    filesCases: 0,
    filesDeleted: 0,
    casesAnonymised: 0,
    skipped: 0,
    housekeeping: Object.fromEntries(HOUSEKEEPING_KINDS.map((k) => [k, 0])) as Record<HousekeepingKind, number>,
  };

  await forEachCandidate(
    (after) => fileCandidates(today, after, limit),
    async (caseId) => {
      const count = await deleteFilesOfCase(caseId, now);
      if (count === null) {
        result.skipped++;
        return;
      }
      result.filesCases++;
      result.filesDeleted += count;
      logger.info("retention.files_deleted", { caseId, count });
    },
  );

  await forEachCandidate(
    (after) => anonymisationCandidates(today, after, limit),
    async (caseId) => {
      const done = await anonymiseCase(caseId, now);
      if (!done) {
        result.skipped++;
        return;
      }
      result.casesAnonymised++;
      result.filesDeleted += done.filesDeleted;
      logger.info("retention.case_anonymised", { caseId, filesDeleted: done.filesDeleted });
    },
  );

  result.housekeeping = await housekeeping(housekeepingNow);
  logger.info("retention.run_done", { filesCases: result.filesCases, filesDeleted: result.filesDeleted, casesAnonymised: result.casesAnonymised, skipped: result.skipped, ...result.housekeeping });
  return result;
}
