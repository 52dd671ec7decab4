import nb from "@/messages/nb.json";
import nn from "@/messages/nn.json";
import en from "@/messages/en.json";
import type { Locale } from "./locales";

export type Messages = typeof nb;
const ALL: Record<Locale, Messages> = { nb, nn, en };

export function loadMessages(locale: Locale): Messages {
  return ALL[locale];
}
