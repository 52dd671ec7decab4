"use server";

import { z } from "zod";
import { notFound, redirect } from "next/navigation";
import { signIn, signOut, STAFF_OIDC_PROVIDER_ID, staffOidcConfig } from "@/auth";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { STAFF_SIGNIN_PATH, staffReturnTo, withStaffReturnTo } from "@/lib/auth/return-to";
import { claimCase } from "@/lib/cases/claim-case";
import { assignCases, MAX_BULK_ASSIGN } from "@/lib/cases/assign-case";
import { tryAction, type ActionFailure } from "@/lib/http/action-failure";
import { queueHref, queueParamsFrom, type QueueNotice } from "@/components/staff/queue-url";
import { UUID_PATTERN } from "@/lib/domain/uuid";

const signInSchema = z.object({ email: z.string().trim().max(254).pipe(z.email()) });

/**
 * Magic-link sign-in. The page asked for before signing in (`returnTo`, validated: under /staff
 * only) is kept through every answer: the error for a malformed address, the "check your e-mail"
 * page, and the link in the mail (next-auth's callbackUrl), which lands on it.
 */
export async function staffSignInAction(formData: FormData) {
  const returnTo = staffReturnTo(formData.get("returnTo"));
  const parsed = signInSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) redirect(withStaffReturnTo(STAFF_SIGNIN_PATH, returnTo, { error: "email" }));
  // Also for unknown addresses the same "check your e-mail" page (no account probing).
  const next = String(await signIn("nodemailer", { email: parsed.data.email, redirectTo: returnTo, redirect: false }));
  // next-auth answers with its verify-request URL; our page carries the return path on.
  if (isVerifyRequest(next)) redirect(withStaffReturnTo(`${STAFF_SIGNIN_PATH}/check-email`, returnTo));
  redirect(next);
}

function isVerifyRequest(url: string) {
  try {
    return new URL(url, "http://same-site.invalid").pathname.endsWith("/verify-request");
  } catch {
    return false;
  }
}

/** Sign-in with the municipality's identity provider (only offered when STAFF_OIDC_* is set). */
export async function staffOidcSignInAction(formData: FormData) {
  if (!staffOidcConfig()) notFound();
  await signIn(STAFF_OIDC_PROVIDER_ID, { redirectTo: staffReturnTo(formData.get("returnTo")) });
}

export async function staffSignOutAction() {
  await signOut({ redirectTo: STAFF_SIGNIN_PATH });
}

/** How the queue shows a failed action (lib/http/action-failure.ts decides what failed): a notice. */
function noticeFor(failure: ActionFailure): QueueNotice {
  const ref = "details" in failure && typeof failure.details.reference === "string" ? failure.details.reference : undefined;
  switch (failure.kind) {
    case "forbidden":
      return { error: "forbidden" };
    case "conflict":
      return { error: "conflict", ref };
    case "rule":
      return failure.code === "case_closed" ? { error: "closed", ref } : { error: "invalid" };
    case "invalid": {
      const reason = failure.details.reason;
      if (reason === "none_selected") return { error: "noneSelected" };
      if (reason === "too_many") return { error: "tooMany" };
      if (failure.field === "assignee") return { error: "assigneeNoAccess", ref };
      return { error: "invalid" };
    }
    case "unexpected":
      return { error: "unexpected", errorId: failure.errorId };
    default:
      return { error: "invalid" };
  }
}

const uuid = z.uuid();

/** "Ta saken": the signed-in caseworker takes one unassigned case. */
export async function claimCaseAction(formData: FormData) {
  const actor = await requireStaffActor();
  const back = queueParamsFrom(String(formData.get("back") ?? ""));
  const caseId = uuid.safeParse(formData.get("caseId"));
  if (!caseId.success) notFound();
  const notice = await tryAction<QueueNotice>(
    "queue.claim_failed",
    async () => ({ done: "claimed", ref: (await claimCase(actor, { caseId: caseId.data })).reference }),
    noticeFor,
  );
  redirect(queueHref(back, notice));
}

/** A checked row of the bulk form: "<case id>:<version the queue showed>". */
const bulkRow = z
  .string()
  .max(60)
  .regex(new RegExp(`^${UUID_PATTERN}:\\d{1,9}$`))
  .transform((v) => {
    const [caseId, version] = v.split(":");
    return { caseId: caseId!, expectedVersion: Number(version) };
  })
  .refine((row) => uuid.safeParse(row.caseId).success);

/**
 * Bulk assign: every checked case to one colleague. All or nothing, except cases someone changed
 * since the queue was shown: those are left alone and counted in the notice ("reload").
 */
export async function bulkAssignAction(formData: FormData) {
  const actor = await requireStaffActor();
  const back = queueParamsFrom(String(formData.get("back") ?? ""));
  const cases = formData
    .getAll("caseId")
    .slice(0, MAX_BULK_ASSIGN + 1)
    .flatMap((raw) => {
      const row = bulkRow.safeParse(raw);
      return row.success ? [row.data] : [];
    });
  const assignee = uuid.safeParse(formData.get("assigneeId"));
  const notice: QueueNotice =
    cases.length === 0
      ? { error: "noneSelected" }
      : !assignee.success
        ? { error: "noAssignee" }
        : await tryAction<QueueNotice>(
            "queue.bulk_assign_failed",
            async () => {
              const result = await assignCases(actor, { cases, assigneeId: assignee.data });
              return { done: "assigned", count: result.assigned + result.unchanged, stale: result.stale.length };
            },
            noticeFor,
          );
  redirect(queueHref(back, notice));
}
