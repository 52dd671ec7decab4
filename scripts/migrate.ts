// `npm run db:migrate`: applies the committed migrations (prisma migrate deploy) as the owner role:
// MIGRATION_DATABASE_URL, or DATABASE_URL when that is the only one (see README, "Database roles").
import { migrateDeploy } from "./lib/migrate";

const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  console.error("Set MIGRATION_DATABASE_URL (portal_owner) first (npm start does this for the embedded database by itself).");
  process.exit(2);
}
await migrateDeploy(url);
