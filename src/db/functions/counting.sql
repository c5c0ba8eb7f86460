-- The counting tables' upkeep (DESIGN section 4): the functions that write incident_counting,
-- incident_month_counts, case_counting and decision_counting, and the triggers that call them when
-- a registry table changes. This file is their one definition: `migrate` applies every file of
-- src/db/functions after the migrations, with CREATE OR REPLACE, whenever its text changed (a
-- change here needs no migration; rebuilding rows written by an older rule does:
-- `SELECT sozwatch_refresh_incident_counting(ARRAY(SELECT id FROM incidents))`).
-- The tables themselves are created by migration 0003. The counting rules read from these tables
-- are in stats.repo.ts (SQL) and counting.ts (the pure reference); the property tests hold the two
-- to each other.
--
-- A case is new in the month of its earliest event (`first_date`) and in court from its earliest
-- event with an instance (`first_court_date`); the bulletin reads the same column.

CREATE OR REPLACE FUNCTION sozwatch_refresh_incident_counting(ids text[]) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO incident_counting (incident_id, status, counted_in, categories)
  SELECT i.id, i.status, i.counted_in,
    coalesce((SELECT array_agg(ic.category_code ORDER BY ic.category_code)
              FROM incident_categories ic WHERE ic.incident_id = i.id), '{}')
  FROM incidents i WHERE i.id IN (SELECT unnest(ids))
  ON CONFLICT (incident_id) DO UPDATE
    SET status = excluded.status, counted_in = excluded.counted_in, categories = excluded.categories;
$fn$;

CREATE OR REPLACE FUNCTION sozwatch_refresh_case_counting(ids text[]) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO case_counting (case_id, status, kind, claim_non_pecuniary, subjects, first_date, first_court_date)
  SELECT c.id, c.status, c.kind, c.claim_non_pecuniary,
    coalesce((SELECT array_agg(s.category_code ORDER BY s.category_code)
              FROM case_subjects s WHERE s.case_id = c.id), '{}'),
    (SELECT min(e.date) FROM case_events e WHERE e.case_id = c.id),
    (SELECT min(e.date) FROM case_events e WHERE e.case_id = c.id AND e.instance IS NOT NULL)
  FROM cases c WHERE c.id IN (SELECT unnest(ids))
  ON CONFLICT (case_id) DO UPDATE
    SET status = excluded.status, kind = excluded.kind, claim_non_pecuniary = excluded.claim_non_pecuniary,
        subjects = excluded.subjects, first_date = excluded.first_date, first_court_date = excluded.first_court_date;
  DELETE FROM decision_counting d WHERE d.case_id IN (SELECT unnest(ids));
  INSERT INTO decision_counting (event_id, case_id, case_status, date, instance, outcome, awarded)
  SELECT e.id, e.case_id, c.status, e.date, e.instance, e.outcome, e.awarded
  FROM case_events e JOIN cases c ON c.id = e.case_id
  WHERE e.kind = 'decision' AND e.case_id IN (SELECT unnest(ids));
$fn$;

CREATE OR REPLACE FUNCTION sozwatch_add_incident_counts(changed incident_counting[], sign int) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO incident_month_counts AS t (counted_in, key, n)
  SELECT counted_in, key, sum(sign)::int
  FROM (
    SELECT r.counted_in, 'category:' || code AS key
    FROM unnest(changed) AS r, unnest(r.categories) AS code
    WHERE r.status = 'published'
    UNION ALL
    SELECT r.counted_in, 'group:' || groups.group_code
    FROM unnest(changed) AS r,
      LATERAL (SELECT DISTINCT c.group_code FROM categories c WHERE c.code = ANY (r.categories)) AS groups
    WHERE r.status = 'published'
  ) contributions
  GROUP BY counted_in, key
  ON CONFLICT (counted_in, key) DO UPDATE SET n = t.n + excluded.n;
$fn$;

