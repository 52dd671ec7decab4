// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (prisma migrate deploy).
import { migrateDeploy } from "./lib/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL first (npm start does this for the embedded database by itself).");
  process.exit(2);
}
await migrateDeploy(url);
