CREATE TYPE "public"."dispute_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."evaluation_form_kind" AS ENUM('full', 'exempt');--> statement-breakpoint
CREATE TYPE "public"."evaluation_kind" AS ENUM('yearly', 'on_demand');--> statement-breakpoint
CREATE TYPE "public"."evaluation_status" AS ENUM('requested', 'drafted', 'returned', 'signed', 'delivered', 'released', 'disputed', 'cancelled');--> statement-breakpoint
CREATE TABLE "evaluation_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workplace_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rule_set_code" text NOT NULL,
	"due_date" date NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reason" text NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "dispute_status" DEFAULT 'open' NOT NULL,
	"dialogue_on" date,
	"dialogue_participants" text,
	"dialogue_notes" text,
	"outcome" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"ratings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"justifications" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"other_comments" text,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence" jsonb,
	"joint_meeting_on" date,
	"joint_meeting_participants" text,
	"front_signed_by" uuid,
	"front_signer_name" text,
	"front_signed_at" timestamp with time zone,
	"signed_by" uuid,
	"signer_name" text,
	"signed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmer_name" text,
	"confirmed_at" timestamp with time zone,
	"opened_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" "evaluation_kind" NOT NULL,
	"purpose" text,
	"purpose_note" text,
	"requested_by_member" boolean DEFAULT false NOT NULL,
	"rule_set_code" text NOT NULL,
	"form_kind" "evaluation_form_kind" NOT NULL,
	"workplace_unit_id" uuid NOT NULL,
	"commune_id" uuid NOT NULL,
	"cell_id" uuid,
	"residence_area_id" uuid,
	"due_date" date NOT NULL,
	"status" "evaluation_status" DEFAULT 'requested' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"drafted_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"return_reason" text,
	"cancel_reason" text,
	"proposal" text,
	"proposal_answer" text,
	"proposal_answer_note" text,
	"proposal_answered_at" timestamp with time zone,
	"verification_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"code" text PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"loaded_by" uuid,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"duties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplace_classifications" (
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"level" text NOT NULL,
	"note" text,
	"classified_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_workplace_unit_id_org_units_id_fk" FOREIGN KEY ("workplace_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_rule_set_code_rule_sets_code_fk" FOREIGN KEY ("rule_set_code") REFERENCES "public"."rule_sets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_disputes" ADD CONSTRAINT "evaluation_disputes_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_disputes" ADD CONSTRAINT "evaluation_disputes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_disputes" ADD CONSTRAINT "evaluation_disputes_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_versions" ADD CONSTRAINT "evaluation_versions_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_versions" ADD CONSTRAINT "evaluation_versions_front_signed_by_users_id_fk" FOREIGN KEY ("front_signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_versions" ADD CONSTRAINT "evaluation_versions_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_versions" ADD CONSTRAINT "evaluation_versions_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_versions" ADD CONSTRAINT "evaluation_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_cycle_id_evaluation_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."evaluation_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_rule_set_code_rule_sets_code_fk" FOREIGN KEY ("rule_set_code") REFERENCES "public"."rule_sets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_workplace_unit_id_org_units_id_fk" FOREIGN KEY ("workplace_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_commune_id_org_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_cell_id_org_units_id_fk" FOREIGN KEY ("cell_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_loaded_by_users_id_fk" FOREIGN KEY ("loaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_classifications" ADD CONSTRAINT "workplace_classifications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_classifications" ADD CONSTRAINT "workplace_classifications_classified_by_users_id_fk" FOREIGN KEY ("classified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_cycles_unit_year" ON "evaluation_cycles" USING btree ("workplace_unit_id","year");--> statement-breakpoint
CREATE INDEX "evaluation_disputes_evaluation_id_index" ON "evaluation_disputes" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_disputes_one_open" ON "evaluation_disputes" USING btree ("evaluation_id") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_versions_once" ON "evaluation_versions" USING btree ("evaluation_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_yearly_once" ON "evaluations" USING btree ("member_id","year") WHERE kind = 'yearly' and status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_on_demand_open" ON "evaluations" USING btree ("member_id","purpose") WHERE kind = 'on_demand' and status in ('requested', 'drafted', 'returned', 'signed');--> statement-breakpoint
CREATE INDEX "evaluations_cycle_id_index" ON "evaluations" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "evaluations_workplace_unit_id_year_status_index" ON "evaluations" USING btree ("workplace_unit_id","year","status");--> statement-breakpoint
CREATE INDEX "evaluations_commune_id_year_status_index" ON "evaluations" USING btree ("commune_id","year","status");--> statement-breakpoint
CREATE INDEX "evaluations_cell_id_year_status_index" ON "evaluations" USING btree ("cell_id","year","status");--> statement-breakpoint
CREATE INDEX "evaluations_member_id_year_index" ON "evaluations" USING btree ("member_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_verification_code" ON "evaluations" USING btree ("verification_code") WHERE verification_code is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "self_reports_member_year" ON "self_reports" USING btree ("member_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "workplace_classifications_member_year" ON "workplace_classifications" USING btree ("member_id","year");