CREATE TYPE "public"."activity_kind" AS ENUM('construction', 'culture', 'relief', 'security', 'environment', 'other');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('present', 'late', 'absent_excused', 'absent_unexcused', 'excused_exempt', 'unrecorded');--> statement-breakpoint
CREATE TYPE "public"."check_in_method" AS ENUM('secretary', 'self_qr');--> statement-breakpoint
CREATE TYPE "public"."meeting_contribution_kind" AS ENUM('opinion', 'proposal');--> statement-breakpoint
CREATE TYPE "public"."contribution_role" AS ENUM('led', 'mobilised', 'took_part');--> statement-breakpoint
CREATE TYPE "public"."contribution_status" AS ENUM('proposed', 'confirmed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('regular', 'extraordinary');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('scheduled', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."rsvp" AS ENUM('attending', 'not_attending');--> statement-breakpoint
CREATE TYPE "public"."warning_kind" AS ENUM('reminder', 'warning');--> statement-breakpoint
CREATE TYPE "public"."warning_status" AS ENUM('open', 'resolved', 'escalated', 'withdrawn');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" "activity_kind" DEFAULT 'other' NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" "contribution_role" DEFAULT 'took_part' NOT NULL,
	"work_days" numeric(6, 1),
	"money_vnd" bigint,
	"expertise" text,
	"in_kind" text,
	"note" text,
	"status" "contribution_status" DEFAULT 'confirmed' NOT NULL,
	"proposed_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"consecutive" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_tokens" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "cell_compliance_alerts" (
	"cell_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"half" integer NOT NULL,
	"held" integer NOT NULL,
	"required" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cell_compliance_alerts_cell_id_year_half_pk" PRIMARY KEY("cell_id","year","half")
);
--> statement-breakpoint
CREATE TABLE "directed_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"active_from" date NOT NULL,
	"active_to" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendances" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"rsvp" "rsvp",
	"rsvp_reason" text,
	"rsvp_at" timestamp with time zone,
	"status" "attendance_status" DEFAULT 'unrecorded' NOT NULL,
	"reason" text,
	"checked_in_at" timestamp with time zone,
	"method" "check_in_method",
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendances_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid,
	"speaker_name" text,
	"kind" "meeting_contribution_kind" DEFAULT 'opinion' NOT NULL,
	"topic" text,
	"content" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cell_id" uuid NOT NULL,
	"kind" "meeting_kind" DEFAULT 'regular' NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"agenda" text,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "meeting_status" DEFAULT 'scheduled' NOT NULL,
	"check_in_code" text NOT NULL,
	"held_at" timestamp with time zone,
	"minutes_summary" text,
	"minutes_decisions" text,
	"minutes_lock_at" timestamp with time zone,
	"cancel_reason" text,
	"reminded_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"rule_set_id" text DEFAULT 'reg-213-2020' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"cell_id" uuid NOT NULL,
	"kind" "warning_kind" NOT NULL,
	"reason" text NOT NULL,
	"deadline" date NOT NULL,
	"status" "warning_status" DEFAULT 'open' NOT NULL,
	"member_reply" text,
	"replied_at" timestamp with time zone,
	"resolution" text,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"field" text NOT NULL,
	"before" text,
	"after" text,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_contributions" ADD CONSTRAINT "activity_contributions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_contributions" ADD CONSTRAINT "activity_contributions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_contributions" ADD CONSTRAINT "activity_contributions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_contributions" ADD CONSTRAINT "activity_contributions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_alerts" ADD CONSTRAINT "attendance_alerts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_alerts" ADD CONSTRAINT "attendance_alerts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cell_compliance_alerts" ADD CONSTRAINT "cell_compliance_alerts_cell_id_org_units_id_fk" FOREIGN KEY ("cell_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directed_topics" ADD CONSTRAINT "directed_topics_commune_id_org_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directed_topics" ADD CONSTRAINT "directed_topics_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendances" ADD CONSTRAINT "meeting_attendances_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendances" ADD CONSTRAINT "meeting_attendances_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendances" ADD CONSTRAINT "meeting_attendances_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendances" ADD CONSTRAINT "meeting_attendances_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contributions" ADD CONSTRAINT "meeting_contributions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contributions" ADD CONSTRAINT "meeting_contributions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_contributions" ADD CONSTRAINT "meeting_contributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_cell_id_org_units_id_fk" FOREIGN KEY ("cell_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_warnings" ADD CONSTRAINT "member_warnings_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_warnings" ADD CONSTRAINT "member_warnings_cell_id_org_units_id_fk" FOREIGN KEY ("cell_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_warnings" ADD CONSTRAINT "member_warnings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_amendments" ADD CONSTRAINT "minutes_amendments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_amendments" ADD CONSTRAINT "minutes_amendments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_unit_id_starts_on_index" ON "activities" USING btree ("unit_id","starts_on");--> statement-breakpoint
CREATE INDEX "activity_contributions_activity_id_index" ON "activity_contributions" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_contributions_member_id_created_at_index" ON "activity_contributions" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_alerts_once" ON "attendance_alerts" USING btree ("member_id","meeting_id");--> statement-breakpoint
CREATE INDEX "directed_topics_commune_id_active_from_index" ON "directed_topics" USING btree ("commune_id","active_from");--> statement-breakpoint
CREATE INDEX "meeting_attachments_meeting_id_index" ON "meeting_attachments" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_attendances_member_id_meeting_id_index" ON "meeting_attendances" USING btree ("member_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_contributions_meeting_id_index" ON "meeting_contributions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_contributions_member_id_index" ON "meeting_contributions" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "meetings_cell_id_starts_at_index" ON "meetings" USING btree ("cell_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_upcoming" ON "meetings" USING btree ("starts_at") WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX "member_warnings_member_id_created_at_index" ON "member_warnings" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "member_warnings_cell_id_status_index" ON "member_warnings" USING btree ("cell_id","status");--> statement-breakpoint
CREATE INDEX "member_warnings_due" ON "member_warnings" USING btree ("deadline") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "minutes_amendments_meeting_id_created_at_index" ON "minutes_amendments" USING btree ("meeting_id","created_at");