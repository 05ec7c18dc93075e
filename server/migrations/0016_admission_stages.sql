CREATE TABLE "admission_expert_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"points" jsonb,
	"total" double precision,
	"comment" text,
	"submitted_at" timestamp with time zone,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admission_expert_stages" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"kind" text DEFAULT 'essay' NOT NULL,
	"task_ru" text DEFAULT '' NOT NULL,
	"task_en" text DEFAULT '' NOT NULL,
	"rubric" jsonb NOT NULL,
	"discrepancy_threshold" double precision DEFAULT 20 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admission_experts" (
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admission_experts_campaign_id_user_id_pk" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "admission_expert_reviews" ADD CONSTRAINT "admission_expert_reviews_campaign_id_admission_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."admission_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_expert_reviews" ADD CONSTRAINT "admission_expert_reviews_application_id_admission_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."admission_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_expert_reviews" ADD CONSTRAINT "admission_expert_reviews_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_expert_stages" ADD CONSTRAINT "admission_expert_stages_campaign_id_admission_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."admission_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_experts" ADD CONSTRAINT "admission_experts_campaign_id_admission_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."admission_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_experts" ADD CONSTRAINT "admission_experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_experts" ADD CONSTRAINT "admission_experts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admission_expert_reviews_application_expert_uq" ON "admission_expert_reviews" USING btree ("application_id","expert_user_id");--> statement-breakpoint
CREATE INDEX "admission_expert_reviews_expert_idx" ON "admission_expert_reviews" USING btree ("expert_user_id","submitted_at");--> statement-breakpoint
CREATE INDEX "admission_expert_reviews_campaign_idx" ON "admission_expert_reviews" USING btree ("campaign_id","expert_user_id");