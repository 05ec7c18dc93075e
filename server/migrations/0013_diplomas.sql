CREATE TABLE "diploma_eligibility_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stream_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"is_eligible" boolean NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diploma_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_key_multibase" text NOT NULL,
	"sealed_secret_key" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "diploma_keys_public_key_multibase_unique" UNIQUE("public_key_multibase")
);
--> statement-breakpoint
CREATE TABLE "diploma_registry_counters" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diploma_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"diploma_id" text NOT NULL,
	"action" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "diploma_status_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key_id" uuid NOT NULL,
	"size" integer NOT NULL,
	"next_index" integer DEFAULT 0 NOT NULL,
	"credential" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diplomas" (
	"id" text PRIMARY KEY NOT NULL,
	"registry_number" text NOT NULL,
	"person_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"enrolment_id" uuid,
	"key_id" uuid NOT NULL,
	"status_list_id" uuid NOT NULL,
	"status_index" integer NOT NULL,
	"holder_name" text NOT NULL,
	"credential" jsonb NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"job_run_id" uuid,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	CONSTRAINT "diplomas_registry_number_unique" UNIQUE("registry_number")
);
--> statement-breakpoint
ALTER TABLE "diploma_eligibility_overrides" ADD CONSTRAINT "diploma_eligibility_overrides_stream_id_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."streams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_eligibility_overrides" ADD CONSTRAINT "diploma_eligibility_overrides_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_eligibility_overrides" ADD CONSTRAINT "diploma_eligibility_overrides_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_status_events" ADD CONSTRAINT "diploma_status_events_diploma_id_diplomas_id_fk" FOREIGN KEY ("diploma_id") REFERENCES "public"."diplomas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_status_events" ADD CONSTRAINT "diploma_status_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_status_lists" ADD CONSTRAINT "diploma_status_lists_key_id_diploma_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."diploma_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_stream_id_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."streams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_key_id_diploma_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."diploma_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_status_list_id_diploma_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."diploma_status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diplomas" ADD CONSTRAINT "diplomas_job_run_id_job_runs_id_fk" FOREIGN KEY ("job_run_id") REFERENCES "public"."job_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "diploma_eligibility_overrides_uq" ON "diploma_eligibility_overrides" USING btree ("stream_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "diploma_keys_one_active_uq" ON "diploma_keys" USING btree ("is_active") WHERE is_active;--> statement-breakpoint
CREATE UNIQUE INDEX "diploma_registry_counters_uq" ON "diploma_registry_counters" USING btree ("prefix","year");--> statement-breakpoint
CREATE INDEX "diploma_status_events_diploma_idx" ON "diploma_status_events" USING btree ("diploma_id");--> statement-breakpoint
CREATE UNIQUE INDEX "diplomas_person_stream_uq" ON "diplomas" USING btree ("person_id","stream_id");--> statement-breakpoint
CREATE UNIQUE INDEX "diplomas_status_entry_uq" ON "diplomas" USING btree ("status_list_id","status_index");--> statement-breakpoint
CREATE INDEX "diplomas_stream_idx" ON "diplomas" USING btree ("stream_id");