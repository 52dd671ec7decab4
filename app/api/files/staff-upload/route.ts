// A caseworker attaches an answer file (purpose "answer") from the staff case page.
import { randomUUID } from "node:crypto";
import { currentStaffActor } from "@/lib/auth/staff-actor";
import { isDomainError } from "@/lib/domain/errors";
import { staffUploadAnswer } from "@/lib/files/upload-attachment";
import { isSameOrigin, notFoundResponse, readUpload, seeOther } from "@/lib/files/upload-request";
import { logger } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return new Response("Forbidden", { status: 403 });
  const actor = await currentStaffActor();
  if (!actor) return seeOther("/staff/signin");
  const upload = await readUpload(request);
  if (!upload.ok) {
    if (!upload.reference) return new Response("Bad request", { status: upload.problem === "too_large" ? 413 : 400 });
    return seeOther(`/staff/cases/${upload.reference}?uploadError=${upload.problem}#answer-upload`);
  }
  const back = `/staff/cases/${upload.reference}`;
  try {
    await staffUploadAnswer(actor, { reference: upload.reference, fileName: upload.fileName, bytes: upload.bytes });
  } catch (error) {
    if (isDomainError(error, "not_found") || isDomainError(error, "forbidden")) return notFoundResponse();
    if (isDomainError(error, "validation_failed")) return seeOther(`${back}?uploadError=${String(error.details?.reason ?? "type")}#answer-upload`);
    logger.error("files.staff_upload_failed", { errorId: randomUUID(), error: (error as Error).name });
    return seeOther(`${back}?uploadError=error#answer-upload`);
  }
  return seeOther(`${back}?uploaded=1#files`);
}
