// Each language by its own name (as the language switcher shows them), with its lang attribute.
import type { Locale } from "@/i18n/locales";

export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };
