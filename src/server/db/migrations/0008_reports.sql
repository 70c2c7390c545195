CREATE TYPE "public"."report_scope" AS ENUM('own', 'tree');--> statement-breakpoint
CREATE TYPE "public"."report_side" AS ENUM('residence', 'workplace');--> statement-breakpoint
CREATE TYPE "public"."yearly_report_status" AS ENUM('draft', 'submitted', 'received', 'returned');--> statement-breakpoint
CREATE TABLE "report_deadlines" (
	"superior_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"due_date" date NOT NULL,
	"note" text,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_deadlines_superior_unit_id_year_pk" PRIMARY KEY("superior_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "report_dirty" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_dirty_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" uuid NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_figures" (
	"unit_id" uuid NOT NULL,
	"scope" "report_scope" NOT NULL,
	"side" "report_side" NOT NULL,
	"year" integer NOT NULL,
	"working_members" integer DEFAULT 0 NOT NULL,
	"category_active" integer DEFAULT 0 NOT NULL,
	"category_exempt" integer DEFAULT 0 NOT NULL,
	"category_not_introduced" integer DEFAULT 0 NOT NULL,
	"stage_not_introduced" integer DEFAULT 0 NOT NULL,
	"stage_draft" integer DEFAULT 0 NOT NULL,
	"stage_awaiting_receipt" integer DEFAULT 0 NOT NULL,
	"stage_awaiting_placement" integer DEFAULT 0 NOT NULL,
	"stage_awaiting_acknowledgement" integer DEFAULT 0 NOT NULL,
	"stage_placed" integer DEFAULT 0 NOT NULL,
	"stage_rejected" integer DEFAULT 0 NOT NULL,
	"stage_not_to_introduce" integer DEFAULT 0 NOT NULL,
	"letters_overdue" integer DEFAULT 0 NOT NULL,
	"placed_in_cell" integer DEFAULT 0 NOT NULL,
	"not_placed" integer DEFAULT 0 NOT NULL,
	"lives_away" integer DEFAULT 0 NOT NULL,
	"no_residence_known" integer DEFAULT 0 NOT NULL,
	"requests_open" integer DEFAULT 0 NOT NULL,
	"letters_issued" integer DEFAULT 0 NOT NULL,
	"letters_placed" integer DEFAULT 0 NOT NULL,
	"letters_rejected" integer DEFAULT 0 NOT NULL,
	"cells_total" integer DEFAULT 0 NOT NULL,
	"cells_met_h1" integer DEFAULT 0 NOT NULL,
	"cells_met_h2" integer DEFAULT 0 NOT NULL,
	"cells_not_met_h1" integer DEFAULT 0 NOT NULL,
	"cells_not_met_h2" integer DEFAULT 0 NOT NULL,
	"cells_met_both" integer DEFAULT 0 NOT NULL,
	"meetings_held_h1" integer DEFAULT 0 NOT NULL,
	"meetings_held_h2" integer DEFAULT 0 NOT NULL,
	"meetings_extraordinary_h1" integer DEFAULT 0 NOT NULL,
	"meetings_extraordinary_h2" integer DEFAULT 0 NOT NULL,
	"meetings_cancelled_h1" integer DEFAULT 0 NOT NULL,
	"meetings_cancelled_h2" integer DEFAULT 0 NOT NULL,
	"att_present_h1" integer DEFAULT 0 NOT NULL,
	"att_present_h2" integer DEFAULT 0 NOT NULL,
	"att_late_h1" integer DEFAULT 0 NOT NULL,
	"att_late_h2" integer DEFAULT 0 NOT NULL,
	"att_excused_h1" integer DEFAULT 0 NOT NULL,
	"att_excused_h2" integer DEFAULT 0 NOT NULL,
	"att_unexcused_h1" integer DEFAULT 0 NOT NULL,
	"att_unexcused_h2" integer DEFAULT 0 NOT NULL,
	"att_exempt_h1" integer DEFAULT 0 NOT NULL,
	"att_exempt_h2" integer DEFAULT 0 NOT NULL,
	"att_unrecorded_h1" integer DEFAULT 0 NOT NULL,
	"att_unrecorded_h2" integer DEFAULT 0 NOT NULL,
	"absence_notices" integer DEFAULT 0 NOT NULL,
	"warnings_open" integer DEFAULT 0 NOT NULL,
	"warnings_escalated" integer DEFAULT 0 NOT NULL,
	"warnings_issued" integer DEFAULT 0 NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	"contributions" integer DEFAULT 0 NOT NULL,
	"contribution_days" double precision DEFAULT 0 NOT NULL,
	"contribution_money" double precision DEFAULT 0 NOT NULL,
	"ev_total" integer DEFAULT 0 NOT NULL,
	"ev_requested" integer DEFAULT 0 NOT NULL,
	"ev_drafted" integer DEFAULT 0 NOT NULL,
	"ev_returned" integer DEFAULT 0 NOT NULL,
	"ev_signed" integer DEFAULT 0 NOT NULL,
	"ev_delivered" integer DEFAULT 0 NOT NULL,
	"ev_released" integer DEFAULT 0 NOT NULL,
	"ev_disputed" integer DEFAULT 0 NOT NULL,
	"ev_overdue" integer DEFAULT 0 NOT NULL,
	"ev_self_reported" integer DEFAULT 0 NOT NULL,
	"ev_flagged" integer DEFAULT 0 NOT NULL,
	"ev_flags_raised" integer DEFAULT 0 NOT NULL,
	"ev_flags_justified" integer DEFAULT 0 NOT NULL,
	"ev_contradicts" integer DEFAULT 0 NOT NULL,
	"ev_on_demand" integer DEFAULT 0 NOT NULL,
	"no_comment" integer DEFAULT 0 NOT NULL,
	"disputes_opened" integer DEFAULT 0 NOT NULL,
	"disputes_open" integer DEFAULT 0 NOT NULL,
	"disputes_upheld" integer DEFAULT 0 NOT NULL,
	"disputes_revised" integer DEFAULT 0 NOT NULL,
	"breakdown" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_figures_unit_id_scope_side_year_pk" PRIMARY KEY("unit_id","scope","side","year")
);
--> statement-breakpoint
CREATE TABLE "report_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yearly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"superior_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" "yearly_report_status" DEFAULT 'draft' NOT NULL,
	"number" integer,
	"figures" jsonb NOT NULL,
	"figures_at" timestamp with time zone NOT NULL,
	"results" text,
	"problems" text,
	"proposals" text,
	"commendations" text,
	"signer_name" text,
	"signer_position" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"return_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_deadlines" ADD CONSTRAINT "report_deadlines_superior_unit_id_org_units_id_fk" FOREIGN KEY ("superior_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deadlines" ADD CONSTRAINT "report_deadlines_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_figures" ADD CONSTRAINT "report_figures_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_reports" ADD CONSTRAINT "yearly_reports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_reports" ADD CONSTRAINT "yearly_reports_superior_unit_id_org_units_id_fk" FOREIGN KEY ("superior_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_reports" ADD CONSTRAINT "yearly_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_reports" ADD CONSTRAINT "yearly_reports_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_reports" ADD CONSTRAINT "yearly_reports_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_reports" ADD CONSTRAINT "yearly_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "yearly_reports_unit_year" ON "yearly_reports" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "yearly_reports_superior_unit_id_year_status_index" ON "yearly_reports" USING btree ("superior_unit_id","year","status");--> statement-breakpoint
CREATE INDEX "org_units_residential_area_id_index" ON "org_units" USING btree ("residential_area_id");