// Applies the committed migrations with `prisma migrate deploy` (offline, WebAssembly engine).
import { spawn } from "node:child_process";
import path from "node:path";

// Run it as the owner (portal_owner): every object belongs to whoever creates it (README, "Database roles").
// `config`: another prisma.config.ts (tests that apply only the migrations of an older release).
export async function migrateDeploy(databaseUrl: string, log: (line: string) => void = console.log, options: { config?: string } = {}) {
  const prismaBin = path.resolve("node_modules", ".bin", "prisma");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(prismaBin, ["migrate", "deploy", ...(options.config ? ["--config", options.config] : [])], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) {
        const applied = output.split("\n").filter((l) => /migration|applied|No pending/i.test(l));
        applied.forEach((l) => log(l.trim()));
        resolve();
      } else {
        reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`));
      }
    });
  });
}
