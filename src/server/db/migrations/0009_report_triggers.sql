-- Dashboards (decision 0008): every write to a table a figure is counted from marks the org units whose
-- figures it touches, in the same transaction, so no write path can forget it. Statement-level triggers
-- with transition tables keep set-based steps set-based (one insert per statement, not per row).
-- The refresh (modules/reports) recomputes the marked units and their ancestors, then deletes the marks.

-- The units a set of ids touches, by kind: a unit itself, the cells of a residential area, a member's
-- party cell and places of residence, a meeting's cell, an evaluation's places and member, an activity's unit.
CREATE OR REPLACE FUNCTION report_mark(kind text, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  IF kind = 'unit' THEN
    INSERT INTO report_dirty (unit_id) SELECT DISTINCT u FROM unnest(ids) u WHERE u IS NOT NULL;
  ELSIF kind = 'area' THEN
    INSERT INTO report_dirty (unit_id) SELECT DISTINCT c.id FROM org_units c WHERE c.residential_area_id = ANY(ids);
  ELSIF kind = 'member' THEN
    INSERT INTO report_dirty (unit_id)
      SELECT v.u FROM members m CROSS JOIN LATERAL (VALUES (m.cell_id), (m.residence_cell_id), (m.residence_commune_id)) v(u)
      WHERE m.id = ANY(ids) AND v.u IS NOT NULL
      UNION SELECT c.id FROM members m JOIN org_units c ON c.residential_area_id = m.residence_area_id WHERE m.id = ANY(ids);
  ELSIF kind = 'meeting' THEN
    INSERT INTO report_dirty (unit_id) SELECT DISTINCT cell_id FROM meetings WHERE id = ANY(ids);
  ELSIF kind = 'activity' THEN
    INSERT INTO report_dirty (unit_id) SELECT DISTINCT unit_id FROM activities WHERE id = ANY(ids);
  ELSIF kind = 'evaluation' THEN
    INSERT INTO report_dirty (unit_id)
      SELECT v.u FROM evaluations e CROSS JOIN LATERAL (VALUES (e.cell_id), (e.commune_id)) v(u) WHERE e.id = ANY(ids) AND v.u IS NOT NULL
      UNION SELECT c.id FROM evaluations e JOIN org_units c ON c.residential_area_id = e.residence_area_id WHERE e.id = ANY(ids);
    PERFORM report_mark('member', array(SELECT DISTINCT member_id FROM evaluations WHERE id = ANY(ids)));
  ELSE
    RAISE EXCEPTION 'report_mark: unknown kind %', kind;
  END IF;
END
$fn$;
--> statement-breakpoint
-- Trigger arguments are `kind:column` pairs read from the statement's old and new rows.
CREATE OR REPLACE FUNCTION report_dirty_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  rel text;
  spec text;
BEGIN
  FOREACH rel IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows'] WHEN 'DELETE' THEN ARRAY['old_rows'] ELSE ARRAY['new_rows', 'old_rows'] END) LOOP
    FOREACH spec IN ARRAY TG_ARGV LOOP
      EXECUTE format('SELECT report_mark(%L, array(SELECT DISTINCT %I FROM %I WHERE %I IS NOT NULL))',
        split_part(spec, ':', 1), split_part(spec, ':', 2), rel, split_part(spec, ':', 2));
    END LOOP;
  END LOOP;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER members_report_insert AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id', 'unit:residence_cell_id', 'unit:residence_commune_id', 'area:residence_area_id');
--> statement-breakpoint
CREATE TRIGGER members_report_update AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id', 'unit:residence_cell_id', 'unit:residence_commune_id', 'area:residence_area_id');
--> statement-breakpoint
CREATE TRIGGER members_report_delete AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id', 'unit:residence_cell_id', 'unit:residence_commune_id', 'area:residence_area_id');
--> statement-breakpoint
CREATE TRIGGER introduction_letters_report_insert AFTER INSERT ON introduction_letters REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('member:member_id', 'unit:receiving_commune_id', 'unit:residence_cell_id', 'area:residence_area_id');
--> statement-breakpoint
CREATE TRIGGER introduction_letters_report_update AFTER UPDATE ON introduction_letters REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('member:member_id', 'unit:receiving_commune_id', 'unit:residence_cell_id', 'area:residence_area_id');
--> statement-breakpoint
CREATE TRIGGER introduction_letters_report_delete AFTER DELETE ON introduction_letters REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('member:member_id', 'unit:receiving_commune_id', 'unit:residence_cell_id', 'area:residence_area_id');
--> statement-breakpoint
CREATE TRIGGER introduction_requests_report_insert AFTER INSERT ON introduction_requests REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:commune_id', 'unit:workplace_unit_id');
--> statement-breakpoint
CREATE TRIGGER introduction_requests_report_update AFTER UPDATE ON introduction_requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:commune_id', 'unit:workplace_unit_id');
--> statement-breakpoint
CREATE TRIGGER introduction_requests_report_delete AFTER DELETE ON introduction_requests REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:commune_id', 'unit:workplace_unit_id');
--> statement-breakpoint
CREATE TRIGGER meetings_report_insert AFTER INSERT ON meetings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id');
--> statement-breakpoint
CREATE TRIGGER meetings_report_update AFTER UPDATE ON meetings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id');
--> statement-breakpoint
CREATE TRIGGER meetings_report_delete AFTER DELETE ON meetings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id');
--> statement-breakpoint
CREATE TRIGGER meeting_attendances_report_insert AFTER INSERT ON meeting_attendances REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:unit_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER meeting_attendances_report_update AFTER UPDATE ON meeting_attendances REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:unit_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER meeting_attendances_report_delete AFTER DELETE ON meeting_attendances REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:unit_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER attendance_alerts_report_insert AFTER INSERT ON attendance_alerts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('meeting:meeting_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER attendance_alerts_report_update AFTER UPDATE ON attendance_alerts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('meeting:meeting_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER attendance_alerts_report_delete AFTER DELETE ON attendance_alerts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('meeting:meeting_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER member_warnings_report_insert AFTER INSERT ON member_warnings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER member_warnings_report_update AFTER UPDATE ON member_warnings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER member_warnings_report_delete AFTER DELETE ON member_warnings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER activities_report_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:unit_id');
--> statement-breakpoint
CREATE TRIGGER activities_report_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:unit_id');
--> statement-breakpoint
CREATE TRIGGER activities_report_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:unit_id');
--> statement-breakpoint
CREATE TRIGGER activity_contributions_report_insert AFTER INSERT ON activity_contributions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('activity:activity_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER activity_contributions_report_update AFTER UPDATE ON activity_contributions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('activity:activity_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER activity_contributions_report_delete AFTER DELETE ON activity_contributions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('activity:activity_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER evaluations_report_insert AFTER INSERT ON evaluations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id', 'unit:commune_id', 'area:residence_area_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER evaluations_report_update AFTER UPDATE ON evaluations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id', 'unit:commune_id', 'area:residence_area_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER evaluations_report_delete AFTER DELETE ON evaluations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:cell_id', 'unit:commune_id', 'area:residence_area_id', 'member:member_id');
--> statement-breakpoint
CREATE TRIGGER evaluation_versions_report_insert AFTER INSERT ON evaluation_versions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('evaluation:evaluation_id');
--> statement-breakpoint
CREATE TRIGGER evaluation_versions_report_update AFTER UPDATE ON evaluation_versions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('evaluation:evaluation_id');
--> statement-breakpoint
CREATE TRIGGER evaluation_versions_report_delete AFTER DELETE ON evaluation_versions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('evaluation:evaluation_id');
--> statement-breakpoint
CREATE TRIGGER evaluation_disputes_report_insert AFTER INSERT ON evaluation_disputes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('evaluation:evaluation_id');
--> statement-breakpoint
CREATE TRIGGER evaluation_disputes_report_update AFTER UPDATE ON evaluation_disputes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('evaluation:evaluation_id');
--> statement-breakpoint
CREATE TRIGGER evaluation_disputes_report_delete AFTER DELETE ON evaluation_disputes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('evaluation:evaluation_id');
--> statement-breakpoint
CREATE TRIGGER self_reports_report_insert AFTER INSERT ON self_reports REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('member:member_id');
--> statement-breakpoint
CREATE TRIGGER self_reports_report_update AFTER UPDATE ON self_reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('member:member_id');
--> statement-breakpoint
CREATE TRIGGER self_reports_report_delete AFTER DELETE ON self_reports REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('member:member_id');
--> statement-breakpoint
CREATE TRIGGER workplace_classifications_report_insert AFTER INSERT ON workplace_classifications REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('member:member_id');
--> statement-breakpoint
CREATE TRIGGER workplace_classifications_report_update AFTER UPDATE ON workplace_classifications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('member:member_id');
--> statement-breakpoint
CREATE TRIGGER workplace_classifications_report_delete AFTER DELETE ON workplace_classifications REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('member:member_id');
--> statement-breakpoint
CREATE TRIGGER org_units_report_insert AFTER INSERT ON org_units REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:id', 'unit:parent_id');
--> statement-breakpoint
CREATE TRIGGER org_units_report_update AFTER UPDATE ON org_units REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:id', 'unit:parent_id');
--> statement-breakpoint
CREATE TRIGGER org_units_report_delete AFTER DELETE ON org_units REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_trigger('unit:id', 'unit:parent_id');
--> statement-breakpoint
-- Sum of two breakdowns ({key: count}); the tree rows add their children's up with report_breakdown_sum.
CREATE OR REPLACE FUNCTION report_breakdown_add(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(jsonb_object_agg(k, coalesce((a ->> k)::numeric, 0) + coalesce((b ->> k)::numeric, 0)), '{}'::jsonb)
  FROM (SELECT jsonb_object_keys(coalesce(a, '{}'::jsonb)) AS k UNION SELECT jsonb_object_keys(coalesce(b, '{}'::jsonb))) keys
$fn$;
--> statement-breakpoint
CREATE AGGREGATE report_breakdown_sum(jsonb) (SFUNC = report_breakdown_add, STYPE = jsonb, INITCOND = '{}');
