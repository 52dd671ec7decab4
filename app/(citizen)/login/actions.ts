"use server";
// Citizen sign-in and sign-out (server actions posted by plain forms: they work without JavaScript).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { ACR_HIGH, ACR_SUBSTANTIAL, citizenSignIn, citizenSignOut, EmailCodeSignInError } from "@/citizen-auth";
import { PROOF_OF_WORK_FIELD } from "@/components/abuse/proof-of-work-field";
import { enforceRateLimit, tooManyRequestsPath } from "@/lib/abuse";
import { clientIp } from "@/lib/abuse/client-ip";
import { endCitizenSession } from "@/lib/citizen-auth/citizen-session";
import { requestEmailCode } from "@/lib/citizen-auth/email-code";
import { PENDING_EMAIL_COOKIE, pendingEmailCookieOptions } from "@/lib/citizen-auth/pending-email";
import { safeReturnTo } from "@/lib/citizen-auth/return-to";
import { currentCitizen } from "@/lib/citizen-auth/session";
import { isDomainError } from "@/lib/domain/errors";

function tooManyRequests(error: unknown): never {
  redirect(tooManyRequestsPath(error));
}

const q = (returnTo: string) => `returnTo=${encodeURIComponent(returnTo)}`;

/** "Logg inn med ID-porten"; with level=high it asks ID-porten for idporten-loa-high (step-up). */
export async function startIdPortenLoginAction(formData: FormData) {
  const returnTo = safeReturnTo(formData.get("returnTo"));
  try {
    await enforceRateLimit("login_ip", await clientIp());
  } catch (error) {
    if (isDomainError(error, "rate_limited")) tooManyRequests(error);
    throw error;
  }
  const acr = formData.get("level") === "high" ? ACR_HIGH : ACR_SUBSTANTIAL;
  // Redirects to ID-porten; it comes back to /api/citizen-auth/callback/idporten and then to returnTo.
  await citizenSignIn("idporten", { redirectTo: returnTo }, { acr_values: acr, ui_locales: await getLocale() });
}

/** Sends a one-time code by e-mail and moves on to /login/code. */
export async function requestEmailCodeAction(formData: FormData) {
  const returnTo = safeReturnTo(formData.get("returnTo"));
  const email = String(formData.get("email") ?? "").trim().slice(0, 254);
  // The address goes in a short-lived cookie (not in the URL): the code page needs it, and the form
  // can be filled in again after an error.
  (await cookies()).set(PENDING_EMAIL_COOKIE, email, pendingEmailCookieOptions());
  let failure: string | undefined;
  try {
    await requestEmailCode({
      email,
      ip: await clientIp(),
      proofOfWork: formData.get(PROOF_OF_WORK_FIELD)?.toString(),
      locale: await getLocale(),
    });
  } catch (error) {
    if (isDomainError(error, "rate_limited")) tooManyRequests(error);
    if (isDomainError(error, "validation_failed")) failure = error.details?.field === "proofOfWork" ? "proofOfWork" : "email";
    else throw error;
  }
  if (failure) redirect(`/login?${q(returnTo)}&error=${failure}`);
  redirect(`/login/code?${q(returnTo)}`);
}

/** Checks the code through the "email-code" provider; on success the session starts. */
export async function verifyEmailCodeAction(formData: FormData) {
  const returnTo = safeReturnTo(formData.get("returnTo"));
  const jar = await cookies();
  const email = jar.get(PENDING_EMAIL_COOKIE)?.value;
  if (!email) redirect(`/login/code?${q(returnTo)}`);
  let target: string | undefined;
  let failure: string | undefined;
  try {
    target = await citizenSignIn("email-code", {
      email,
      code: String(formData.get("code") ?? ""),
      redirectTo: returnTo,
      redirect: false,
    });
  } catch (error) {
    if (!(error instanceof EmailCodeSignInError)) throw error;
    const f = error.failure;
    failure = f.reason === "wrong_code" ? `wrong_code&left=${f.attemptsLeft}` : f.reason;
  }
  if (failure) redirect(`/login/code?${q(returnTo)}&error=${failure}`);
  jar.delete({ name: PENDING_EMAIL_COOKIE, path: "/login" });
  redirect(target ?? returnTo);
}

/**
 * "Logg ut": ends this browser's session on the server first (so the cookie and any copy of it stop
 * working at once), then clears the cookie. If the session cannot be ended, signing out fails
 * rather than only pretending to.
 */
export async function citizenSignOutAction() {
  const citizen = await currentCitizen();
  if (citizen) await endCitizenSession({ sessionId: citizen.sessionId, reason: "signed_out" });
  await citizenSignOut({ redirectTo: "/" });
}
