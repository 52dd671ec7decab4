-- Database roles (issue 10). The app connects as a member of portal_app, a role that owns nothing and
-- is no superuser: it cannot switch off case_event's triggers (ALTER TABLE needs the owner), set
-- session_replication_role (superuser only) or change any table. portal_owner owns the schemas and
-- every object in them and runs the migrations and the seed. See README, Database roles.
--
-- Every statement is idempotent: roles may exist already (npm run db:roles, a DBA, the embedded
-- start), and a database from before this migration may have everything owned by the role that
-- created it (portal). The migration engine splits on semicolons, so function bodies and DO blocks are
-- E-strings with \073 for each semicolon, and no comment or string here holds a real one.

-- 1. The two fixed roles, unless they exist (creating them needs CREATEROLE: a superuser run).
DO E'BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''portal_owner'') THEN CREATE ROLE portal_owner NOLOGIN\073 END IF\073
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''portal_app'') THEN CREATE ROLE portal_app NOLOGIN\073 END IF\073
END';

-- 2. portal_owner takes over everything in public and pgboss that another role owns (a database from
-- before this migration). The same list as FOREIGN_OWNED_OBJECTS_SQL in scripts/lib/database-roles.ts:
-- extension objects stay with their extension, column sequences move with their table. Whoever runs
-- this must be a superuser, or own those objects and be a member of portal_owner. If not, nothing is
-- changed and the error says what to do.
DO E'DECLARE
  adopt record\073
  blocked text\073
  is_superuser boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)\073
BEGIN
  SELECT string_agg(DISTINCT f.owner, '', '') INTO blocked FROM (WITH ext AS (SELECT classid, objid FROM pg_depend WHERE deptype = ''e''), objects AS ( SELECT 0 AS step, format(''ALTER SCHEMA %I OWNER TO portal_owner'', n.nspname) AS stmt, n.nspowner AS owner FROM pg_namespace n WHERE n.nspname IN (''public'', ''pgboss'') UNION ALL SELECT 1, format(''ALTER TABLE %I.%I OWNER TO portal_owner'', n.nspname, c.relname), c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN (''public'', ''pgboss'') AND c.relkind IN (''r'', ''p'', ''v'', ''m'', ''f'') AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = ''pg_class''::regclass AND ext.objid = c.oid) UNION ALL SELECT 2, format(''ALTER SEQUENCE %I.%I OWNER TO portal_owner'', n.nspname, c.relname), c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN (''public'', ''pgboss'') AND c.relkind = ''S'' AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = ''pg_class''::regclass AND ext.objid = c.oid) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = ''pg_class''::regclass AND d.objid = c.oid AND d.refclassid = ''pg_class''::regclass AND d.deptype IN (''a'', ''i'')) UNION ALL SELECT 3, format(''ALTER ROUTINE %s OWNER TO portal_owner'', p.oid::regprocedure), p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN (''public'', ''pgboss'') AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = ''pg_proc''::regclass AND ext.objid = p.oid) UNION ALL SELECT 4, format(''ALTER TYPE %I.%I OWNER TO portal_owner'', n.nspname, t.typname), t.typowner FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname IN (''public'', ''pgboss'') AND (t.typtype IN (''e'', ''d'', ''r'') OR (t.typtype = ''c'' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = ''c'')) AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = ''pg_type''::regclass AND ext.objid = t.oid) ) SELECT o.step, o.stmt, owner_role.rolname AS owner FROM objects o JOIN pg_roles owner_role ON owner_role.oid = o.owner WHERE owner_role.rolname NOT IN (''portal_owner'', ''pg_database_owner'') ORDER BY o.step, o.stmt) f
   WHERE NOT is_superuser AND NOT (pg_has_role(current_user, f.owner, ''USAGE'') AND pg_has_role(current_user, ''portal_owner'', ''MEMBER''))\073
  IF blocked IS NOT NULL THEN
    RAISE EXCEPTION ''objects owned by % cannot be handed over to portal_owner by %: run npm run db:roles with a superuser URL first (README, Database roles), then npx prisma migrate resolve --rolled-back 20261203140000_database_roles, and migrate again as portal_owner'', blocked, current_user\073
  END IF\073
  IF is_superuser THEN
    EXECUTE format(''ALTER DATABASE %I OWNER TO portal_owner'', current_database())\073
  END IF\073
  FOR adopt IN WITH ext AS (SELECT classid, objid FROM pg_depend WHERE deptype = ''e''), objects AS ( SELECT 0 AS step, format(''ALTER SCHEMA %I OWNER TO portal_owner'', n.nspname) AS stmt, n.nspowner AS owner FROM pg_namespace n WHERE n.nspname IN (''public'', ''pgboss'') UNION ALL SELECT 1, format(''ALTER TABLE %I.%I OWNER TO portal_owner'', n.nspname, c.relname), c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN (''public'', ''pgboss'') AND c.relkind IN (''r'', ''p'', ''v'', ''m'', ''f'') AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = ''pg_class''::regclass AND ext.objid = c.oid) UNION ALL SELECT 2, format(''ALTER SEQUENCE %I.%I OWNER TO portal_owner'', n.nspname, c.relname), c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN (''public'', ''pgboss'') AND c.relkind = ''S'' AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = ''pg_class''::regclass AND ext.objid = c.oid) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = ''pg_class''::regclass AND d.objid = c.oid AND d.refclassid = ''pg_class''::regclass AND d.deptype IN (''a'', ''i'')) UNION ALL SELECT 3, format(''ALTER ROUTINE %s OWNER TO portal_owner'', p.oid::regprocedure), p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN (''public'', ''pgboss'') AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = ''pg_proc''::regclass AND ext.objid = p.oid) UNION ALL SELECT 4, format(''ALTER TYPE %I.%I OWNER TO portal_owner'', n.nspname, t.typname), t.typowner FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname IN (''public'', ''pgboss'') AND (t.typtype IN (''e'', ''d'', ''r'') OR (t.typtype = ''c'' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = ''c'')) AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = ''pg_type''::regclass AND ext.objid = t.oid) ) SELECT o.step, o.stmt, owner_role.rolname AS owner FROM objects o JOIN pg_roles owner_role ON owner_role.oid = o.owner WHERE owner_role.rolname NOT IN (''portal_owner'', ''pg_database_owner'') ORDER BY o.step, o.stmt LOOP
    EXECUTE adopt.stmt\073
  END LOOP\073
