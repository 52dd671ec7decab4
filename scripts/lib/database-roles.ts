// The database roles (issue 10): the app connects as a role that owns nothing and is no superuser,
// so it cannot switch off the audit trail's triggers or rewrite it.
//
//   portal_owner      owns the database, its schemas (public, pgboss) and every object in them; logs
//                     in for the migrations and the seed (MIGRATION_DATABASE_URL). Never the app.
//   portal_app        NOLOGIN group role holding the app's grants (DML on the tables, SELECT/INSERT
//                     only on the append-only audit tables, EXECUTE on redact_case_events): see
//                     prisma/migrations/20261203140000_database_roles.
//   <app login>       the login the app connects with (DATABASE_URL): a member of portal_app that owns
//                     nothing, with no SUPERUSER, CREATEROLE, CREATEDB, REPLICATION or BYPASSRLS.
//                     Embedded default: portal_app_login.
//
// ensureDatabaseRoles() creates and corrects these roles and hands every object over to portal_owner
// (a database from before this change has everything owned by the superuser that created it). It
// needs a superuser: startEmbeddedPostgres runs it on every start, `npm run db:roles` runs it for
// docker compose or a DBA (scripts/db-roles.ts). The checks below are what serve.ts runs with the
// URLs it was given.
import pg from "pg";

export const OWNER_ROLE = "portal_owner";
export const APP_ROLE = "portal_app";
export const EMBEDDED_APP_LOGIN = "portal_app_login";
export const EMBEDDED_SUPERUSER = "portal";
/** The schemas portal_owner owns: the app's own and pg-boss's (created by the migration, filled by pg-boss). */
/**
 * The first lines of every migration after 20261203140000_database_roles: a superuser running the
 * migrations would otherwise own what they create, and the app would get none of its default grants.
 */
export const MIGRATION_PREAMBLE =
  "-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.\nSET ROLE portal_owner;\n";

export const OWNED_SCHEMAS = ["public", "pgboss"] as const;

// Embedded clusters listen on 127.0.0.1 only and are throwaway demo/test data: these passwords
// protect nothing outside this machine (see README, "Database roles").
export const EMBEDDED_PASSWORDS = { superuser: "portal-local", owner: "portal-owner-local", app: "portal-app-local" };

export type EmbeddedUrls = {
  /** The app's connection (portal_app_login, a member of portal_app). */
  appUrl: string;
  /** portal_owner: migrations and seed. */
  ownerUrl: string;
  /** The cluster's superuser: only to create the roles (startEmbeddedPostgres). */
  superuserUrl: string;
};

