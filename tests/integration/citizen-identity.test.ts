// Citizen identities against the real database: one identity per person (found by the HMAC of the
// fødselsnummer), the number stored only encrypted, and key rotation of every encrypted column.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { decryptField, lookupHash } from "@/lib/crypto/field-encryption";
import { upsertEmailIdentity, upsertIdPortenIdentity } from "@/lib/citizen-auth/upsert-identity";
import { isDomainError } from "@/lib/domain/errors";
import { rotateEncryptionKeys } from "@/scripts/rotate-encryption-keys";

const saved = process.env.FIELD_ENCRYPTION_KEYS;
const K1 = `k1:${randomBytes(32).toString("base64")}`;
const K2 = `k2:${randomBytes(32).toString("base64")}`;
/** Other test files encrypt with the suite's key (global-setup): keep it in every keyring here. */
const keyring = (...keys: (string | undefined)[]) => keys.filter(Boolean).join(",");

beforeAll(() => {
  process.env.FIELD_ENCRYPTION_KEYS = keyring(K1, saved);
  process.env.LOOKUP_HMAC_KEY ||= randomBytes(32).toString("base64url");
});
afterEach(() => {
  process.env.FIELD_ENCRYPTION_KEYS = keyring(K1, saved);
  delete process.env.ALLOW_SYNTHETIC_NATIONAL_IDS;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.FIELD_ENCRYPTION_KEYS;
  else process.env.FIELD_ENCRYPTION_KEYS = saved;
  await disconnectDb();
});

// Valid fødselsnummer built by hand (check digits verified with python); see tests/unit/national-id.test.ts.
const PID_A = "01019000083";
const PID_B = "29020400038";
const PID_C = "01019000407";
const D_NUMBER = "41019000077";
const SYNTHETIC = "15859110190";

async function rowsFor(pid: string) {
  return db().$queryRaw<Record<string, unknown>[]>`SELECT * FROM citizen_identity WHERE pid_hash = ${lookupHash(pid)}`;
}

describe("upsertIdPortenIdentity", () => {
  it("the same person twice is one identity; the level follows the latest sign-in", async () => {
    const first = await upsertIdPortenIdentity({ pid: PID_A, acr: "idporten-loa-substantial" });
    const second = await upsertIdPortenIdentity({ pid: PID_A, acr: "idporten-loa-high" });
    expect(second.identityId).toBe(first.identityId);
    expect(first).toMatchObject({ method: "idporten", level: "idporten_substantial" });
    expect(second).toMatchObject({ method: "idporten", level: "idporten_high" });
    const rows = await rowsFor(PID_A);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.level).toBe("idporten_high");
  });

  it("stores the number only encrypted: no column holds it in clear", async () => {
    const { identityId } = await upsertIdPortenIdentity({ pid: PID_B, acr: "idporten-loa-substantial" });
    const [row] = await db().$queryRaw<Record<string, unknown>[]>`SELECT * FROM citizen_identity WHERE id = ${identityId}::uuid`;
    expect(JSON.stringify(row)).not.toContain(PID_B);
    expect(row!.pid_hash).toBe(lookupHash(PID_B));
    expect(row!.pid_encrypted).toMatch(/^k1\./);
    expect(decryptField(row!.pid_encrypted as string)).toBe(PID_B);
    expect(row!.name).toBeNull();
    expect(row!.email).toBeNull();
  });

  it("two first sign-ins of a new person at the same time make one identity", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => upsertIdPortenIdentity({ pid: PID_C, acr: "idporten-loa-high" })));
    expect(new Set(results.map((r) => r.identityId)).size).toBe(1);
    expect(await rowsFor(PID_C)).toHaveLength(1);
  });

  it("accepts a D-nummer", async () => {
    const { identityId } = await upsertIdPortenIdentity({ pid: D_NUMBER, acr: "idporten-loa-substantial" });
    expect((await rowsFor(D_NUMBER))[0]!.id).toBe(identityId);
  });

  it("refuses a wrong check digit, an unknown level, and synthetic numbers unless allowed", async () => {
    for (const input of [
      { pid: "01019000084", acr: "idporten-loa-high" },
      { pid: PID_A, acr: "Level4-ish" },
      { pid: SYNTHETIC, acr: "idporten-loa-high" },
    ]) {
      const error = await upsertIdPortenIdentity(input).catch((e: unknown) => e);
      expect(isDomainError(error, "validation_failed"), JSON.stringify(input)).toBe(true);
    }
    expect(await rowsFor("01019000084")).toHaveLength(0);
    expect(await rowsFor(SYNTHETIC)).toHaveLength(0);
    process.env.ALLOW_SYNTHETIC_NATIONAL_IDS = "1";
    await upsertIdPortenIdentity({ pid: SYNTHETIC, acr: "idporten-loa-high" });
    expect(await rowsFor(SYNTHETIC)).toHaveLength(1);
  });
});

describe("upsertEmailIdentity", () => {
  it("the same address twice is one identity with level email_code", async () => {
    const email = `identity-${randomBytes(5).toString("hex")}@example.test`;
    const a = await upsertEmailIdentity({ email });
    const b = await upsertEmailIdentity({ email });
    expect(b.identityId).toBe(a.identityId);
    expect(a).toEqual({ identityId: a.identityId, method: "email_code", level: "email_code" });
    expect(await db().citizenIdentity.count({ where: { email } })).toBe(1);
  });
});

