// Typed translation keys: next-intl's translators (getTranslations, useTranslations,
// createTranslator) check every key against the merged bokmål catalogue at compile time.
// See https://next-intl.dev/docs/workflows/typescript.
import type { Messages } from "@/i18n/messages";

declare module "next-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}
