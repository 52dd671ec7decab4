// Use case: download an attachment through an expiring signed link. Both must hold: the signature
// is valid and unexpired, AND the caller may see the case now (the citizen who filed it, or a staff
// member with case.view). Citizens get answer files and their own uploads, never internal ones;
// on special-category cases only after an ID-porten high sign-in. Anything else: null (-> 404).
import { db } from "@/lib/db/client";
import type { CitizenLevel } from "@/lib/citizen-auth/types";
import { can, citizenMustStepUp, type Actor } from "@/lib/domain/policy";
import { verifyDownload } from "./signed-link";
import { readStoredFile } from "./storage";
import { isUuid } from "@/lib/domain/uuid";

export type DownloadCaller = {
  citizen: { identityId: string; level: CitizenLevel } | null;
  staff: Actor | null;
};

export type Download = { fileName: string; contentType: string; bytes: Buffer };


export async function downloadAttachment(
  input: { id: string; expires: string | null; sig: string | null; now?: Date },
  caller: DownloadCaller,
): Promise<Download | null> {
  if (!isUuid(input.id) || !verifyDownload(input.id, input.expires, input.sig, input.now ?? new Date())) return null;
  const attachment = await db().attachment.findUnique({
    where: { id: input.id },
    select: {
      fileName: true,
      contentType: true,
      storageKey: true,
      purpose: true,
      deletedAt: true,
      case: {
        select: {
          unitId: true,
          requesterId: true,
          assigneeId: true,
          specialCategory: true,
          requester: { select: { identityId: true } },
        },
      },
    },
  });
  // Retention removed the stored file (90 days after the case closed): gone, as if it never was.
  if (!attachment || attachment.deletedAt) return null;
  const c = attachment.case;

  const staffMayRead = caller.staff !== null && can(caller.staff, "case.view", { unitId: c.unitId, requesterId: c.requesterId, assigneeId: c.assigneeId });
  const citizenMayRead =
    caller.citizen !== null &&
    c.requester.identityId !== null &&
    c.requester.identityId === caller.citizen.identityId &&
    attachment.purpose !== "internal" &&
    !citizenMustStepUp({ level: caller.citizen.level }, c);
  if (!staffMayRead && !citizenMayRead) return null;

  const bytes = await readStoredFile(attachment.storageKey);
  return { fileName: attachment.fileName, contentType: attachment.contentType, bytes };
}
