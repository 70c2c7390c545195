CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "job_schedule" (
	"name" text PRIMARY KEY NOT NULL,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_error" text,
	"runs" bigint DEFAULT 0 NOT NULL,
	"last_result" jsonb
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "record_reads" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "record_reads_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"member_id" uuid NOT NULL,
	"reader_user_id" uuid NOT NULL,
	"reader_unit_id" uuid,
	"what" text NOT NULL,
	"source" text,
	"request_id" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "second_factor_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_reads" ADD CONSTRAINT "record_reads_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at_index" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "login_throttle_updated_at_index" ON "login_throttle" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_id_index" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "record_reads_member_id_id_index" ON "record_reads" USING btree ("member_id","id");--> statement-breakpoint
CREATE INDEX "record_reads_reader_user_id_id_index" ON "record_reads" USING btree ("reader_user_id","id");--> statement-breakpoint
CREATE INDEX "recovery_codes_user_id_index" ON "recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_seq_key" ON "audit_log" USING btree ("chain_seq");--> statement-breakpoint
-- Tamper evidence for the audit log (issue 12): every row carries its place in one chain and
-- hash = sha256(previous hash || the row's fields as a JSON array). The chain's head is one row, updated under
-- its row lock by each insert, so concurrent writers queue and the chain never forks.
CREATE TABLE "audit_chain_head" (
	"id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_row_hash(prev text, r audit_log) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT encode(sha256(convert_to(coalesce(prev, '') || jsonb_build_array(
    r.chain_seq, r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), r.actor_user_id, r.actor_unit_id,
    r.action, r.entity_type, r.entity_id, r.unit_id, r.before, r.after, r.request_id, r.ip)::text, 'UTF8')), 'hex')
$fn$;
--> statement-breakpoint
-- The rows written before this migration join the chain in id order (the update trigger is lifted for it only).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
DO $do$
DECLARE
  r audit_log;
  prev text := '';
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    r.chain_seq := n;
    prev := audit_row_hash(prev, r);
    UPDATE audit_log SET chain_seq = n, hash = prev WHERE id = r.id;
  END LOOP;
  INSERT INTO audit_chain_head (id, seq, hash) VALUES (true, n, prev);
END
$do$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  prev text;
BEGIN
  UPDATE audit_chain_head SET seq = seq + 1 WHERE id RETURNING seq, hash INTO NEW.chain_seq, prev;
  NEW.hash := audit_row_hash(prev, NEW);
  UPDATE audit_chain_head SET hash = NEW.hash WHERE id;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
-- What `npm run audit:verify` runs: walks the chain in order and names every row that does not fit: altered
-- (its hash is not what its fields give), missing (a gap in the sequence) or out of chain (no place in it).
CREATE OR REPLACE FUNCTION audit_chain_verify() RETURNS TABLE(chain_seq bigint, audit_id bigint, problem text)
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  r audit_log;
  prev text := '';
  expected bigint := 1;
  head audit_chain_head;
BEGIN
  FOR r IN SELECT * FROM audit_log a WHERE a.chain_seq IS NOT NULL ORDER BY a.chain_seq LOOP
    IF r.chain_seq <> expected THEN
      chain_seq := expected; audit_id := NULL; problem := 'missing'; RETURN NEXT;
      prev := NULL; -- the hash after a gap cannot be checked against its lost predecessor
    END IF;
    IF prev IS NOT NULL AND r.hash IS DISTINCT FROM audit_row_hash(prev, r) THEN
      chain_seq := r.chain_seq; audit_id := r.id; problem := 'altered'; RETURN NEXT;
    END IF;
    prev := r.hash;
    expected := r.chain_seq + 1;
  END LOOP;
  SELECT * INTO head FROM audit_chain_head WHERE id;
  IF head.seq >= expected THEN
    chain_seq := expected; audit_id := NULL; problem := 'missing'; RETURN NEXT;
  END IF;
  FOR r IN SELECT * FROM audit_log a WHERE a.chain_seq IS NULL ORDER BY a.id LOOP
    chain_seq := NULL; audit_id := r.id; problem := 'out_of_chain'; RETURN NEXT;
  END LOOP;
END
$fn$;
