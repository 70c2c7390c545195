CREATE TYPE "public"."area_kind" AS ENUM('village', 'hamlet', 'block', 'residential_group', 'other');--> statement-breakpoint
CREATE TYPE "public"."unit_event_kind" AS ENUM('created', 'renamed', 'moved', 'merged', 'absorbed', 'dissolved', 'updated');--> statement-breakpoint
CREATE TYPE "public"."unit_status" AS ENUM('active', 'merged', 'dissolved');--> statement-breakpoint
CREATE TYPE "public"."unit_type" AS ENUM('province_committee', 'bloc_committee', 'district_committee', 'commune_committee', 'workplace_committee', 'residential_cell', 'workplace_cell');--> statement-breakpoint
CREATE TYPE "public"."workplace_sector" AS ENUM('agency', 'enterprise', 'public_service', 'armed_forces');--> statement-breakpoint
CREATE TYPE "public"."member_status" AS ENUM('active', 'transferred', 'expelled', 'removed', 'left', 'deceased');--> statement-breakpoint
CREATE TYPE "public"."membership_kind" AS ENUM('party_cell', 'residence_cell');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('member', 'secretary', 'deputy_secretary', 'committee_member');--> statement-breakpoint
CREATE TYPE "public"."residence_category" AS ENUM('active', 'exempt', 'not_introduced');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('male', 'female');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('vi', 'en');--> statement-breakpoint
CREATE TYPE "public"."officer_position" AS ENUM('secretary', 'deputy_secretary', 'committee_member', 'staff');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'committee_officer', 'cell_secretary', 'front_head', 'member');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('previewed', 'committing', 'committed', 'failed', 'discarded');--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"path" "ltree" NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" "unit_type" NOT NULL,
	"sector" "workplace_sector",
	"residential_area_id" uuid,
	"address" text,
	"phone" text,
	"email" text,
	"meeting_place" text,
	"status" "unit_status" DEFAULT 'active' NOT NULL,
	"valid_from" date DEFAULT current_date NOT NULL,
	"valid_to" date,
	"merged_into_id" uuid,
	"search_name" text GENERATED ALWAYS AS (lower(immutable_unaccent(name))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "residential_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "area_kind" DEFAULT 'block' NOT NULL,
	"front_head_name" text,
	"front_head_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" "unit_event_kind" NOT NULL,
	"effective_date" date NOT NULL,
	"from_value" text,
	"to_value" text,
	"related_unit_id" uuid,
	"note" text,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"sex" "sex" NOT NULL,
	"date_of_birth" date NOT NULL,
	"card_number" text NOT NULL,
	"citizen_id" text,
	"phone" text,
	"email" text,
	"date_admitted" date,
	"date_official" date,
	"cell_id" uuid NOT NULL,
	"job_title" text,
	"registered_province" text,
	"registered_commune" text,
	"registered_area" text,
	"registered_street" text,
	"residence_province" text,
	"residence_commune_id" uuid,
	"residence_area_id" uuid,
	"residence_street" text,
	"residence_cell_id" uuid,
	"category" "residence_category" DEFAULT 'active' NOT NULL,
	"category_reason" text,
	"exempt_from" date,
	"exempt_to" date,
	"status" "member_status" DEFAULT 'active' NOT NULL,
	"search_name" text GENERATED ALWAYS AS (' ' || lower(immutable_unaccent(full_name)) || ' ') STORED,
	"sort_key" text GENERATED ALWAYS AS (vn_sort_key(full_name)) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" "membership_kind" NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"unit_id" uuid,
	"position" "officer_position",
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" "citext" NOT NULL,
	"email" "citext",
	"phone" text,
	"member_id" uuid,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" "locale" DEFAULT 'vi' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"password_changed_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_unit_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"unit_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" "import_status" DEFAULT 'previewed' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"inserted_rows" integer DEFAULT 0 NOT NULL,
	"updated_rows" integer DEFAULT 0 NOT NULL,
	"unchanged_rows" integer DEFAULT 0 NOT NULL,
	"mode" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"data" jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "import_rows_job_id_row_no_pk" PRIMARY KEY("job_id","row_no")
);
--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_id_org_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_residential_area_id_residential_areas_id_fk" FOREIGN KEY ("residential_area_id") REFERENCES "public"."residential_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_merged_into_id_org_units_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residential_areas" ADD CONSTRAINT "residential_areas_commune_unit_id_org_units_id_fk" FOREIGN KEY ("commune_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_events" ADD CONSTRAINT "unit_events_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_events" ADD CONSTRAINT "unit_events_related_unit_id_org_units_id_fk" FOREIGN KEY ("related_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_cell_id_org_units_id_fk" FOREIGN KEY ("cell_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_residence_commune_id_org_units_id_fk" FOREIGN KEY ("residence_commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_residence_area_id_residential_areas_id_fk" FOREIGN KEY ("residence_area_id") REFERENCES "public"."residential_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_residence_cell_id_org_units_id_fk" FOREIGN KEY ("residence_cell_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_memberships" ADD CONSTRAINT "unit_memberships_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_memberships" ADD CONSTRAINT "unit_memberships_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_units_path_gist" ON "org_units" USING gist ("path");--> statement-breakpoint
CREATE INDEX "org_units_parent_id_index" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_type_index" ON "org_units" USING btree ("type");--> statement-breakpoint
CREATE INDEX "org_units_search_trgm" ON "org_units" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "residential_areas_commune_unit_id_index" ON "residential_areas" USING btree ("commune_unit_id");--> statement-breakpoint
CREATE INDEX "unit_events_unit_id_created_at_index" ON "unit_events" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "members_card_number_key" ON "members" USING btree ("card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "members_citizen_id_key" ON "members" USING btree ("citizen_id") WHERE citizen_id is not null;--> statement-breakpoint
CREATE INDEX "members_card_number_prefix" ON "members" USING btree ("card_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_search_trgm" ON "members" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "members_sort" ON "members" USING btree (sort_key collate "C","id");--> statement-breakpoint
CREATE INDEX "members_cell_id_index" ON "members" USING btree ("cell_id");--> statement-breakpoint
CREATE INDEX "members_residence_commune_id_index" ON "members" USING btree ("residence_commune_id");--> statement-breakpoint
CREATE INDEX "members_residence_area_id_index" ON "members" USING btree ("residence_area_id");--> statement-breakpoint
CREATE INDEX "members_residence_cell_id_index" ON "members" USING btree ("residence_cell_id");--> statement-breakpoint
CREATE INDEX "unit_memberships_member_id_valid_from_index" ON "unit_memberships" USING btree ("member_id","valid_from");--> statement-breakpoint
CREATE INDEX "unit_memberships_unit_id_index" ON "unit_memberships" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_memberships_one_open" ON "unit_memberships" USING btree ("member_id","kind") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "role_grants_user_id_index" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "role_grants_unit_id_index" ON "role_grants" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_grants_active_key" ON "role_grants" USING btree ("user_id","role",coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_index" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email") WHERE email is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_phone_key" ON "users" USING btree ("phone") WHERE phone is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_member_key" ON "users" USING btree ("member_id") WHERE member_id is not null;--> statement-breakpoint
CREATE INDEX "audit_log_entity_type_entity_id_id_index" ON "audit_log" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_unit_id_id_index" ON "audit_log" USING btree ("unit_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_user_id_id_index" ON "audit_log" USING btree ("actor_user_id","id");--> statement-breakpoint
CREATE INDEX "email_outbox_due" ON "email_outbox" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_user_id_created_at_index" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread" ON "notifications" USING btree ("user_id") WHERE read_at is null;--> statement-breakpoint
CREATE INDEX "import_jobs_created_by_created_at_index" ON "import_jobs" USING btree ("created_by","created_at");