// The citizen's file upload (plain multipart form on the case page; no JavaScript needed).
// Answers 303 back to the case page with the outcome, or 404 for a case that is not theirs.
import { randomUUID } from "node:crypto";
import { currentCitizen } from "@/lib/citizen-auth/session";
import { isDomainError } from "@/lib/domain/errors";
import { citizenUploadAttachment } from "@/lib/files/upload-attachment";
import { isSameOrigin, notFoundResponse, readUpload, seeOther } from "@/lib/files/upload-request";
import { logger } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return new Response("Forbidden", { status: 403 });
  const citizen = await currentCitizen();
  if (!citizen) return seeOther(`/login?returnTo=${encodeURIComponent("/my-cases")}`);
  const upload = await readUpload(request);
  if (!upload.ok) {
    if (!upload.reference) return new Response("Bad request", { status: upload.problem === "too_large" ? 413 : 400 });
    return seeOther(`/my-cases/${upload.reference}?uploadError=${upload.problem}#upload-form`);
  }
  const back = `/my-cases/${upload.reference}`;
  try {
    await citizenUploadAttachment({ identityId: citizen.identityId, level: citizen.level, reference: upload.reference, fileName: upload.fileName, bytes: upload.bytes });
  } catch (error) {
    if (isDomainError(error, "not_found")) return notFoundResponse();
    if (isDomainError(error, "validation_failed")) return seeOther(`${back}?uploadError=${String(error.details?.reason ?? "type")}#upload-form`);
    if (isDomainError(error, "rate_limited")) return seeOther(`${back}?uploadError=rate_limited#upload-form`);
    if (isDomainError(error, "case_closed")) return seeOther(`${back}?uploadError=closed#upload-form`);
    if (isDomainError(error, "forbidden")) return seeOther(`${back}?uploadError=step_up#upload-form`);
    logger.error("files.upload_failed", { errorId: randomUUID(), error: (error as Error).name });
    return seeOther(`${back}?uploadError=error#upload-form`);
  }
  return seeOther(`${back}?uploaded=1#files`);
}
