// Prisma CLI configuration. Prisma runs fully offline on its WebAssembly engines through a driver
// adapter (see README, "Prisma offline"): no native engine is downloaded, here or in production.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "adapter-pg-7";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    return new PrismaPg({ connectionString });
  },
});
