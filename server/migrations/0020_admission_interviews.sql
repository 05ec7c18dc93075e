CREATE TABLE "admission_interview_bookings" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"slot_id" uuid NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"booked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "admission_interview_panel" (
	"slot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "admission_interview_panel_slot_id_user_id_pk" PRIMARY KEY("slot_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "admission_interview_scores" (
	"application_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"comment" text,
	"scored_at" timestamp with time zone NOT NULL,
	CONSTRAINT "admission_interview_scores_application_id_expert_user_id_pk" PRIMARY KEY("application_id","expert_user_id")
);
--> statement-breakpoint
CREATE TABLE "admission_interview_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admission_interview_bookings" ADD CONSTRAINT "admission_interview_bookings_application_id_admission_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."admission_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_interview_bookings" ADD CONSTRAINT "admission_interview_bookings_slot_id_admission_interview_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."admission_interview_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_interview_bookings" ADD CONSTRAINT "admission_interview_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_interview_panel" ADD CONSTRAINT "admission_interview_panel_slot_id_admission_interview_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."admission_interview_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_interview_panel" ADD CONSTRAINT "admission_interview_panel_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_interview_scores" ADD CONSTRAINT "admission_interview_scores_application_id_admission_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."admission_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_interview_scores" ADD CONSTRAINT "admission_interview_scores_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_interview_slots" ADD CONSTRAINT "admission_interview_slots_campaign_id_admission_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."admission_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admission_interview_bookings_slot_idx" ON "admission_interview_bookings" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "admission_interview_panel_user_idx" ON "admission_interview_panel" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "admission_interview_slots_campaign_idx" ON "admission_interview_slots" USING btree ("campaign_id","starts_at");