// Where the municipal platform's services are, read once from the environment (README "Platform
// integrations"). Each integration is on only when its settings are complete: outside demo mode
// nothing falls back to a stand-in, and a half-configured integration is an error at start, not a
// silent switch-off. Today the settings are the installation's (MUNICIPALITY); the municipality
// profile will carry them when one installation serves several (issue 15).
import { z } from "zod";

export type MaskinportenSettings = {
  tokenEndpoint: string;
  audience: string;
  clientId: string;
  privateKeyPem: string;
  keyId?: string;
};

export type PlatformSettings = {
  maskinporten: MaskinportenSettings | null;
  krr: { baseUrl: string } | null;
  svarut: { baseUrl: string; accountId: string; integrationId: string; integrationPassword: string } | null;
  /** Fiks Arkiv over Fiks IO; null: staff record the archive reference by hand ("manual"). */
  archive: {
    fiksIo: { apiUrl: string; amqpUrl: string; accountId: string; integrationId: string; integrationPassword: string; privateKeyPem: string; certificatePem: string };
    archiveAccountId: string;
    system: string;
    closeGraceSeconds: number;
  } | null;
};

const optional = z.string().trim().min(1).optional();

const schema = z.object({
  MASKINPORTEN_TOKEN_URL: z.url().optional(),
  MASKINPORTEN_ISSUER: optional,
  MASKINPORTEN_CLIENT_ID: optional,
  MASKINPORTEN_PRIVATE_KEY: optional,
  MASKINPORTEN_KEY_ID: optional,
  KRR_URL: z.url().optional(),
  SVARUT_URL: z.url().optional(),
  SVARUT_ACCOUNT_ID: optional,
  SVARUT_INTEGRATION_ID: optional,
  SVARUT_INTEGRATION_PASSWORD: optional,
  FIKS_IO_API_URL: z.url().optional(),
  FIKS_IO_AMQP_URL: z.string().regex(/^amqps?:\/\//).optional(),
  FIKS_IO_ACCOUNT_ID: optional,
  FIKS_IO_INTEGRATION_ID: optional,
  FIKS_IO_INTEGRATION_PASSWORD: optional,
  FIKS_IO_PRIVATE_KEY: optional,
  FIKS_IO_CERTIFICATE: optional,
  FIKS_ARKIV_ACCOUNT_ID: optional,
  FIKS_ARKIV_SYSTEM: z.string().trim().min(1).default("Personvernportalen"),
  ARCHIVE_CLOSE_GRACE_SECONDS: z.coerce.number().int().min(0).default(3600),
});

/** PEM from the variable itself, with "\n" escapes allowed (one-line environment files). */
function pem(value: string): string {
  return value.includes("\\n") ? value.replace(/\\n/g, "\n") : value;
}

/** All of a group's variables, or none: a group that is half there names what is missing. */
function group<T extends Record<string, string | undefined>>(name: string, values: T): { [K in keyof T]: string } | null {
  const missing = Object.entries(values).filter(([, v]) => !v).map(([k]) => k);
  if (missing.length === Object.keys(values).length) return null;
  if (missing.length > 0) throw new Error(`${name}: set ${missing.join(", ")} too (or none of the group).`);
  return values as { [K in keyof T]: string };
}

export function readPlatformSettings(source: Record<string, string | undefined> = process.env): PlatformSettings {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid platform configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  const mp = group("Maskinporten", {
    MASKINPORTEN_TOKEN_URL: e.MASKINPORTEN_TOKEN_URL,
    MASKINPORTEN_ISSUER: e.MASKINPORTEN_ISSUER,
    MASKINPORTEN_CLIENT_ID: e.MASKINPORTEN_CLIENT_ID,
    MASKINPORTEN_PRIVATE_KEY: e.MASKINPORTEN_PRIVATE_KEY,
  });
  const maskinporten = mp
    ? { tokenEndpoint: mp.MASKINPORTEN_TOKEN_URL, audience: mp.MASKINPORTEN_ISSUER, clientId: mp.MASKINPORTEN_CLIENT_ID, privateKeyPem: pem(mp.MASKINPORTEN_PRIVATE_KEY), keyId: e.MASKINPORTEN_KEY_ID }
    : null;
  const needsToken = (what: string) => {
    if (!maskinporten) throw new Error(`${what} needs Maskinporten: set the MASKINPORTEN_* variables.`);
  };
  const krr = e.KRR_URL ? { baseUrl: e.KRR_URL } : null;
  if (krr) needsToken("KRR");
  const sv = group("SvarUt", {
    SVARUT_URL: e.SVARUT_URL,
    SVARUT_ACCOUNT_ID: e.SVARUT_ACCOUNT_ID,
    SVARUT_INTEGRATION_ID: e.SVARUT_INTEGRATION_ID,
    SVARUT_INTEGRATION_PASSWORD: e.SVARUT_INTEGRATION_PASSWORD,
  });
  if (sv) needsToken("SvarUt");
  const fio = group("Fiks Arkiv over Fiks IO", {
    FIKS_IO_API_URL: e.FIKS_IO_API_URL,
    FIKS_IO_AMQP_URL: e.FIKS_IO_AMQP_URL,
    FIKS_IO_ACCOUNT_ID: e.FIKS_IO_ACCOUNT_ID,
    FIKS_IO_INTEGRATION_ID: e.FIKS_IO_INTEGRATION_ID,
    FIKS_IO_INTEGRATION_PASSWORD: e.FIKS_IO_INTEGRATION_PASSWORD,
    FIKS_IO_PRIVATE_KEY: e.FIKS_IO_PRIVATE_KEY,
    FIKS_IO_CERTIFICATE: e.FIKS_IO_CERTIFICATE,
    FIKS_ARKIV_ACCOUNT_ID: e.FIKS_ARKIV_ACCOUNT_ID,
  });
  if (fio) needsToken("Fiks IO");
  return {
    maskinporten,
    krr,
    svarut: sv ? { baseUrl: sv.SVARUT_URL, accountId: sv.SVARUT_ACCOUNT_ID, integrationId: sv.SVARUT_INTEGRATION_ID, integrationPassword: sv.SVARUT_INTEGRATION_PASSWORD } : null,
    archive: fio
      ? {
          fiksIo: {
            apiUrl: fio.FIKS_IO_API_URL,
            amqpUrl: fio.FIKS_IO_AMQP_URL,
            accountId: fio.FIKS_IO_ACCOUNT_ID,
            integrationId: fio.FIKS_IO_INTEGRATION_ID,
            integrationPassword: fio.FIKS_IO_INTEGRATION_PASSWORD,
            privateKeyPem: pem(fio.FIKS_IO_PRIVATE_KEY),
            certificatePem: pem(fio.FIKS_IO_CERTIFICATE),
          },
          archiveAccountId: fio.FIKS_ARKIV_ACCOUNT_ID,
          system: e.FIKS_ARKIV_SYSTEM,
          closeGraceSeconds: e.ARCHIVE_CLOSE_GRACE_SECONDS,
        }
      : null,
  };
}

let cached: PlatformSettings | undefined;

/** The settings of this process (read once); tests that start stand-ins call resetPlatformSettings. */
export function platformSettings(): PlatformSettings {
  return (cached ??= readPlatformSettings());
}

export function resetPlatformSettings(): void {
  cached = undefined;
}

/** Which integrations are on, for the case page and the dashboard (no secrets). */
export function platformFeatures(settings: PlatformSettings = platformSettings()) {
  return { archive: settings.archive !== null, svarut: settings.svarut !== null, krr: settings.krr !== null };
}