export function embeddedUrls(port: number, database: string): EmbeddedUrls {
  const url = (user: string, password: string) => `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
  return {
    appUrl: url(EMBEDDED_APP_LOGIN, EMBEDDED_PASSWORDS.app),
    ownerUrl: url(OWNER_ROLE, EMBEDDED_PASSWORDS.owner),
    superuserUrl: url(EMBEDDED_SUPERUSER, EMBEDDED_PASSWORDS.superuser),
  };
}

/**
 * One ALTER ... OWNER TO portal_owner per object in the owned schemas that someone else owns (the
 * same list the role migration walks). Objects of extensions (pg_trgm's functions) stay with the
 * extension; sequences that belong to a column move with their table; schema public may stay with
 * pg_database_owner (which is portal_owner once it owns the database).
 */
export const FOREIGN_OWNED_OBJECTS_SQL = `
  WITH ext AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e'),
  objects AS (
    SELECT 0 AS step, format('ALTER SCHEMA %I OWNER TO ${OWNER_ROLE}', n.nspname) AS stmt, n.nspowner AS owner
      FROM pg_namespace n WHERE n.nspname IN ('public', 'pgboss')
    UNION ALL
    SELECT 1, format('ALTER TABLE %I.%I OWNER TO ${OWNER_ROLE}', n.nspname, c.relname), c.relowner
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_class'::regclass AND ext.objid = c.oid)
    UNION ALL
    SELECT 2, format('ALTER SEQUENCE %I.%I OWNER TO ${OWNER_ROLE}', n.nspname, c.relname), c.relowner
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'pgboss') AND c.relkind = 'S'
       AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_class'::regclass AND ext.objid = c.oid)
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
    UNION ALL
    SELECT 3, format('ALTER ROUTINE %s OWNER TO ${OWNER_ROLE}', p.oid::regprocedure), p.proowner
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname IN ('public', 'pgboss')
       AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid)
    UNION ALL
    SELECT 4, format('ALTER TYPE %I.%I OWNER TO ${OWNER_ROLE}', n.nspname, t.typname), t.typowner
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname IN ('public', 'pgboss')
       AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
       AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_type'::regclass AND ext.objid = t.oid)
  )
  SELECT o.step, o.stmt, owner_role.rolname AS owner
    FROM objects o JOIN pg_roles owner_role ON owner_role.oid = o.owner
   WHERE owner_role.rolname NOT IN ('${OWNER_ROLE}', 'pg_database_owner')
   ORDER BY o.step, o.stmt`;

export type RoleOptions = {
  ownerPassword: string;
  appLogin: string;
  appPassword: string;
};

/**
 * Creates portal_owner, portal_app and the app's login (or corrects their attributes and passwords),
 * makes portal_owner the owner of the current database, its schemas and every object in them.
 * Idempotent. `admin` must be a superuser connected to the portal's database.
 */
export async function ensureDatabaseRoles(admin: pg.Client, options: RoleOptions): Promise<{ adopted: number }> {
  const { appLogin } = options;
  const me = await admin.query<{ user: string; superuser: boolean; database: string }>(
    "SELECT current_user AS user, rolsuper AS superuser, current_database() AS database FROM pg_roles WHERE rolname = current_user",
  );
  const { user, superuser, database } = me.rows[0]!;
  if (!superuser) throw new Error(`Creating the database roles needs a superuser; ${user} is not one.`);
  if ([OWNER_ROLE, APP_ROLE, user].includes(appLogin)) {
    throw new Error(`The app's login role must be a role of its own (a member of ${APP_ROLE}), not ${appLogin}.`);
  }
  const id = (name: string) => admin.escapeIdentifier(name);
  const literal = (text: string) => admin.escapeLiteral(text);
  const exists = async (role: string) => (await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount === 1;
  const limited = "NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

  if (!(await exists(OWNER_ROLE))) await admin.query(`CREATE ROLE ${id(OWNER_ROLE)}`);
  await admin.query(`ALTER ROLE ${id(OWNER_ROLE)} WITH LOGIN ${limited} PASSWORD ${literal(options.ownerPassword)}`);
  if (!(await exists(APP_ROLE))) await admin.query(`CREATE ROLE ${id(APP_ROLE)}`);
  await admin.query(`ALTER ROLE ${id(APP_ROLE)} WITH NOLOGIN ${limited}`);
  if (!(await exists(appLogin))) await admin.query(`CREATE ROLE ${id(appLogin)}`);
  await admin.query(`ALTER ROLE ${id(appLogin)} WITH LOGIN INHERIT ${limited} PASSWORD ${literal(options.appPassword)}`);
  await admin.query(`GRANT ${id(APP_ROLE)} TO ${id(appLogin)}`);
  // Whoever the app logs in as must not reach the owner through any membership.
  const owns = await admin.query<{ member: boolean }>("SELECT pg_has_role($1, $2, 'MEMBER') AS member", [appLogin, OWNER_ROLE]);
  if (owns.rows[0]!.member) throw new Error(`${appLogin} is a member of ${OWNER_ROLE}: revoke that first, the app must not own anything.`);

  await admin.query(`ALTER DATABASE ${id(database)} OWNER TO ${id(OWNER_ROLE)}`);
  // The app, and everyone else, may not create objects in public (PostgreSQL 15+ has this by
  // default; older clusters and databases restored from them do not).
  await admin.query(`ALTER SCHEMA public OWNER TO ${id(OWNER_ROLE)}`);
  await admin.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
  const foreign = await admin.query<{ stmt: string }>(FOREIGN_OWNED_OBJECTS_SQL);
  for (const row of foreign.rows) await admin.query(row.stmt);
  return { adopted: foreign.rows.length };
}

