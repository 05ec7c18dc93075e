CREATE TABLE "practice_lexeme_counts" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"approved" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Each statement on practices adds the lexemes of the approved rows it wrote and takes away those of the
-- approved rows it replaced or removed: one set-based upsert per statement, in lexeme order (two
-- statements lock shared lexemes in the same order, so they wait for each other instead of deadlocking).
CREATE FUNCTION practice_lexeme_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM practice_lexeme_counts;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO practice_lexeme_counts AS c (lexeme, approved)
    SELECT l.lexeme, count(*)::int FROM new_rows n, unnest(tsvector_to_array(n.search_vector)) AS l(lexeme)
    WHERE n.status = 'approved' GROUP BY l.lexeme ORDER BY l.lexeme
    ON CONFLICT (lexeme) DO UPDATE SET approved = c.approved + excluded.approved;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE practice_lexeme_counts AS c SET approved = c.approved - d.n
    FROM (SELECT l.lexeme, count(*)::int AS n FROM old_rows o, unnest(tsvector_to_array(o.search_vector)) AS l(lexeme)
          WHERE o.status = 'approved' GROUP BY l.lexeme) AS d
    WHERE c.lexeme = d.lexeme;
  ELSE
    INSERT INTO practice_lexeme_counts AS c (lexeme, approved)
    SELECT d.lexeme, sum(d.n)::int FROM (
      SELECT l.lexeme, 1 AS n FROM new_rows n, unnest(tsvector_to_array(n.search_vector)) AS l(lexeme) WHERE n.status = 'approved'
      UNION ALL
      SELECT l.lexeme, -1 FROM old_rows o, unnest(tsvector_to_array(o.search_vector)) AS l(lexeme) WHERE o.status = 'approved'
    ) AS d GROUP BY d.lexeme HAVING sum(d.n) <> 0 ORDER BY d.lexeme
    ON CONFLICT (lexeme) DO UPDATE SET approved = c.approved + excluded.approved;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER practices_lexeme_counts_insert AFTER INSERT ON "practices" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION practice_lexeme_counts_apply();
--> statement-breakpoint
CREATE TRIGGER practices_lexeme_counts_update AFTER UPDATE ON "practices" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION practice_lexeme_counts_apply();
--> statement-breakpoint
CREATE TRIGGER practices_lexeme_counts_delete AFTER DELETE ON "practices" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION practice_lexeme_counts_apply();
--> statement-breakpoint
CREATE TRIGGER practices_lexeme_counts_truncate AFTER TRUNCATE ON "practices" FOR EACH STATEMENT EXECUTE FUNCTION practice_lexeme_counts_apply();
--> statement-breakpoint
INSERT INTO "practice_lexeme_counts" (lexeme, approved)
SELECT l.lexeme, count(*)::int FROM "practices" p, unnest(tsvector_to_array(p.search_vector)) AS l(lexeme)
WHERE p.status = 'approved' GROUP BY l.lexeme;
