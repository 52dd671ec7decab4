// Uploaded files live on disk outside the web root (never under public/), under a random storage
// key; they are only ever served through app/api/files/[id]/route.ts after an access check.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export function storageDir(): string {
  // Chosen at run time from the environment; not part of the build output.
  return path.resolve(/*turbopackIgnore: true*/ process.env.STORAGE_DIR ?? path.join(process.env.DATA_DIR ?? ".data", "files"));
}

const KEY_PATTERN = /^[a-f0-9]{64}$/;

function pathFor(storageKey: string): string {
  if (!KEY_PATTERN.test(storageKey)) throw new Error("files: malformed storage key");
  return path.join(storageDir(), storageKey.slice(0, 2), storageKey);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes the bytes under a new random key (never overwrites: flag "wx"). */
export async function storeFile(bytes: Uint8Array): Promise<{ storageKey: string; sha256: string }> {
  const storageKey = randomBytes(32).toString("hex");
  const file = pathFor(storageKey);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, bytes, { flag: "wx", mode: 0o600 });
  return { storageKey, sha256: sha256Of(bytes) };
}

export async function readStoredFile(storageKey: string): Promise<Buffer> {
  return readFile(pathFor(storageKey));
}

export async function removeStoredFile(storageKey: string): Promise<void> {
  await rm(pathFor(storageKey), { force: true });
}
