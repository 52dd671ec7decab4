// Re-encrypts every application-encrypted column with the current key (the first entry of
// FIELD_ENCRYPTION_KEYS), and fills in missing national-id lookup hashes of older requesters. Rotation: put the new key first, keep the old one after it, deploy, run this,
// then remove the old key. Safe to run repeatedly and while the app runs: each row is updated only if
// its ciphertext is still the one that was read (compare-and-set), in batches.
//   DATABASE_URL=... FIELD_ENCRYPTION_KEYS="k2:...,k1:..." tsx scripts/rotate-encryption-keys.ts [--batch=500]
import { pathToFileURL } from "node:url";
import { db, disconnectDb } from "../lib/db/client";
import { assertFieldEncryptionConfigured, decryptField, encryptField, lookupHash, needsReencryption } from "../lib/crypto/field-encryption";

/** table / id column / encrypted column, as in the database (see prisma/schema.prisma @map). */
export const ENCRYPTED_COLUMNS = [
  { table: "requester", column: "national_id_encrypted" },
  { table: "request_case", column: "subject_national_id_encrypted" },
  { table: "citizen_identity", column: "pid_encrypted" },
] as const;

export type RotationReport = Record<string, { scanned: number; reencrypted: number }>;

export async function rotateEncryptionKeys(options: { batchSize?: number; log?: (line: string) => void } = {}) {
  assertFieldEncryptionConfigured();
  const batchSize = options.batchSize ?? 500;
  const report: RotationReport = {};
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    let scanned = 0;
    let reencrypted = 0;
    let afterId = "00000000-0000-0000-0000-000000000000";
    // Keyset pagination over the uuid primary key; identifiers come from the constant list above.
    for (;;) {
      const rows = await db().$queryRawUnsafe<{ id: string; value: string }[]>(
        `SELECT id::text AS id, "${column}" AS value FROM "${table}"
         WHERE id > $1::uuid AND "${column}" IS NOT NULL ORDER BY id LIMIT $2`,
        afterId,
        batchSize,
      );
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.id;
      scanned += rows.length;
      const stale = rows.filter((r) => needsReencryption(r.value));
      if (stale.length > 0) {
        await db().$transaction(async (tx) => {
          for (const row of stale) {
            const fresh = encryptField(decryptField(row.value));
            reencrypted += await tx.$executeRawUnsafe(
              `UPDATE "${table}" SET "${column}" = $1 WHERE id = $2::uuid AND "${column}" = $3`,
              fresh,
              row.id,
              row.value,
            );
          }
        });
      }
      options.log?.(`${table}.${column}: ${scanned} scanned, ${reencrypted} re-encrypted`);
    }
    report[`${table}.${column}`] = { scanned, reencrypted };
  }
  report["request_draft.data.about"] = await rotateDrafts(batchSize, options.log);
  report["requester.national_id_hash"] = await backfillNationalIdHashes(batchSize, options.log);
  return report;
}

/**
 * Requesters saved before the lookup hash existed have the encrypted number but no hash, so an
 * ID-porten sign-in could not find their cases. Fills it in (idempotent; compare-and-set).
 */
async function backfillNationalIdHashes(batchSize: number, log?: (line: string) => void) {
  let scanned = 0;
  let reencrypted = 0;
  let afterId = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db().$queryRaw<{ id: string; value: string }[]>`
      SELECT id::text AS id, national_id_encrypted AS value FROM requester
      WHERE id > ${afterId}::uuid AND national_id_encrypted IS NOT NULL AND national_id_hash IS NULL
      ORDER BY id LIMIT ${batchSize}`;
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]!.id;
    scanned += rows.length;
    for (const row of rows) {
      reencrypted += await db().$executeRaw`
        UPDATE requester SET national_id_hash = ${lookupHash(decryptField(row.value))}
        WHERE id = ${row.id}::uuid AND national_id_hash IS NULL AND national_id_encrypted = ${row.value}`;
    }
    log?.(`requester.national_id_hash: ${scanned} scanned, ${reencrypted} filled in`);
  }
  return { scanned, reencrypted };
}

/** Fields inside a draft's JSON (lib/requests/draft.ts, `about`) that hold ciphertexts. */
export const DRAFT_ENCRYPTED_FIELDS = ["nationalIdEncrypted", "subjectNationalIdEncrypted"] as const;

/**
 * Drafts (kept a day) carry the typed fødselsnummer encrypted inside their JSON: re-encrypt those
 * too, or removing the old key would break a draft that is sent after the rotation.
 */
async function rotateDrafts(batchSize: number, log?: (line: string) => void) {
  let scanned = 0;
  let reencrypted = 0;
  let afterId = "";
  for (;;) {
    const rows = await db().$queryRaw<{ id: string; data: { about?: Record<string, unknown> } }[]>`
      SELECT id, data FROM request_draft
      WHERE id > ${afterId} AND (data->'about' ? 'nationalIdEncrypted' OR data->'about' ? 'subjectNationalIdEncrypted')
      ORDER BY id LIMIT ${batchSize}`;
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]!.id;
    scanned += rows.length;
    for (const row of rows) {
      const about = row.data.about ?? {};
      const updated = { ...about };
      let changed = false;
      for (const field of DRAFT_ENCRYPTED_FIELDS) {
        const value = about[field];
        if (typeof value === "string" && needsReencryption(value)) {
          updated[field] = encryptField(decryptField(value));
          changed = true;
        }
      }
      if (!changed) continue;
      // Compare-and-set on the whole `about` object: a draft saved meanwhile is left for the next run.
      reencrypted += await db().$executeRaw`
        UPDATE request_draft SET data = jsonb_set(data, '{about}', ${JSON.stringify(updated)}::jsonb)
        WHERE id = ${row.id} AND data->'about' = ${JSON.stringify(about)}::jsonb`;
    }
    log?.(`request_draft.data.about: ${scanned} scanned, ${reencrypted} re-encrypted`);
  }
  return { scanned, reencrypted };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const batchArg = process.argv.find((a) => a.startsWith("--batch="));
  rotateEncryptionKeys({
    batchSize: batchArg ? Number(batchArg.slice("--batch=".length)) : undefined,
    log: (line) => console.log(`[rotate] ${line}`),
  })
    .then((report) => {
      console.log(`[rotate] done: ${JSON.stringify(report)}`);
      return disconnectDb();
    })
    .catch(async (error) => {
      console.error(`[rotate] failed: ${(error as Error).message}`);
      await disconnectDb();
      process.exit(1);
    });
}
