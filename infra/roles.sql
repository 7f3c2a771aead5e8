-- Roles of chitieu. Run once per PostgreSQL cluster, as a superuser:
--   psql "$ADMIN_URL" -f infra/roles.sql
-- Then migrate as chitieu_owner, apply infra/grants.sql, and run the application as chitieu_app.
-- Passwords are not set here: set them with ALTER ROLE … PASSWORD from a secret store.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chitieu_owner') THEN
    -- Owns the schema and runs migrations; never used by the running application.
    CREATE ROLE chitieu_owner LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chitieu_app') THEN
    -- The running application: reads and appends events, nothing else on the log.
    CREATE ROLE chitieu_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chitieu_api') THEN
    -- What a GraphQL request runs as (SET LOCAL ROLE): it reads only what row-level security lets
    -- the request's token see, and writes nothing directly. It cannot log in.
    CREATE ROLE chitieu_api NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;
GRANT chitieu_api TO chitieu_app;
