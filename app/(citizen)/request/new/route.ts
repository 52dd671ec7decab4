// GET /request/new?right=access: starts (or continues) a request with that right chosen and sends
// the visitor to the first step. Links on the start page point here.
import type { NextRequest } from "next/server";
import { isRight } from "@/lib/domain/rights";
import { updateDraft } from "../draft-session";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const wanted = request.nextUrl.searchParams.getAll("right").filter(isRight);
  await updateDraft((data) => (wanted.length > 0 ? { ...data, rights: wanted } : data));
  // A relative Location: right behind a proxy too.
  return new Response(null, { status: 303, headers: { Location: "/request/what", "Cache-Control": "no-store" } });
}
