-- Counting tables for the figures (stats module), and the monthly bulletins.

-- Counting tables: one row per incident, per case and per decision, holding exactly what the
-- counting rules of DESIGN 4 read, kept up to date by triggers on the registry tables. Each figure
-- is then one index range scan over a period, whatever the size of the registry (at 1M incidents a
-- join through incident_categories took 400 ms a period; this takes a few ms). Nothing writes them
-- but these triggers.

CREATE TABLE incident_counting (
  incident_id text PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
  status text NOT NULL,
  counted_in date NOT NULL,
  categories text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX incident_counting_period ON incident_counting (status, counted_in) INCLUDE (categories);

-- Published incidents per counting month: one row per category ('category:attack') and per group
-- ('group:rights', distinct incidents), kept from incident_counting by the triggers below. A year to
-- date is then the sum of at most twelve rows per figure.
CREATE TABLE incident_month_counts (
  counted_in date NOT NULL,
  key text NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (counted_in, key)
);

CREATE TABLE case_counting (
  case_id text PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  status text NOT NULL,
  kind text NOT NULL,
  claim_non_pecuniary bigint,
  subjects text[] NOT NULL DEFAULT '{}',
  -- The earliest event: the case counts as new in its month (rule 4).
  first_date date,
  -- The earliest event with an instance: the case is in court from then on.
  first_court_date date
);
CREATE INDEX case_counting_period ON case_counting (status, first_date)
  INCLUDE (kind, claim_non_pecuniary, first_court_date, subjects);

CREATE TABLE decision_counting (
  event_id bigint PRIMARY KEY REFERENCES case_events(id) ON DELETE CASCADE,
  case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  case_status text NOT NULL,
  date date NOT NULL,
  instance text,
  outcome text,
  awarded bigint
);
CREATE INDEX decision_counting_period ON decision_counting (case_status, date)
  INCLUDE (case_id, instance, outcome, awarded);
CREATE INDEX decision_counting_case ON decision_counting (case_id);

CREATE FUNCTION sozwatch_refresh_incident_counting(ids text[]) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO incident_counting (incident_id, status, counted_in, categories)
  SELECT i.id, i.status, i.counted_in,
    coalesce((SELECT array_agg(ic.category_code ORDER BY ic.category_code)
              FROM incident_categories ic WHERE ic.incident_id = i.id), '{}')
  FROM incidents i WHERE i.id IN (SELECT unnest(ids))
  ON CONFLICT (incident_id) DO UPDATE
    SET status = excluded.status, counted_in = excluded.counted_in, categories = excluded.categories;
$fn$;

CREATE FUNCTION sozwatch_refresh_case_counting(ids text[]) RETURNS void LANGUAGE sql AS $fn$
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

CREATE FUNCTION sozwatch_add_incident_counts(changed incident_counting[], sign int) RETURNS void LANGUAGE sql AS $fn$
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

CREATE FUNCTION sozwatch_incident_counting_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_add_incident_counts(ARRAY(SELECT ROW(r.incident_id, r.status, r.counted_in, r.categories)::incident_counting FROM new_rows r), 1);
  RETURN NULL;
END $fn$;
CREATE FUNCTION sozwatch_incident_counting_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_add_incident_counts(ARRAY(SELECT ROW(r.incident_id, r.status, r.counted_in, r.categories)::incident_counting FROM old_rows r), -1);
  RETURN NULL;
END $fn$;
CREATE FUNCTION sozwatch_incident_counting_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_add_incident_counts(ARRAY(SELECT ROW(r.incident_id, r.status, r.counted_in, r.categories)::incident_counting FROM old_rows r), -1);
  PERFORM sozwatch_add_incident_counts(ARRAY(SELECT ROW(r.incident_id, r.status, r.counted_in, r.categories)::incident_counting FROM new_rows r), 1);
  RETURN NULL;
END $fn$;
CREATE TRIGGER incident_counting_inserted AFTER INSERT ON incident_counting
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_counting_inserted();
CREATE TRIGGER incident_counting_deleted AFTER DELETE ON incident_counting
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_counting_deleted();
CREATE TRIGGER incident_counting_updated AFTER UPDATE ON incident_counting
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION sozwatch_incident_counting_updated();

CREATE FUNCTION sozwatch_incidents_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_refresh_incident_counting(ARRAY(SELECT id FROM changed_rows));
  RETURN NULL;
END $fn$;
CREATE TRIGGER incidents_counting_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incidents_changed();
CREATE TRIGGER incidents_counting_update AFTER UPDATE ON incidents
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incidents_changed();

CREATE FUNCTION sozwatch_incident_categories_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_refresh_incident_counting(ARRAY(SELECT incident_id FROM changed_rows));
  RETURN NULL;
END $fn$;
CREATE TRIGGER incident_categories_counting_insert AFTER INSERT ON incident_categories
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_categories_changed();
CREATE TRIGGER incident_categories_counting_delete AFTER DELETE ON incident_categories
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_categories_changed();
CREATE TRIGGER incident_categories_counting_update_old AFTER UPDATE ON incident_categories
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_categories_changed();
CREATE TRIGGER incident_categories_counting_update_new AFTER UPDATE ON incident_categories
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_incident_categories_changed();

CREATE FUNCTION sozwatch_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_refresh_case_counting(ARRAY(SELECT id FROM changed_rows));
  RETURN NULL;
END $fn$;
CREATE TRIGGER cases_counting_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_cases_changed();
CREATE TRIGGER cases_counting_update AFTER UPDATE ON cases
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_cases_changed();

-- Case events and subjects name their case in case_id.
CREATE FUNCTION sozwatch_case_parts_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sozwatch_refresh_case_counting(ARRAY(SELECT DISTINCT case_id FROM changed_rows));
  RETURN NULL;
END $fn$;
CREATE TRIGGER case_events_counting_insert AFTER INSERT ON case_events
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE TRIGGER case_events_counting_delete AFTER DELETE ON case_events
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE TRIGGER case_events_counting_update_old AFTER UPDATE ON case_events
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE TRIGGER case_events_counting_update_new AFTER UPDATE ON case_events
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE TRIGGER case_subjects_counting_insert AFTER INSERT ON case_subjects
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE TRIGGER case_subjects_counting_delete AFTER DELETE ON case_subjects
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE TRIGGER case_subjects_counting_update_old AFTER UPDATE ON case_subjects
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();
CREATE TRIGGER case_subjects_counting_update_new AFTER UPDATE ON case_subjects
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sozwatch_case_parts_changed();

-- Records that exist before this migration.
SELECT sozwatch_refresh_incident_counting(ARRAY(SELECT id FROM incidents));
SELECT sozwatch_refresh_case_counting(ARRAY(SELECT id FROM cases));

CREATE TABLE bulletins (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The first day of the month the bulletin covers; one bulletin per month.
  month date NOT NULL UNIQUE CHECK (extract(day FROM month) = 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  -- The editor's texts, per language: {"kk": …, "ru": …, "en": …}.
  introduction jsonb NOT NULL DEFAULT '{}',
  -- Notes per section: {"rights": {"ru": …}, "legal": {…}}.
  section_notes jsonb NOT NULL DEFAULT '{}',
  -- The figures (stats --json shape) frozen at publication; never rewritten afterwards.
  frozen_figures jsonb,
  published_at timestamptz,
  published_by bigint REFERENCES users(id),
  version int NOT NULL DEFAULT 1,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'published') = (frozen_figures IS NOT NULL AND published_at IS NOT NULL))
);

CREATE TABLE bulletin_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bulletin_id bigint NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  section text NOT NULL CHECK (section IN ('context', 'rights', 'information', 'legal', 'ongoing')),
  position int NOT NULL,
  incident_id text REFERENCES incidents(id) ON DELETE SET NULL,
  case_id text REFERENCES cases(id) ON DELETE SET NULL,
  -- The public-safe content of the item frozen at publication, so a published bulletin never changes.
  snapshot jsonb,
  -- Deferred, so that two items can swap places in one transaction.
  UNIQUE (bulletin_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX bulletin_items_incident ON bulletin_items (incident_id);
CREATE INDEX bulletin_items_case ON bulletin_items (case_id);