describe("scripts/rotate-encryption-keys.ts", () => {
  it("re-encrypts every encrypted column with the current key, and old ciphertexts stop being needed", async () => {
    const { identityId } = await upsertIdPortenIdentity({ pid: PID_A, acr: "idporten-loa-high" });
    const requester = await db().requester.create({ data: { name: "Rotasjon Testesen", nationalIdEncrypted: null }, select: { id: true } });
    const { encryptField } = await import("@/lib/crypto/field-encryption");
    await db().requester.update({ where: { id: requester.id }, data: { nationalIdEncrypted: encryptField(PID_B), nationalIdHash: null } });

    // A draft in progress holds the typed number encrypted inside its JSON.
    const draftId = randomBytes(24).toString("base64url");
    await db().requestDraft.create({
      data: {
        id: draftId,
        expiresAt: new Date(Date.now() + 3_600_000),
        data: { submissionKey: randomUUID(), about: { name: "Utkast", nationalIdEncrypted: encryptField(PID_B), subjectNationalIdEncrypted: encryptField(PID_A), nationalIdMasked: "010190*****" } },
      },
    });

    // What the run must do, counted independently (the database holds other files' rows too):
    // every ciphertext not under k2 yet, every draft holding one, every requester without a hash.
    const stale = async () => {
      const [row] = await db().$queryRaw<{ requester: number; subject: number; identity: number; drafts: number; hashes: number }[]>`
        SELECT
          (SELECT count(*)::int FROM requester WHERE national_id_encrypted IS NOT NULL AND national_id_encrypted NOT LIKE 'k2.%') AS requester,
          (SELECT count(*)::int FROM request_case WHERE subject_national_id_encrypted IS NOT NULL AND subject_national_id_encrypted NOT LIKE 'k2.%') AS subject,
          (SELECT count(*)::int FROM citizen_identity WHERE pid_encrypted IS NOT NULL AND pid_encrypted NOT LIKE 'k2.%') AS identity,
          (SELECT count(*)::int FROM request_draft WHERE coalesce(data->'about'->>'nationalIdEncrypted', 'k2.') NOT LIKE 'k2.%'
                                                  OR coalesce(data->'about'->>'subjectNationalIdEncrypted', 'k2.') NOT LIKE 'k2.%') AS drafts,
          (SELECT count(*)::int FROM requester WHERE national_id_encrypted IS NOT NULL AND national_id_hash IS NULL) AS hashes`;
      return row!;
    };
    const before = await stale();
    // Our own rows are among them.
    expect(before.identity * before.requester * before.drafts * before.hashes).toBeGreaterThan(0);

    process.env.FIELD_ENCRYPTION_KEYS = keyring(K2, K1, saved);
    const report = await rotateEncryptionKeys({ batchSize: 2 });
    expect(report["request_draft.data.about"]!.reencrypted).toBe(before.drafts);
    expect(report["citizen_identity.pid_encrypted"]!.reencrypted).toBe(before.identity);
    expect(report["requester.national_id_encrypted"]!.reencrypted).toBe(before.requester);
    expect(report["request_case.subject_national_id_encrypted"]!.reencrypted).toBe(before.subject);
    expect(report["requester.national_id_hash"]!.reencrypted).toBe(before.hashes);
    expect(await stale()).toEqual({ requester: 0, subject: 0, identity: 0, drafts: 0, hashes: 0 });

    const identity = await db().citizenIdentity.findUniqueOrThrow({ where: { id: identityId } });
    const req = await db().requester.findUniqueOrThrow({ where: { id: requester.id } });
    expect(identity.pidEncrypted).toMatch(/^k2\./);
    expect(req.nationalIdEncrypted).toMatch(/^k2\./);
    // A requester saved before the lookup hash existed gets it, so ID-porten can find their cases.
    expect(req.nationalIdHash).toBe(lookupHash(PID_B));

    // The old key can now go: everything still decrypts with k2 alone, and a second run has nothing to do.
    process.env.FIELD_ENCRYPTION_KEYS = K2;
    expect(decryptField(identity.pidEncrypted!)).toBe(PID_A);
    expect(decryptField(req.nationalIdEncrypted!)).toBe(PID_B);
    const draft = (await db().requestDraft.findUniqueOrThrow({ where: { id: draftId } })).data as { about: Record<string, string> };
    expect(draft.about.nationalIdEncrypted).toMatch(/^k2\./);
    expect(decryptField(draft.about.nationalIdEncrypted!)).toBe(PID_B);
    expect(decryptField(draft.about.subjectNationalIdEncrypted!)).toBe(PID_A);
    expect(draft.about.nationalIdMasked).toBe("010190*****");
    const again = await rotateEncryptionKeys();
    for (const entry of Object.values(again)) expect(entry.reencrypted).toBe(0);

    // Rotate back to the suite's key so the test files after this one can read their data.
    if (saved) {
      process.env.FIELD_ENCRYPTION_KEYS = keyring(saved, K2);
      await rotateEncryptionKeys();
    }
  });
});
