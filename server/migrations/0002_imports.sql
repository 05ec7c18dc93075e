CREATE TABLE "import_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"target" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"mapping" jsonb,
	"is_skipping_bad_rows" boolean DEFAULT false NOT NULL,
	"is_inviting" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"row_count" integer,
	"error_count" integer,
	"report" jsonb,
	"summary" jsonb,
	"last_job_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_uploads" ADD CONSTRAINT "import_uploads_last_job_id_job_runs_id_fk" FOREIGN KEY ("last_job_id") REFERENCES "public"."job_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_uploads" ADD CONSTRAINT "import_uploads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_uploads_kind_idx" ON "import_uploads" USING btree ("kind");--> statement-breakpoint
ALTER TABLE "sessions" DROP COLUMN "is_pending_totp";