export type RoleReport = {
  user: string;
  superuser: boolean;
  /** current_user is portal_owner or can act as it. */
  owner: boolean;
  /** current_user is a member of portal_app. */
  app: boolean;
  rolesExist: boolean;
  /** Objects in the owned schemas that someone other than portal_owner owns. */
  foreignOwned: number;
};

/** Who a connection string logs in as, and how that relates to the roles. Never throws for a missing role. */
export async function describeRole(connectionString: string): Promise<RoleReport> {
  const client = new pg.Client({ connectionString, application_name: "personvernportalen-role-check" });
  await client.connect();
  try {
    const row = (
      await client.query<Omit<RoleReport, "foreignOwned">>(
        `SELECT current_user AS user, r.rolsuper AS superuser,
                to_regrole('${OWNER_ROLE}') IS NOT NULL AND to_regrole('${APP_ROLE}') IS NOT NULL AS "rolesExist",
                to_regrole('${OWNER_ROLE}') IS NOT NULL AND pg_has_role(current_user, '${OWNER_ROLE}', 'MEMBER') AS owner,
                to_regrole('${APP_ROLE}') IS NOT NULL AND pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') AS app
           FROM pg_roles r WHERE r.rolname = current_user`,
      )
    ).rows[0]!;
    const foreign = await client.query(FOREIGN_OWNED_OBJECTS_SQL);
    return { ...row, foreignOwned: foreign.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}

/**
 * Before `prisma migrate deploy`: refuses a migration login that cannot end up with portal_owner
 * owning everything (so the role migration does not fail half-way), and returns warnings for
 * setups that work but are not the intended one.
 */
export async function checkMigrationRole(connectionString: string): Promise<string[]> {
  const role = await describeRole(connectionString);
  const fix = "see README, \"Database roles\" (npm run db:roles with a superuser URL creates the roles and hands the objects over)";
  if (role.superuser) {
    return [`Migrations run as the superuser ${role.user}: set MIGRATION_DATABASE_URL to ${OWNER_ROLE} so later migrations' tables belong to ${OWNER_ROLE} (${fix}).`];
  }
  if (!role.rolesExist) throw new Error(`The database roles ${OWNER_ROLE} and ${APP_ROLE} do not exist: ${fix}.`);
  if (role.user !== OWNER_ROLE) {
    throw new Error(`Migrations must run as ${OWNER_ROLE} (MIGRATION_DATABASE_URL), not ${role.user}: objects they create belong to whoever runs them (${fix}).`);
  }
  if (role.foreignOwned > 0) {
    throw new Error(`${role.foreignOwned} objects in the database belong to another role than ${OWNER_ROLE}, which cannot take them over itself: ${fix}.`);
  }
  return [];
}

/** After the migrations: warnings if the app's own connection could rewrite the audit trail. */
export async function checkAppRole(connectionString: string): Promise<string[]> {
  const role = await describeRole(connectionString);
  const risk = "it could switch off the audit trail's protection (see README, \"Database roles\")";
  if (role.superuser) return [`DATABASE_URL connects as the superuser ${role.user}: ${risk}.`];
  if (role.owner) return [`DATABASE_URL connects as ${role.user}, which owns the portal's tables (${OWNER_ROLE}): ${risk}.`];
  if (!role.app) return [`DATABASE_URL connects as ${role.user}, which is not a member of ${APP_ROLE}: the app will lack the grants it needs.`];
  return [];
}
