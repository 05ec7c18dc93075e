CREATE TABLE "admission_test_answers" (
	"attempt_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"answer" jsonb NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "admission_test_answers_attempt_id_question_id_pk" PRIMARY KEY("attempt_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "admission_test_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"question_order" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"score" double precision,
	CONSTRAINT "admission_test_attempts_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "admission_test_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"text_ru" text NOT NULL,
	"text_en" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"correct" jsonb NOT NULL,
	"points" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admission_campaigns" ADD COLUMN "test_opens_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "admission_campaigns" ADD COLUMN "test_closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "admission_campaigns" ADD COLUMN "test_duration_minutes" integer;--> statement-breakpoint
ALTER TABLE "admission_test_answers" ADD CONSTRAINT "admission_test_answers_attempt_id_admission_test_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."admission_test_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_test_answers" ADD CONSTRAINT "admission_test_answers_question_id_admission_test_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."admission_test_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_test_attempts" ADD CONSTRAINT "admission_test_attempts_application_id_admission_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."admission_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_test_questions" ADD CONSTRAINT "admission_test_questions_campaign_id_admission_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."admission_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admission_test_questions_campaign_idx" ON "admission_test_questions" USING btree ("campaign_id","position");