// Issue 10 item 11: a failed file write leaves nothing behind, and the nightly sweep removes stored
// files that no row points at (a crash between the file and its row) without touching the others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import { storageDir, storeFile } from "@/lib/files/storage";
import { runStorageSweep, SWEEP_MIN_AGE_MS } from "@/lib/jobs/storage-sweep";
import { JOBS } from "@/lib/jobs/job-runner";

const DIR = path.resolve(process.env.TEST_DATA_DIR ?? ".data-test-integration", `files-sweep-${randomUUID()}`);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

beforeAll(() => {
  process.env.STORAGE_DIR = DIR;
});

afterAll(async () => {
  await disconnectDb();
});

function storedKeys(): string[] {
  if (!existsSync(storageDir())) return [];
  return readdirSync(storageDir()).flatMap((shard) => readdirSync(path.join(storageDir(), shard)));
}

function fileOf(key: string) {
  return path.join(storageDir(), key.slice(0, 2), key);
}

function age(key: string, ms: number) {
  const then = new Date(Date.now() - ms);
  utimesSync(fileOf(key), then, then);
}

async function attachmentRowFor(storageKey: string) {
  const c = await db().case.findFirstOrThrow({ select: { id: true } });
  return db().attachment.create({
    data: {
      caseId: c.id,
      fileName: "brev.pdf",
      contentType: "application/pdf",
      sizeBytes: PDF.length,
      sha256: "0".repeat(64),
      storageKey,
      uploadedBy: "citizen",
    },
  });
}

describe("file storage", () => {
  it("removes a half-written file when the write fails", async () => {
    const before = storedKeys().length;
    async function* failing() {
      yield new Uint8Array(PDF);
      throw new Error("disk full");
    }
    await expect(storeFile(failing())).rejects.toThrow("disk full");
    expect(storedKeys().length).toBe(before);
  });

  it("refuses cleanly when storage cannot be written at all", async () => {
    // A path below a regular file: mkdir fails even for root (CI runs as root, so no chmod trick).
    const blocker = path.join(DIR, `blocker-${randomBytes(4).toString("hex")}`);
    mkdirSync(DIR, { recursive: true });
    writeFileSync(blocker, "");
    process.env.STORAGE_DIR = path.join(blocker, "files");
    try {
      await expect(storeFile(new Uint8Array(PDF))).rejects.toThrow();
    } finally {
      process.env.STORAGE_DIR = DIR;
    }
  });

  it("stores a streamed file with the hash of everything written", async () => {
    async function* chunks() {
      yield new Uint8Array(PDF.subarray(0, 10));
      yield new Uint8Array(PDF.subarray(10));
    }
    const streamed = await storeFile(chunks());
    const whole = await storeFile(new Uint8Array(PDF));
    expect(streamed.sha256).toBe(whole.sha256);
    expect(streamed.storageKey).not.toBe(whole.storageKey);
  });

  it("sweeps old files without a row, keeps files with a row and files still being committed", async () => {
    const orphan = (await storeFile(new Uint8Array(PDF))).storageKey;
    const fresh = (await storeFile(new Uint8Array(PDF))).storageKey;
    const kept = (await storeFile(new Uint8Array(PDF))).storageKey;
    await attachmentRowFor(kept);
    age(orphan, SWEEP_MIN_AGE_MS + 60_000);
    age(kept, 400 * 24 * 3600 * 1000);
    age(fresh, SWEEP_MIN_AGE_MS - 60_000);
    // Something that is not one of our keys is never touched.
    mkdirSync(path.join(storageDir(), "zz"), { recursive: true });
    writeFileSync(path.join(storageDir(), "zz", "README"), "not a stored file");

    const result = await runStorageSweep();
    expect(result.removed).toBeGreaterThanOrEqual(1);
    expect(existsSync(fileOf(orphan))).toBe(false);
    expect(existsSync(fileOf(kept))).toBe(true);
    expect(existsSync(fileOf(fresh))).toBe(true);
    expect(existsSync(path.join(storageDir(), "zz", "README"))).toBe(true);

    // A second run finds nothing more to do.
    const again = await runStorageSweep();
    expect(again.removed).toBe(0);
  });

  it("keeps a file whose row exists even when the row's file was already deleted by retention", async () => {
    const key = (await storeFile(new Uint8Array(PDF))).storageKey;
    const row = await attachmentRowFor(key);
    await db().attachment.update({ where: { id: row.id }, data: { deletedAt: new Date() } });
    age(key, 2 * SWEEP_MIN_AGE_MS);
    await runStorageSweep();
    // The sweep is for files nobody knows; retention owns the files of known rows.
    expect(existsSync(fileOf(key))).toBe(true);
  });

  it("is one of the scheduled jobs, nightly", () => {
    expect(JOBS["storage-sweep"].defaultCron).toBe("15 3 * * *");
    expect(JOBS["storage-sweep"].cronEnv).toBe("STORAGE_SWEEP_CRON");
  });

  it("finds nothing to do when storage does not exist yet", async () => {
    process.env.STORAGE_DIR = path.join(DIR, `missing-${randomBytes(4).toString("hex")}`);
    try {
      expect(await runStorageSweep()).toEqual({ checked: 0, removed: 0 });
    } finally {
      process.env.STORAGE_DIR = DIR;
    }
  });
});
