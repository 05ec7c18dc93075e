CREATE TABLE "adoption_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"months_after" integer NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"stage" text,
	"note" text DEFAULT '' NOT NULL,
	"reminded_at" timestamp with time zone,
	"overdue_reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "adoption_kpi_actuals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_in_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"value" numeric NOT NULL,
	"measured_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adoption_kpis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"baseline" numeric NOT NULL,
	"baseline_on" date NOT NULL,
	"target" numeric NOT NULL,
	"target_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adoption_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "adoption_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"owner_name" text NOT NULL,
	"stage" text DEFAULT 'idea' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"committed_on" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adoption_plans_stage_ck" CHECK ("adoption_plans"."stage" in ('idea', 'pilot', 'operating', 'scaled'))
);
--> statement-breakpoint
CREATE TABLE "practice_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"editor_user_id" uuid,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_showings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"session_id" uuid
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"merged_into_id" uuid,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"solution" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"origin_region_code" text NOT NULL,
	"origin_municipality_id" uuid,
	"areas" text[] DEFAULT '{}' NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_by_user_id" uuid,
	"approved_by_user_id" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('russian'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('russian'::regconfig, coalesce(problem, '') || ' ' || coalesce(solution, '') || ' ' || coalesce(results, '')), 'C')) STORED NOT NULL,
	CONSTRAINT "practices_status_ck" CHECK ("practices"."status" in ('proposed', 'approved', 'rejected', 'merged'))
);
--> statement-breakpoint
ALTER TABLE "adoption_check_ins" ADD CONSTRAINT "adoption_check_ins_plan_id_adoption_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."adoption_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_kpi_actuals" ADD CONSTRAINT "adoption_kpi_actuals_check_in_id_adoption_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."adoption_check_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_kpi_actuals" ADD CONSTRAINT "adoption_kpi_actuals_kpi_id_adoption_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."adoption_kpis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_kpis" ADD CONSTRAINT "adoption_kpis_plan_id_adoption_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."adoption_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_milestones" ADD CONSTRAINT "adoption_milestones_plan_id_adoption_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."adoption_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_plans" ADD CONSTRAINT "adoption_plans_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_plans" ADD CONSTRAINT "adoption_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_plans" ADD CONSTRAINT "adoption_plans_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_plans" ADD CONSTRAINT "adoption_plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_plans" ADD CONSTRAINT "adoption_plans_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_revisions" ADD CONSTRAINT "practice_revisions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_revisions" ADD CONSTRAINT "practice_revisions_editor_user_id_users_id_fk" FOREIGN KEY ("editor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_showings" ADD CONSTRAINT "practice_showings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_showings" ADD CONSTRAINT "practice_showings_module_id_schedule_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."schedule_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_showings" ADD CONSTRAINT "practice_showings_session_id_schedule_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."schedule_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_origin_region_code_regions_code_fk" FOREIGN KEY ("origin_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_origin_municipality_id_municipalities_id_fk" FOREIGN KEY ("origin_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "adoption_check_ins_plan_months_uq" ON "adoption_check_ins" USING btree ("plan_id","months_after");--> statement-breakpoint
CREATE INDEX "adoption_check_ins_due_idx" ON "adoption_check_ins" USING btree ("due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "adoption_kpi_actuals_check_in_kpi_uq" ON "adoption_kpi_actuals" USING btree ("check_in_id","kpi_id");--> statement-breakpoint
CREATE INDEX "adoption_kpi_actuals_kpi_idx" ON "adoption_kpi_actuals" USING btree ("kpi_id");--> statement-breakpoint
CREATE INDEX "adoption_kpis_plan_idx" ON "adoption_kpis" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "adoption_milestones_plan_idx" ON "adoption_milestones" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "adoption_plans_person_idx" ON "adoption_plans" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "adoption_plans_practice_idx" ON "adoption_plans" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "adoption_plans_programme_idx" ON "adoption_plans" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "practice_revisions_practice_idx" ON "practice_revisions" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "practice_showings_practice_idx" ON "practice_showings" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "practice_showings_module_idx" ON "practice_showings" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "practices_search_idx" ON "practices" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "practices_areas_idx" ON "practices" USING gin ("areas");--> statement-breakpoint
CREATE INDEX "practices_status_region_idx" ON "practices" USING btree ("status","origin_region_code");--> statement-breakpoint
CREATE INDEX "practices_programme_idx" ON "practices" USING btree ("programme_id");