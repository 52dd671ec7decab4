// Next 16 proxy (formerly middleware): passes the current path to server components, so that
// no-JavaScript forms (language switch) can return the user to the page they were on.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  // The friendly rate-limit page is still an HTTP 429 for clients and monitoring.
  const status = request.nextUrl.pathname === "/too-many-requests" ? 429 : undefined;
  return NextResponse.next({ request: { headers }, status });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
