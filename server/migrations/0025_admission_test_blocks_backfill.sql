-- Custom SQL migration file, put your code below! --
-- Attempts started before blocks existed become one implicit block each (the whole attempt), because the
-- answer statement now accepts an answer only for a question of an open block of the attempt.
INSERT INTO "admission_test_attempt_blocks" ("attempt_id", "position", "block_id", "time_limit_minutes", "question_order", "started_at", "deadline_at", "finished_at")
SELECT t."id", 0, NULL, GREATEST(1, CEIL(EXTRACT(EPOCH FROM t."deadline_at" - t."started_at") / 60))::int, t."question_order", t."started_at", t."deadline_at", t."finished_at"
FROM "admission_test_attempts" t
ON CONFLICT DO NOTHING;
