// The requester answered in the portal (a secure message or an uploaded file, typically the ID
// document they were asked for): when the case waits for them, the pause closes in the caller's
// transaction with the "requester_answered" command (status in_progress, due date moved by the
// paused calendar days, audit event by the citizen). One code path for messages and uploads.
import type { Tx } from "@/lib/db/client";
import { transitionCaseInTx } from "./case-transition";

export type AnsweringCase = { id: string; status: string; version: number; requesterId: string };

/** Returns whether a pause was closed. Must run in the transaction that stores the answer. */
export async function resumeOnRequesterAnswerInTx(tx: Tx, owned: AnsweringCase, now: Date): Promise<boolean> {
  if (owned.status !== "awaiting_requester") return false;
  await transitionCaseInTx(tx, {
    caseId: owned.id,
    command: { type: "requester_answered" },
    actor: { type: "citizen", id: owned.requesterId },
    expectedVersion: owned.version,
    now,
  });
  return true;
}
