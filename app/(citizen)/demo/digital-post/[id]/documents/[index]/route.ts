// One document of a forsendelse the SvarUt stand-in received, shown in the browser (demo mode
// only). 404 outside demo mode, for a malformed or unknown id or index, and when the stand-in does
// not answer: the demo page says so itself.
import { demoForsendelseDocument, inlineContentDisposition, isDemoSvarUtEnabled } from "@/lib/dev/demo-platform";
import { notFoundResponse } from "@/lib/files/upload-request";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }): Promise<Response> {
  if (!isDemoSvarUtEnabled()) return notFoundResponse();
  const { id, index } = await params;
  const file = await demoForsendelseDocument(id, index);
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
