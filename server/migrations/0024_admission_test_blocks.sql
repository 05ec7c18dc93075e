CREATE TABLE "admission_test_attempt_blocks" (
	"attempt_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"block_id" uuid,
	"time_limit_minutes" integer NOT NULL,
	"question_order" jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "admission_test_attempt_blocks_attempt_id_position_pk" PRIMARY KEY("attempt_id","position")
);
--> statement-breakpoint
CREATE TABLE "admission_test_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"title_ru" text NOT NULL,
	"title_en" text NOT NULL,
	"time_limit_minutes" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admission_test_question_blocks" (
	"question_id" uuid PRIMARY KEY NOT NULL,
	"block_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admission_test_attempt_blocks" ADD CONSTRAINT "admission_test_attempt_blocks_attempt_id_admission_test_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."admission_test_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_test_attempt_blocks" ADD CONSTRAINT "admission_test_attempt_blocks_block_id_admission_test_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."admission_test_blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_test_blocks" ADD CONSTRAINT "admission_test_blocks_campaign_id_admission_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."admission_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_test_question_blocks" ADD CONSTRAINT "admission_test_question_blocks_question_id_admission_test_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."admission_test_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_test_question_blocks" ADD CONSTRAINT "admission_test_question_blocks_block_id_admission_test_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."admission_test_blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admission_test_blocks_campaign_key_idx" ON "admission_test_blocks" USING btree ("campaign_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "admission_test_blocks_campaign_position_idx" ON "admission_test_blocks" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE INDEX "admission_test_question_blocks_block_idx" ON "admission_test_question_blocks" USING btree ("block_id");