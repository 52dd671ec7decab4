// E-mail templates. By design an e-mail carries only a case reference and a link: never a name,
// never what the request is about (the seed statements promise no sensitive data by e-mail).
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { isLocale, type Locale } from "@/i18n/locales";
import { isCanonicalCaseReference } from "@/lib/domain/reference";

export const MAIL_TEMPLATES = [
  "request_receipt",
  "staff_signin",
  "email_code",
  "new_message",
  "case_update",
  "deadline_reminder",
  "escalation",
  "dpo_complaint",
  "complaint_answered",
  "daily_digest",
  "complaint_reminder",
  "follow_up",
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/**
 * A reference, a link, (for sign-in codes) a 6-digit one-time code and (for the daily digest) case
 * counts: nothing else, ever.
 */
export type MailParams = { reference?: string; link: string; code?: string; open?: number; overdue?: number; dueSoon?: number };

const COUNT_PARAMS = ["open", "overdue", "dueSoon"] as const;

export type RenderedMail = { subject: string; text: string; html: string };


/** Refuses anything but a reference and an http(s) link, so personal data cannot slip into a mail. */
export function assertSafeParams(params: unknown): asserts params is MailParams {
  if (typeof params !== "object" || params === null) throw new Error("mail params must be an object");
  const allowed = new Set<string>(["reference", "link", "code", ...COUNT_PARAMS]);
  for (const key of Object.keys(params)) {
    if (!allowed.has(key)) throw new Error(`mail param "${key}" is not allowed`);
  }
  const { reference, link } = params as Record<string, unknown>;
  if (reference !== undefined && (typeof reference !== "string" || !isCanonicalCaseReference(reference))) {
    throw new Error("mail param reference must be a case reference");
  }
  if (typeof link !== "string" || !/^https?:\/\/\S+$/.test(link)) throw new Error("mail param link must be a URL");
  const { code } = params as Record<string, unknown>;
  if (code !== undefined && (typeof code !== "string" || !/^\d{6}$/.test(code))) {
    throw new Error("mail param code must be 6 digits");
  }
  for (const key of COUNT_PARAMS) {
    const value = (params as Record<string, unknown>)[key];
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000)) {
      throw new Error(`mail param ${key} must be a count`);
    }
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function renderMail(template: MailTemplate, localeInput: string, params: unknown): RenderedMail {
  assertSafeParams(params);
  const locale: Locale = isLocale(localeInput) ? localeInput : "nb";
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "mail" });
  const values = {
    reference: params.reference ?? "",
    link: params.link,
    code: params.code ?? "",
    open: params.open ?? 0,
    overdue: params.overdue ?? 0,
    dueSoon: params.dueSoon ?? 0,
  };
  const subject = t(`${template}.subject`, values);
  const paragraphs = [t(`${template}.body`, values), t(`${template}.linkIntro`), params.link, t("footer")];
  const text = paragraphs.join("\n\n") + "\n";
  const html =
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">` +
    `<p>${escapeHtml(paragraphs[0]!)}</p><p>${escapeHtml(paragraphs[1]!)}</p>` +
    `<p><a href="${escapeHtml(params.link)}">${escapeHtml(params.link)}</a></p>` +
    `<p style="color:#555">${escapeHtml(paragraphs[3]!)}</p></body></html>`;
  return { subject, text, html };
}