CREATE OR REPLACE FUNCTION sozwatch_incident_counting_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_add_incident_counts(ARRAY(SELECT ROW(r.incident_id, r.status, r.counted_in, r.categories)::incident_counting FROM new_rows r), 1);
  RETURN NULL;
END $fn$;
CREATE OR REPLACE FUNCTION sozwatch_incident_counting_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_add_incident_counts(ARRAY(SELECT ROW(r.incident_id, r.status, r.counted_in, r.categories)::incident_counting FROM old_rows r), -1);
  RETURN NULL;
END $fn$;
CREATE OR REPLACE FUNCTION sozwatch_incident_counting_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_add_incident_counts(ARRAY(SELECT ROW(r.incident_id, r.status, r.counted_in, r.categories)::incident_counting FROM old_rows r), -1);
  PERFORM sozwatch_add_incident_counts(ARRAY(SELECT ROW(r.incident_id, r.status, r.counted_in, r.categories)::incident_counting FROM new_rows r), 1);
  RETURN NULL;
END $fn$;
CREATE OR REPLACE TRIGGER incident_counting_inserted AFTER INSERT ON incident_counting
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_counting_inserted();
CREATE OR REPLACE TRIGGER incident_counting_deleted AFTER DELETE ON incident_counting
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_counting_deleted();
CREATE OR REPLACE TRIGGER incident_counting_updated AFTER UPDATE ON incident_counting
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION sozwatch_incident_counting_updated();

CREATE OR REPLACE FUNCTION sozwatch_incidents_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_refresh_incident_counting(ARRAY(SELECT id FROM changed_rows));
  RETURN NULL;
END $fn$;
CREATE OR REPLACE TRIGGER incidents_counting_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incidents_changed();
CREATE OR REPLACE TRIGGER incidents_counting_update AFTER UPDATE ON incidents
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incidents_changed();

CREATE OR REPLACE FUNCTION sozwatch_incident_categories_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_refresh_incident_counting(ARRAY(SELECT incident_id FROM changed_rows));
  RETURN NULL;
END $fn$;
CREATE OR REPLACE TRIGGER incident_categories_counting_insert AFTER INSERT ON incident_categories
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_categories_changed();
CREATE OR REPLACE TRIGGER incident_categories_counting_delete AFTER DELETE ON incident_categories
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_categories_changed();
CREATE OR REPLACE TRIGGER incident_categories_counting_update_old AFTER UPDATE ON incident_categories
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_categories_changed();
CREATE OR REPLACE TRIGGER incident_categories_counting_update_new AFTER UPDATE ON incident_categories
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_categories_changed();

CREATE OR REPLACE FUNCTION sozwatch_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_refresh_case_counting(ARRAY(SELECT id FROM changed_rows));
  RETURN NULL;
END $fn$;
CREATE OR REPLACE TRIGGER cases_counting_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_cases_changed();
CREATE OR REPLACE TRIGGER cases_counting_update AFTER UPDATE ON cases
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_cases_changed();

-- Case events and subjects name their case in case_id.
CREATE OR REPLACE FUNCTION sozwatch_case_parts_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_refresh_case_counting(ARRAY(SELECT DISTINCT case_id FROM changed_rows));
  RETURN NULL;
END $fn$;
CREATE OR REPLACE TRIGGER case_events_counting_insert AFTER INSERT ON case_events
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE OR REPLACE TRIGGER case_events_counting_delete AFTER DELETE ON case_events
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE OR REPLACE TRIGGER case_events_counting_update_old AFTER UPDATE ON case_events
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE OR REPLACE TRIGGER case_events_counting_update_new AFTER UPDATE ON case_events
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE OR REPLACE TRIGGER case_subjects_counting_insert AFTER INSERT ON case_subjects
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE OR REPLACE TRIGGER case_subjects_counting_delete AFTER DELETE ON case_subjects
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE OR REPLACE TRIGGER case_subjects_counting_update_old AFTER UPDATE ON case_subjects
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE OR REPLACE TRIGGER case_subjects_counting_update_new AFTER UPDATE ON case_subjects
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
