// Download through an expiring signed link (see lib/files/signed-link.ts). The signature alone is
// not enough: the signed-in citizen must own the case, or the staff member must be allowed to see
// it. Anything else, including a bad or expired signature, is 404.
import { currentCitizen } from "@/lib/citizen-auth/session";
import { currentStaffActor } from "@/lib/auth/staff-actor";
import { downloadAttachment } from "@/lib/files/download-attachment";
import { notFoundResponse } from "@/lib/files/upload-request";

export const dynamic = "force-dynamic";

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const url = new URL(request.url);
  const link = { id, expires: url.searchParams.get("expires"), sig: url.searchParams.get("sig") };
  // A citizen first; only if that gives nothing, a staff member (each session is looked up lazily).
  const citizen = await currentCitizen();
  let file = citizen ? await downloadAttachment(link, { citizen: { identityId: citizen.identityId, level: citizen.level }, staff: null }) : null;
  file ??= await downloadAttachment(link, { citizen: null, staff: await currentStaffActor() });
  if (!file) return notFoundResponse();
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
