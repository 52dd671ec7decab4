// Where to send a citizen after signing in: only a path on this site. Pure, no Next.js imports.
// The validation itself is shared with the staff sign-in (lib/auth/return-to.ts).
import { safeReturnPath } from "@/lib/auth/return-to";

/** `value` if it is a same-site path ("/…" but not "//…" or "/\…"), otherwise `fallback`. */
export function safeReturnTo(value: unknown, fallback = "/my-cases"): string {
  return safeReturnPath(value, { fallback });
}
