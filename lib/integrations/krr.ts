// Client for KRR, Digdir's Kontakt- og reservasjonsregisteret ("Oppslagstjenesten REST",
// docs.digdir.no/docs/Kontaktregisteret/oppslagstjenesten_rest and krr_attributter):
// - POST <base>/rest/v1/personer, Authorization: Bearer <Maskinporten token>, JSON body
//   { "personidentifikatorer": [...] } with 1..1000 numbers; answer { "personer": [...] };
// - per person: personidentifikator, reservasjon JA/NEI, status AKTIV/SLETTET/IKKE_REGISTRERT,
//   kontaktinformasjon (e-mail, mobile), digital_post (postkasseadresse, postkasseleverandoeradresse),
//   spraak (nb/nn/en/se), varslingsstatus, sertifikat;
// - scopes: krr:global/kontaktinformasjon.read (contact details, varslingsstatus, spraak) and
//   krr:global/digitalpost.read (mailbox address, certificate); the reservation always comes back.
// We keep only what the letter-channel decision needs (data minimisation): status, reservation,
// whether a digital mailbox exists, and the language. Never e-mail, mobile or mailbox address.
import { z } from "zod";
import { logger } from "@/lib/log";
import type { AccessTokenSource } from "@/lib/integrations/maskinporten";

export type KrrPerson = {
  nationalId: string;
  status: "active" | "deleted" | "not_registered";
  reserved: boolean;
  hasDigitalMailbox: boolean;
  language: "nb" | "nn" | "en" | "se" | null;
};

export class KrrError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message ?? `KRR: ${code}`);
    this.name = "KrrError";
  }
}

/** Both are needed: the language comes with kontaktinformasjon.read, the mailbox with digitalpost.read. */
export const KRR_SCOPES: readonly string[] = ["krr:global/kontaktinformasjon.read", "krr:global/digitalpost.read"];

export const KRR_PATH = "/rest/v1/personer";
/** KRR answers 1..1000 persons per request. */
export const KRR_MAX_PER_REQUEST = 1000;
const DEFAULT_TIMEOUT_MS = 10_000;

// z.object drops every key it does not name: contact details never leave this parser.
const personSchema = z.object({
  personidentifikator: z.string(),
  reservasjon: z.enum(["JA", "NEI"]).optional().nullable(),
  status: z.enum(["AKTIV", "SLETTET", "IKKE_REGISTRERT"]),
  digital_post: z
    .object({ postkasseadresse: z.string().optional().nullable(), postkasseleverandoeradresse: z.string().optional().nullable() })
    .optional()
    .nullable(),
  spraak: z.string().optional().nullable(),
});
const answerSchema = z.object({ personer: z.array(personSchema) });

const STATUS = { AKTIV: "active", SLETTET: "deleted", IKKE_REGISTRERT: "not_registered" } as const;
const LANGUAGES = new Set(["nb", "nn", "en", "se"]);

function toKrrPerson(raw: z.infer<typeof personSchema>): KrrPerson {
  const status = STATUS[raw.status];
  const language = raw.spraak?.trim().toLowerCase() ?? "";
  return {
    nationalId: raw.personidentifikator,
    status,
    reserved: raw.reservasjon === "JA",
    // KRR gives no mailbox for SLETTET / IKKE_REGISTRERT; do not trust one if it ever did.
    hasDigitalMailbox: status === "active" && Boolean(raw.digital_post?.postkasseadresse && raw.digital_post?.postkasseleverandoeradresse),
    language: status === "active" && LANGUAGES.has(language) ? (language as KrrPerson["language"]) : null,
  };
}

function notRegistered(nationalId: string): KrrPerson {
  return { nationalId, status: "not_registered", reserved: false, hasDigitalMailbox: false, language: null };
}

export function createKrrClient(
  config: { baseUrl: string; accessToken: AccessTokenSource; scopes?: readonly string[] },
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): { lookup(nationalIds: readonly string[]): Promise<Map<string, KrrPerson>> } {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const scopes = config.scopes ?? KRR_SCOPES;
  // baseUrl is the service root (https://kontaktregisteret.no, https://test.kontaktregisteret.no).
  const endpoint = `${config.baseUrl.replace(/\/+$/, "")}${KRR_PATH}`;

  function fail(code: string, message: string, fields: Record<string, unknown> = {}): never {
    logger.warn("krr.lookup_failed", { code, ...fields });
    throw new KrrError(code, message);
  }

  async function lookupChunk(ids: readonly string[]): Promise<z.infer<typeof answerSchema>["personer"]> {
    let token: string;
    try {
      token = await config.accessToken(scopes);
    } catch (error) {
      const code = error instanceof Error && "code" in error ? String(error.code) : "";
      if (code === "unavailable") fail("unavailable", "KRR: no access token (Maskinporten unavailable)", { tokenError: code });
      fail("unauthorized", "KRR: no access token", { tokenError: code || "unknown" });
    }

    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ personidentifikatorer: ids }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      fail("unavailable", timedOut ? "KRR did not answer in time" : "KRR could not be reached", { timedOut });
    }

    if (response.status === 401 || response.status === 403) fail("unauthorized", `KRR refused the token (HTTP ${response.status})`, { status: response.status });
    if (response.status >= 500) fail("unavailable", `KRR answered HTTP ${response.status}`, { status: response.status });
    if (response.status === 400) fail("bad_request", "KRR refused the request (HTTP 400)", { status: 400 });
    if (!response.ok) fail("unexpected_status", `KRR answered HTTP ${response.status}`, { status: response.status });

    let body: unknown;
    try {
      body = await response.json();
    } catch {
      fail("invalid_response", "KRR's answer is not JSON");
    }
    const parsed = answerSchema.safeParse(body);
    // The zod issue text could quote a value from the answer: report the shape problem only.
    if (!parsed.success) fail("invalid_response", "KRR's answer does not have the expected shape");
    return parsed.data.personer;
  }

  return {
    async lookup(nationalIds) {
      const ids = [...new Set(nationalIds)];
      const result = new Map<string, KrrPerson>();
      if (ids.length === 0) return result;
      // KRR would refuse the whole batch for one malformed number; say so without naming it.
      const malformed = ids.filter((id) => !/^\d{11}$/.test(id)).length;
      if (malformed > 0) fail("invalid_input", `KRR look-up: ${malformed} number(s) are not 11 digits`, { malformed });

      const wanted = new Set(ids);
      for (let i = 0; i < ids.length; i += KRR_MAX_PER_REQUEST) {
        const chunk = ids.slice(i, i + KRR_MAX_PER_REQUEST);
        for (const raw of await lookupChunk(chunk)) {
          // Ignore anything we did not ask for.
          if (wanted.has(raw.personidentifikator)) result.set(raw.personidentifikator, toKrrPerson(raw));
        }
      }
      // Someone KRR does not mention is someone KRR does not know.
      for (const id of ids) if (!result.has(id)) result.set(id, notRegistered(id));
      return result;
    },
  };
}
