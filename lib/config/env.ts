// Runtime configuration, validated once. Every variable is documented in README "Configuration".
import { z } from "zod";
import { parseApiKeys } from "@/lib/abuse/api-keys";

const booleanFlag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const envSchema = z.object({
  DATABASE_URL: z.string().startsWith("postgres"),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://"),
  MAIL_FROM: z.string().min(3).default("Personvernportalen <ikke-svar@personvern.localhost>"),
  PUBLIC_URL: z.url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  MUNICIPALITY: z.enum(["bergen", "trondheim"]).default("bergen"),
  DEMO_MODE: booleanFlag,
  DEMO_MAILBOX: booleanFlag,
  OUTBOX_POLL_MS: z.coerce.number().int().min(100).default(2000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(12),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).default(300),
  API_KEYS: z
    .string()
    .optional()
    .refine((v) => {
      try {
        parseApiKeys(v);
        return true;
      } catch {
        return false;
      }
    }, "API_KEYS must be name:secret entries, comma-separated, each secret at least 32 characters"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? process.env.AUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}

/**
 * The origins the portal answers pages on; the first is the canonical one, where proxy.ts sends
 * requests for any other host (lib/http/canonical-origin.ts). Today only PUBLIC_URL's origin (when
 * PUBLIC_URL is unset: http://localhost:PORT); a list so that one deployment can later serve several
 * municipalities, each on its own host name.
 */
export function allowedOrigins(): string[] {
  return [new URL(publicUrl()).origin];
}