END';

-- 3. Nobody but the owner creates objects: no schemas (database CREATE is the owner's), no temporary
-- tables, nothing in public or pgboss. pg-boss keeps its jobs in its own schema, which the
-- owner creates here and fills at start-up (scripts/lib/job-schema.ts): the app only reads and
-- writes rows there.
DO E'BEGIN EXECUTE format(''REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC'', current_database())\073 END';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO portal_app;
DO E'BEGIN IF to_regnamespace(''pgboss'') IS NULL THEN CREATE SCHEMA pgboss\073 END IF\073 END';
ALTER SCHEMA pgboss OWNER TO portal_owner;
REVOKE CREATE ON SCHEMA pgboss FROM PUBLIC;
GRANT USAGE ON SCHEMA pgboss TO portal_app;

-- 4. What later migrations (and pg-boss) create is granted by itself. Append-only tables revoke
-- UPDATE and DELETE again in their own migration, as case_event does below.
ALTER DEFAULT PRIVILEGES FOR ROLE portal_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_app;
ALTER DEFAULT PRIVILEGES FOR ROLE portal_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO portal_app;
ALTER DEFAULT PRIVILEGES FOR ROLE portal_owner IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO portal_app;
ALTER DEFAULT PRIVILEGES FOR ROLE portal_owner IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_app;
ALTER DEFAULT PRIVILEGES FOR ROLE portal_owner IN SCHEMA pgboss GRANT USAGE, SELECT ON SEQUENCES TO portal_app;
ALTER DEFAULT PRIVILEGES FOR ROLE portal_owner IN SCHEMA pgboss GRANT EXECUTE ON FUNCTIONS TO portal_app;

-- 5. And what exists already: every table, sequence and function (extension functions keep their
-- PUBLIC grant). No TRUNCATE, REFERENCES or TRIGGER anywhere.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portal_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portal_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO portal_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO portal_app;
DO E'DECLARE
  routine record\073
BEGIN
  FOR routine IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname IN (''public'', ''pgboss'')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = ''pg_proc''::regclass AND d.objid = p.oid AND d.deptype = ''e'')
  LOOP
    EXECUTE format(''GRANT EXECUTE ON ROUTINE %s TO portal_app'', routine.fn)\073
  END LOOP\073
END';

