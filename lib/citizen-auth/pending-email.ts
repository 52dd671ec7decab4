// The address a citizen asked for a code for, kept between /login and /login/code in a short-lived,
// HTTP-only cookie (never in the URL, where it would end up in logs and browser history).
export const PENDING_EMAIL_COOKIE = "pv-citizen.pending-email";

export function pendingEmailCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: (process.env.PUBLIC_URL ?? "").startsWith("https://"),
    path: "/login",
    maxAge: 15 * 60,
  };
}
