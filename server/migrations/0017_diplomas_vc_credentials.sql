CREATE TABLE "diploma_vc_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credential_id" text NOT NULL,
	"name" text,
	"key_id" uuid NOT NULL,
	"status_list_id" uuid NOT NULL,
	"status_index" integer NOT NULL,
	"credential" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	CONSTRAINT "diploma_vc_credentials_credential_id_unique" UNIQUE("credential_id")
);
--> statement-breakpoint
ALTER TABLE "diploma_vc_credentials" ADD CONSTRAINT "diploma_vc_credentials_key_id_diploma_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."diploma_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_vc_credentials" ADD CONSTRAINT "diploma_vc_credentials_status_list_id_diploma_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."diploma_status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_vc_credentials" ADD CONSTRAINT "diploma_vc_credentials_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "diploma_vc_credentials_status_entry_uq" ON "diploma_vc_credentials" USING btree ("status_list_id","status_index");