-- 6. Prisma's migration history is the owner's alone: the app can neither read nor write it.
REVOKE ALL ON TABLE _prisma_migrations FROM portal_app;
REVOKE ALL ON TABLE _prisma_migrations FROM PUBLIC;

-- 7. The audit trail: the app may read and append, nothing else. The triggers stay as a second wall.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE case_event FROM portal_app;
REVOKE ALL ON TABLE case_event FROM PUBLIC;
GRANT SELECT, INSERT ON TABLE case_event TO portal_app;

-- 8. Retention's one way to blank the free text of audit events. case_event_redact is the pure rule:
-- every value under a free-text key (FREE_TEXT_EVENT_KEYS in lib/domain/retention.ts, kept equal by
-- tests/integration/database-roles.test.ts) becomes JSON null, at any depth, and nothing else changes.
CREATE OR REPLACE FUNCTION case_event_redact(payload jsonb) RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
E'BEGIN
  IF jsonb_typeof(payload) = ''object'' THEN
    RETURN (SELECT coalesce(jsonb_object_agg(e.key, CASE WHEN e.key = ANY (ARRAY[''reason'', ''reasons'', ''note'', ''body'', ''text'', ''description'', ''comment'', ''answer'', ''message'', ''name'', ''subjectName'', ''email'', ''phone'', ''postalAddress'', ''address'', ''fileName'', ''recipient'', ''details'']) AND jsonb_typeof(e.value) <> ''null'' THEN ''null''::jsonb ELSE public.case_event_redact(e.value) END), ''{}''::jsonb)
              FROM jsonb_each(payload) AS e)\073
  ELSIF jsonb_typeof(payload) = ''array'' THEN
    RETURN (SELECT coalesce(jsonb_agg(public.case_event_redact(a.value) ORDER BY a.n), ''[]''::jsonb)
              FROM jsonb_array_elements(payload) WITH ORDINALITY AS a(value, n))\073
  END IF\073
  RETURN payload\073
END';
ALTER FUNCTION case_event_redact(jsonb) OWNER TO portal_owner;

-- redact_case_events runs as its owner (portal_owner), with a fixed search_path, for one case that
-- is anonymised (and so closed): it sets each event's before and after to their redacted form and
-- returns how many events changed. Any other case is refused. The app may call it, and nothing else
-- lets it change an event.
CREATE OR REPLACE FUNCTION redact_case_events(target_case uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
E'DECLARE
  changed integer\073
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.request_case c WHERE c.id = target_case AND c.anonymised_at IS NOT NULL AND c.closed_at IS NOT NULL) THEN
    RAISE EXCEPTION ''case_event redaction refused: case % is not anonymised'', target_case USING ERRCODE = ''insufficient_privilege''\073
  END IF\073
  UPDATE public.case_event e
     SET before = public.case_event_redact(e.before), after = public.case_event_redact(e.after)
   WHERE e.case_id = target_case
     AND (e.before IS DISTINCT FROM public.case_event_redact(e.before) OR e.after IS DISTINCT FROM public.case_event_redact(e.after))\073
  GET DIAGNOSTICS changed = ROW_COUNT\073
  RETURN changed\073
END';
ALTER FUNCTION redact_case_events(uuid) OWNER TO portal_owner;
REVOKE ALL ON FUNCTION redact_case_events(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION redact_case_events(uuid) TO portal_app;

-- The trigger, whoever asks (the owner too): refuses UPDATE and DELETE, except an UPDATE that changes
-- only before and after, to exactly their redacted form, on an anonymised case. The session setting
-- portal.retention_redaction, which any session could set, no longer opens anything.
CREATE OR REPLACE FUNCTION case_event_is_append_only() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
E'BEGIN
  IF TG_OP = ''UPDATE''
     AND to_jsonb(NEW) - ''before'' - ''after'' = to_jsonb(OLD) - ''before'' - ''after''
     AND NEW.before IS NOT DISTINCT FROM public.case_event_redact(OLD.before)
     AND NEW.after IS NOT DISTINCT FROM public.case_event_redact(OLD.after)
     AND EXISTS (SELECT 1 FROM public.request_case c WHERE c.id = OLD.case_id AND c.anonymised_at IS NOT NULL) THEN
    RETURN NEW\073
  END IF\073
  RAISE EXCEPTION ''case_event is append-only: % is not allowed'', TG_OP USING ERRCODE = ''insufficient_privilege''\073
END';
ALTER FUNCTION case_event_is_append_only() OWNER TO portal_owner;
