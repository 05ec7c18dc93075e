-- Timetable caches key on this revision: any change to what a timetable shows bumps it, whoever writes
-- (API, demo seed, CLI, SQL by hand). Statement-level, so a bulk insert bumps once.
INSERT INTO "schedule_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION bump_schedule_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE schedule_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER venues_bump_schedule_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "venues" FOR EACH STATEMENT EXECUTE FUNCTION bump_schedule_revision();
--> statement-breakpoint
CREATE TRIGGER schedule_modules_bump_schedule_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "schedule_modules" FOR EACH STATEMENT EXECUTE FUNCTION bump_schedule_revision();
--> statement-breakpoint
CREATE TRIGGER speakers_bump_schedule_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "speakers" FOR EACH STATEMENT EXECUTE FUNCTION bump_schedule_revision();
--> statement-breakpoint
CREATE TRIGGER schedule_sessions_bump_schedule_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "schedule_sessions" FOR EACH STATEMENT EXECUTE FUNCTION bump_schedule_revision();
--> statement-breakpoint
CREATE TRIGGER session_speakers_bump_schedule_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "session_speakers" FOR EACH STATEMENT EXECUTE FUNCTION bump_schedule_revision();
