"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, LOCALE_COOKIE } from "@/i18n/locales";
import { localeReturnTo } from "@/lib/auth/return-to";

/**
 * The language switch. `returnTo` comes from a form field, so it is untrusted: only a path on this
 * site (the same strict check as the sign-ins' return paths), otherwise the front page.
 */
export async function setLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
      sameSite: "lax",
      httpOnly: true,
    });
  }
  redirect(localeReturnTo(formData.get("returnTo")));
}
