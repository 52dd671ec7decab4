// JSON API for submitting a request (integrations). Thin: API key -> rate limit -> size check -> JSON
// -> zod (the full request schema the flow's steps are built from) -> service -> status code.
// 400 changes nothing. Nobody is signed in here: such cases have identity level "none".
// Without API_KEYS the API does not exist (404); a missing or wrong key answers 401.
// While the database is away (down, restarting, recovering) it answers 503 with Retry-After and a
// translated message, never 500: the client sends the same body (same submissionKey) again.
import { NextResponse } from "next/server";
import { createTranslator } from "next-intl";
import { randomUUID } from "node:crypto";
import { submitRequest } from "@/lib/cases/submit-request";
import { isDomainError } from "@/lib/domain/errors";
import { allowSyntheticNationalIds, fieldErrors, submitRequestSchemaFor } from "@/lib/requests/request-schema";
import { enforceRateLimits } from "@/lib/abuse";
import { clientIpFromHeaders } from "@/lib/abuse/client-ip";
import { apiKeyName, configuredApiKeys } from "@/lib/abuse/api-keys";
import { isLocale, localeFromAcceptLanguage, DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { loadMessages } from "@/i18n/messages";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { logger } from "@/lib/log";
import { osloDateOf } from "@/lib/domain/calendar";
import { now as clockNow } from "@/lib/clock";
import { readBodyCapped } from "@/lib/http/read-body";

export const MAX_BODY_BYTES = 64 * 1024;

/** `application/json`, with parameters (charset) or not; not `application/jsonx` or `text/json`. */
function isJsonMediaType(header: string | null): boolean {
  const type = (header ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json";
}

function badRequest(error: string, fields?: Record<string, string>) {
  return NextResponse.json({ error, fields }, { status: 400 });
}

/** ?locale=nb|nn|en, else the Accept-Language header, else bokmål. */
function requestLocale(request: Request): Locale {
  const param = new URL(request.url).searchParams.get("locale");
  if (isLocale(param)) return param;
  return localeFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}

function serviceUnavailable(locale: Locale) {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "errors" });
  return NextResponse.json(
    { error: "service_unavailable", message: t("unavailableApi"), retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
    { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

export async function POST(request: Request) {
  try {
    return await submit(request);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      logger.warn("api.database_unavailable", { error: (error as Error).name, code: String((error as { code?: unknown }).code ?? "") });
      return serviceUnavailable(requestLocale(request));
    }
    const errorId = randomUUID();
    logger.error("api.submit_failed", { errorId, error: (error as Error).name });
    return NextResponse.json({ error: "internal_error", errorId }, { status: 500 });
  }
}

async function submit(request: Request) {
  const keys = configuredApiKeys();
  if (keys.length === 0) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const keyName = apiKeyName(request.headers.get("authorization"), keys);
  if (!keyName) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  try {
    await enforceRateLimits([
      ["submit_api_key", keyName],
      ["submit_ip", clientIpFromHeaders(request.headers)],
    ]);
  } catch (error) {
    if (isDomainError(error, "rate_limited")) {
      const retryAfter = Number(error.details?.retryAfterSeconds ?? 60);
      return NextResponse.json(
        { error: "rate_limited", retryAfterSeconds: retryAfter },
        { status: 429, headers: { "Retry-After": String(retryAfter) } },
      );
    }
    throw error;
  }
  if (!isJsonMediaType(request.headers.get("content-type"))) return badRequest("unsupported_content_type");
  const bytes = await readBodyCapped(request, MAX_BODY_BYTES);
  if (bytes === null) return badRequest("payload_too_large");
  let body: string;
  try {
    // Invalid UTF-8 is refused, not stored as replacement characters.
    body = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return badRequest("invalid_utf8");
  }
  let json: unknown;
  try {
    // "\ud800" is valid JSON but not text PostgreSQL (or a letter) can hold: refuse it here.
    json = JSON.parse(body, (_key, value: unknown) => {
      if (typeof value === "string" && !value.isWellFormed()) throw new SyntaxError("lone surrogate");
      return value;
    });
  } catch {
    return badRequest("malformed_json");
  }
  const parsed = submitRequestSchemaFor({ allowSynthetic: allowSyntheticNationalIds(), today: osloDateOf(clockNow()) }).safeParse(json);
  if (!parsed.success) return badRequest("validation_failed", fieldErrors(parsed.error));

  const localeParam = new URL(request.url).searchParams.get("locale");
  try {
    // The submission key belongs to this API key: another client's key finds nothing.
    const result = await submitRequest(parsed.data, { locale: isLocale(localeParam) ? localeParam : "nb", citizen: null, apiKeyName: keyName });
    return NextResponse.json(
      { reference: result.reference, dueDate: result.dueDate, receiptToken: result.receiptToken },
      { status: result.created ? 201 : 200 },
    );
  } catch (error) {
    if (isDomainError(error, "submission_key_reused")) {
      return NextResponse.json({ error: "submission_key_reused" }, { status: 409 });
    }
    if (isDomainError(error, "validation_failed")) {
      const field = String(error.details?.field ?? "form");
      return badRequest("validation_failed", { [field]: `validation.${field}.invalid` });
    }
    throw error;
  }
}
