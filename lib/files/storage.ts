// Uploaded files live on disk outside the web root (never under public/), under a random storage
// key; they are only ever served through app/api/files/[id]/route.ts after an access check.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
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

/**
 * Writes the bytes under a new random key (never overwrites: flag "wx"). A write that fails half
 * way (disk full, storage gone) removes what it wrote, so no partial file is left without a row.
 */
export async function storeFile(bytes: Uint8Array | AsyncIterable<Uint8Array>): Promise<{ storageKey: string; sha256: string }> {
  const storageKey = randomBytes(32).toString("hex");
  const file = pathFor(storageKey);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const hash = createHash("sha256");
  const content =
    bytes instanceof Uint8Array
      ? (hash.update(bytes), bytes)
      : (async function* () {
          for await (const chunk of bytes) {
            hash.update(chunk);
            yield chunk;
          }
        })();
  try {
    await writeFile(file, content, { flag: "wx", mode: 0o600 });
  } catch (error) {
    await rm(file, { force: true }).catch(() => {});
    throw error;
  }
  return { storageKey, sha256: hash.digest("hex") };
}

/**
 * Every stored file's key with its last change, for the sweep of files no row points at (a crash
 * between writing a file and committing its row). Keys only: nothing else is read.
 */
export async function* listStoredFiles(): AsyncGenerator<{ storageKey: string; modifiedAt: Date }> {
  let shards: string[];
  try {
    shards = await readdir(storageDir());
  } catch {
    return;
  }
  for (const shard of shards) {
    if (!/^[a-f0-9]{2}$/.test(shard)) continue;
    for (const name of await readdir(path.join(storageDir(), shard)).catch(() => [] as string[])) {
      if (!KEY_PATTERN.test(name) || name.slice(0, 2) !== shard) continue;
      const info = await stat(path.join(storageDir(), shard, name)).catch(() => null);
      if (info?.isFile()) yield { storageKey: name, modifiedAt: info.mtime };
    }
  }
}

export async function readStoredFile(storageKey: string): Promise<Buffer> {
  return readFile(pathFor(storageKey));
}

export async function removeStoredFile(storageKey: string): Promise<void> {
  await rm(pathFor(storageKey), { force: true });
}
