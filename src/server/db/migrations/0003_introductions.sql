CREATE TYPE "public"."introduction_request_status" AS ENUM('open', 'fulfilled', 'declined');--> statement-breakpoint
CREATE TYPE "public"."letter_status" AS ENUM('draft', 'issued', 'received', 'placed', 'acknowledged', 'rejected', 'superseded', 'cancelled', 'ended');--> statement-breakpoint
CREATE TYPE "public"."residence_notice_kind" AS ENUM('often_away', 'mobile', 'special_duty', 'position_change', 'job_transfer', 'expelled', 'removed', 'left');--> statement-breakpoint
CREATE TYPE "public"."letter_reject_reason" AS ENUM('not_our_area', 'wrong_address', 'other');--> statement-breakpoint
CREATE TABLE "introduction_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"issuing_unit_id" uuid NOT NULL,
	"receiving_commune_id" uuid NOT NULL,
	"residence_cell_id" uuid,
	"status" "letter_status" DEFAULT 'draft' NOT NULL,
	"batch_id" uuid,
	"previous_letter_id" uuid,
	"year" integer,
	"number" integer,
	"verification_code" text,
	"residence_area_id" uuid,
	"residence_street" text,
	"exempt" text,
	"signer_name" text,
	"signer_position" text,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"received_at" timestamp with time zone,
	"placed_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"reject_reason" "letter_reject_reason",
	"reject_note" text,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"reminder_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "introduction_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_id" uuid NOT NULL,
	"workplace_unit_id" uuid NOT NULL,
	"member_id" uuid,
	"full_name" text NOT NULL,
	"date_of_birth" date,
	"card_number" text,
	"phone" text,
	"residence_area_id" uuid,
	"residence_street" text,
	"note" text,
	"status" "introduction_request_status" DEFAULT 'open' NOT NULL,
	"letter_id" uuid,
	"decline_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "letter_counters" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text DEFAULT 'GGT' NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "letter_counters_unit_id_year_kind_pk" PRIMARY KEY("unit_id","year","kind")
);
--> statement-breakpoint
CREATE TABLE "residence_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"moved_on" date NOT NULL,
	"from_commune_id" uuid,
	"from_cell_id" uuid,
	"from_area_id" uuid,
	"from_street" text,
	"to_commune_id" uuid NOT NULL,
	"to_area_id" uuid,
	"to_street" text,
	"draft_letter_id" uuid,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residence_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" "residence_notice_kind" NOT NULL,
	"issuing_unit_id" uuid NOT NULL,
	"residence_commune_id" uuid,
	"residence_cell_id" uuid,
	"effective_date" date NOT NULL,
	"period_from" date,
	"period_to" date,
	"new_job_title" text,
	"new_cell_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone,
	"seen_by" uuid
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "current_letter_id" uuid;--> statement-breakpoint
ALTER TABLE "introduction_letters" ADD CONSTRAINT "introduction_letters_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_letters" ADD CONSTRAINT "introduction_letters_issuing_unit_id_org_units_id_fk" FOREIGN KEY ("issuing_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_letters" ADD CONSTRAINT "introduction_letters_receiving_commune_id_org_units_id_fk" FOREIGN KEY ("receiving_commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_letters" ADD CONSTRAINT "introduction_letters_residence_cell_id_org_units_id_fk" FOREIGN KEY ("residence_cell_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_letters" ADD CONSTRAINT "introduction_letters_residence_area_id_residential_areas_id_fk" FOREIGN KEY ("residence_area_id") REFERENCES "public"."residential_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_letters" ADD CONSTRAINT "introduction_letters_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_letters" ADD CONSTRAINT "introduction_letters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD CONSTRAINT "introduction_requests_commune_id_org_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD CONSTRAINT "introduction_requests_workplace_unit_id_org_units_id_fk" FOREIGN KEY ("workplace_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD CONSTRAINT "introduction_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD CONSTRAINT "introduction_requests_residence_area_id_residential_areas_id_fk" FOREIGN KEY ("residence_area_id") REFERENCES "public"."residential_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD CONSTRAINT "introduction_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_counters" ADD CONSTRAINT "letter_counters_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_moves" ADD CONSTRAINT "residence_moves_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_moves" ADD CONSTRAINT "residence_moves_from_commune_id_org_units_id_fk" FOREIGN KEY ("from_commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_moves" ADD CONSTRAINT "residence_moves_from_cell_id_org_units_id_fk" FOREIGN KEY ("from_cell_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_moves" ADD CONSTRAINT "residence_moves_from_area_id_residential_areas_id_fk" FOREIGN KEY ("from_area_id") REFERENCES "public"."residential_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_moves" ADD CONSTRAINT "residence_moves_to_commune_id_org_units_id_fk" FOREIGN KEY ("to_commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_moves" ADD CONSTRAINT "residence_moves_to_area_id_residential_areas_id_fk" FOREIGN KEY ("to_area_id") REFERENCES "public"."residential_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_moves" ADD CONSTRAINT "residence_moves_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_notices" ADD CONSTRAINT "residence_notices_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_notices" ADD CONSTRAINT "residence_notices_issuing_unit_id_org_units_id_fk" FOREIGN KEY ("issuing_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_notices" ADD CONSTRAINT "residence_notices_residence_commune_id_org_units_id_fk" FOREIGN KEY ("residence_commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_notices" ADD CONSTRAINT "residence_notices_residence_cell_id_org_units_id_fk" FOREIGN KEY ("residence_cell_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_notices" ADD CONSTRAINT "residence_notices_new_cell_id_org_units_id_fk" FOREIGN KEY ("new_cell_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_notices" ADD CONSTRAINT "residence_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_notices" ADD CONSTRAINT "residence_notices_seen_by_users_id_fk" FOREIGN KEY ("seen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "introduction_letters_one_open" ON "introduction_letters" USING btree ("member_id") WHERE status in ('draft', 'issued', 'received', 'placed', 'acknowledged');--> statement-breakpoint
CREATE UNIQUE INDEX "introduction_letters_number_key" ON "introduction_letters" USING btree ("issuing_unit_id","year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "introduction_letters_code_key" ON "introduction_letters" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "introduction_letters_member_id_created_at_index" ON "introduction_letters" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "introduction_letters_issuing_unit_id_status_index" ON "introduction_letters" USING btree ("issuing_unit_id","status");--> statement-breakpoint
CREATE INDEX "introduction_letters_receiving_commune_id_status_index" ON "introduction_letters" USING btree ("receiving_commune_id","status");--> statement-breakpoint
CREATE INDEX "introduction_letters_residence_cell_id_status_index" ON "introduction_letters" USING btree ("residence_cell_id","status");--> statement-breakpoint
CREATE INDEX "introduction_letters_batch_id_index" ON "introduction_letters" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "introduction_letters_overdue" ON "introduction_letters" USING btree ("issued_at") WHERE status = 'issued' and reminder_sent_at is null;--> statement-breakpoint
CREATE INDEX "introduction_requests_workplace_unit_id_status_index" ON "introduction_requests" USING btree ("workplace_unit_id","status");--> statement-breakpoint
CREATE INDEX "introduction_requests_commune_id_status_index" ON "introduction_requests" USING btree ("commune_id","status");--> statement-breakpoint
CREATE INDEX "introduction_requests_member_id_index" ON "introduction_requests" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "introduction_requests_one_open" ON "introduction_requests" USING btree ("commune_id","card_number") WHERE status = 'open' and card_number is not null;--> statement-breakpoint
CREATE INDEX "residence_moves_member_id_created_at_index" ON "residence_moves" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "residence_notices_member_id_created_at_index" ON "residence_notices" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "residence_notices_residence_commune_id_created_at_index" ON "residence_notices" USING btree ("residence_commune_id","created_at");--> statement-breakpoint
CREATE INDEX "residence_notices_residence_cell_id_created_at_index" ON "residence_notices" USING btree ("residence_cell_id","created_at");--> statement-breakpoint
CREATE INDEX "residence_notices_issuing_unit_id_created_at_index" ON "residence_notices" USING btree ("issuing_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "members_current_letter_id_index" ON "members" USING btree ("current_letter_id");