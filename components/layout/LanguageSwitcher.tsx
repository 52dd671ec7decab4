import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions/locale";
import { LOCALES } from "@/i18n/locales";
import { localeReturnTo } from "@/lib/auth/return-to";

const NAMES = { nb: "Bokmål", nn: "Nynorsk", en: "English" } as const;

/** A plain form: works without JavaScript. Each language name is written in its own language. */
export async function LanguageSwitcher() {
  const [locale, t, h] = await Promise.all([getLocale(), getTranslations("layout"), headers()]);
  // The page we are on (proxy.ts), checked here too so the form never carries another site.
  const returnTo = localeReturnTo(h.get("x-pathname"));
  return (
    <form action={setLocaleAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="returnTo" value={returnTo} />
      <span id="language-label" className="text-sm">
        {t("languageLabel")}:
      </span>
      <ul className="flex gap-1" aria-labelledby="language-label">
        {LOCALES.map((l) => (
          <li key={l}>
            <button
              // The language in use is shown as chosen; pressing it again does not reload the page.
              type={l === locale ? "button" : "submit"}
              name="locale"
              value={l}
              lang={l}
              className="ds-button"
              data-variant={l === locale ? "primary" : "tertiary"}
              data-size="sm"
              aria-current={l === locale ? "true" : undefined}
            >
              {NAMES[l]}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}
