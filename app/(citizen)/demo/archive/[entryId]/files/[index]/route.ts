// One PDF of a journal entry in the archive stand-in, shown in the browser (demo mode only). 404
// outside demo mode, for a malformed or unknown entry or index, and when the stand-in does not
// answer: the demo page says so itself.
import { demoArchiveFile, inlineContentDisposition, isDemoArchiveEnabled } from "@/lib/dev/demo-platform";
import { notFoundResponse } from "@/lib/files/upload-request";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ entryId: string; index: string }> }): Promise<Response> {
  if (!isDemoArchiveEnabled()) return notFoundResponse();
  const { entryId, index } = await params;
  const file = await demoArchiveFile(entryId, index);
  if (!file) return notFoundResponse();
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": inlineContentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
