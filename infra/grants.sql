-- Privileges of chitieu_app on the objects the migrations created. Idempotent: apply after every
-- `pnpm db:migrate`, as the owner of the objects or a superuser:
--   psql "$OWNER_URL" -f infra/grants.sql
REVOKE ALL ON events, tenants, subscription_checkpoints FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO chitieu_app;
-- The log: INSERT and SELECT only. UPDATE, DELETE and TRUNCATE are not granted, and triggers reject
-- them even for roles that have them.
GRANT SELECT, INSERT ON events TO chitieu_app;
GRANT USAGE ON SEQUENCE events_position_seq TO chitieu_app;
GRANT SELECT, INSERT ON tenants TO chitieu_app;
GRANT SELECT, INSERT, UPDATE ON subscription_checkpoints TO chitieu_app;
GRANT EXECUTE ON FUNCTION append_events(text, text, text, integer, jsonb) TO chitieu_app;
-- Lets a starting process see that the schema is current without being able to change it.
GRANT SELECT ON kysely_migration TO chitieu_app;
-- Read models: the projector (running as chitieu_app) keeps them; they are rebuilt from the log.
REVOKE ALL ON projection_generations, rm_provinces, rm_indicators, rm_plans, rm_plan_tasks, rm_targets,
  rm_reports, rm_rounds, rm_round_submissions, rm_progress, rm_comparison FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON projection_generations, rm_provinces, rm_indicators, rm_plans,
  rm_plan_tasks, rm_targets, rm_reports, rm_rounds, rm_round_submissions, rm_progress, rm_comparison TO chitieu_app;
-- Requests (chitieu_api) read; row-level security narrows the tenant tables and the log to the token's.
GRANT USAGE ON SCHEMA public TO chitieu_api;
GRANT SELECT ON events, tenants, projection_generations, rm_provinces, rm_indicators, rm_plans, rm_plan_tasks,
  rm_targets, rm_reports, rm_rounds, rm_round_submissions, rm_progress, rm_comparison TO chitieu_api;
