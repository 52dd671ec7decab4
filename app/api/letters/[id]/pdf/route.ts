// A letter's PDF for staff (print queue, letter page). Re-checks access on every request: the
// letter's case must be visible to the signed-in staff member, otherwise 404 (never 403).
import { currentStaffActor } from "@/lib/auth/staff-actor";
import { getLetterPdf } from "@/lib/cases/print-queue";
import { notFoundResponse } from "@/lib/files/upload-request";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const actor = await currentStaffActor();
  const file = actor ? await getLetterPdf(actor, id) : null;
  if (!file) return notFoundResponse();
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
