// `npm run db:roles`: creates the database roles and hands every object to portal_owner (README,
// "Database roles"). Idempotent: docker compose runs it before every start (service db-roles), a DBA
// can run it once instead of the SQL in the README.
//   DATABASE_ADMIN_URL      a superuser on the portal's database (used only here)
//   MIGRATION_DATABASE_URL  postgresql://portal_owner:<password>@...: the owner's password
//   DATABASE_URL            postgresql://<app login>:<password>@...: the app's login (any name but
//                           portal_owner/portal_app), made a member of portal_app
import pg from "pg";
import { OWNER_ROLE, ensureDatabaseRoles } from "./lib/database-roles";

function credentials(name: string): { user: string; password: string } {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} must be set (see README, "Database roles").`);
    process.exit(2);
  }
  const url = new URL(value);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  if (!user || !password) {
    console.error(`${name} must name a user and a password.`);
    process.exit(2);
  }
  return { user, password };
}

const adminUrl = process.env.DATABASE_ADMIN_URL;
if (!adminUrl) {
  console.error('DATABASE_ADMIN_URL (a superuser on the portal\'s database) must be set (see README, "Database roles").');
  process.exit(2);
}
const owner = credentials("MIGRATION_DATABASE_URL");
const app = credentials("DATABASE_URL");
if (owner.user !== OWNER_ROLE) {
  console.error(`MIGRATION_DATABASE_URL must log in as ${OWNER_ROLE} (objects belong to whoever creates them), not ${owner.user}.`);
  process.exit(2);
}

const admin = new pg.Client({ connectionString: adminUrl, application_name: "personvernportalen-db-roles" });
await admin.connect();
try {
  const { adopted } = await ensureDatabaseRoles(admin, { ownerPassword: owner.password, appLogin: app.user, appPassword: app.password });
  console.log(`[db-roles] ${OWNER_ROLE} owns the database${adopted ? ` (took over ${adopted} objects)` : ""}; ${app.user} logs in as a member of portal_app.`);
} catch (error) {
  console.error(`[db-roles] ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await admin.end();
}
