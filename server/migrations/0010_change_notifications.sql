-- Roster caches key on roster_revision: any change to what a roster shows bumps it in the writer's own
-- transaction, whoever writes (API, imports, demo seed, CLI, SQL by hand). Statement-level, so a bulk
-- import bumps once.
INSERT INTO "roster_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION bump_roster_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE roster_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enrolments_bump_roster_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enrolments" FOR EACH STATEMENT EXECUTE FUNCTION bump_roster_revision();
--> statement-breakpoint
CREATE TRIGGER people_bump_roster_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "people" FOR EACH STATEMENT EXECUTE FUNCTION bump_roster_revision();
--> statement-breakpoint
CREATE TRIGGER municipalities_bump_roster_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "municipalities" FOR EACH STATEMENT EXECUTE FUNCTION bump_roster_revision();
--> statement-breakpoint
CREATE TRIGGER regions_bump_roster_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions" FOR EACH STATEMENT EXECUTE FUNCTION bump_roster_revision();
--> statement-breakpoint
CREATE TRIGGER federal_districts_bump_roster_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "federal_districts" FOR EACH STATEMENT EXECUTE FUNCTION bump_roster_revision();
--> statement-breakpoint
-- Session caches hold a signed-in user's grants in memory; these notify every process (channel
-- ms_auth, payload: the user's id) when a session ends or a user's account or grants change, and each
-- process forgets that user's cached sessions. NOTIFY is delivered at commit, so nothing uncommitted leaks.
CREATE FUNCTION notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('ms_auth', OLD.user_id::text);
  ELSE
    PERFORM pg_notify('ms_auth', NEW.user_id::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ms_auth', OLD.id::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER role_grants_notify_auth AFTER INSERT OR UPDATE OR DELETE ON "role_grants" FOR EACH ROW EXECUTE FUNCTION notify_auth_change();
--> statement-breakpoint
-- last_seen_at moves once a minute per session and changes nothing a cache holds: not notified.
CREATE TRIGGER sessions_notify_auth AFTER DELETE OR UPDATE OF expires_at, user_id ON "sessions" FOR EACH ROW EXECUTE FUNCTION notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_auth AFTER UPDATE OR DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION notify_user_change();
