// The arkivmelding.xml a journal entry came in to the archive stand-in, shown in the browser (demo
// mode only). 404 outside demo mode, for a malformed or unknown entry, and when the stand-in does
// not answer.
import { demoArchiveXml, inlineContentDisposition, isDemoArchiveEnabled } from "@/lib/dev/demo-platform";
import { notFoundResponse } from "@/lib/files/upload-request";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ entryId: string }> }): Promise<Response> {
  if (!isDemoArchiveEnabled()) return notFoundResponse();
  const { entryId } = await params;
  const xml = await demoArchiveXml(entryId);
  if (xml === null) return notFoundResponse();
  return new Response(xml, {
    status: 200,
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": inlineContentDisposition("arkivmelding.xml"),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
