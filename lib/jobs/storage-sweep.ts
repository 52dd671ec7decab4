// Job: the nightly sweep of stored files that no row points at. A file is written before its row
// is committed (lib/files/upload-attachment.ts, letters, exports); if the process dies in between,
// or a transaction fails and the clean-up could not run, the file would stay forever (retention
// deletes files through their rows). Files younger than an hour are left alone: their upload may
// still be committing. Logs counts only. Safe to run twice at once (deleting twice is harmless).
import { db } from "@/lib/db/client";
import { listStoredFiles, removeStoredFile } from "@/lib/files/storage";
import { logger } from "@/lib/log";

export const SWEEP_MIN_AGE_MS = 60 * 60 * 1000;
const BATCH = 500;

export type StorageSweepResult = { checked: number; removed: number };

export async function runStorageSweep(options: { now?: Date } = {}): Promise<StorageSweepResult> {
  const now = options.now ?? new Date();
  let checked = 0;
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = await db().attachment.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } });
    const known = new Set(rows.map((a) => a.storageKey));
    for (const key of batch) {
      if (known.has(key)) continue;
      await removeStoredFile(key);
      removed++;
    }
    batch = [];
  };
  for await (const file of listStoredFiles()) {
    checked++;
    if (now.getTime() - file.modifiedAt.getTime() < SWEEP_MIN_AGE_MS) continue;
    batch.push(file.storageKey);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  logger.info("storage_sweep.done", { checked, removed });
  return { checked, removed };
}
