-- The public read model: what the portal, the API and the downloads may show, kept in step with the
-- registry by triggers, so no public query ever touches editorial columns.
--
-- incident_search has one row per PUBLISHED incident and holds only public facts. A restricted
-- incident keeps its month, region and categories; its day, actors, articles and text are left out
-- (sort_date is the first day of its month, the arrays are empty, the document is empty).
-- Anonymous victims and actors linked anonymously are never in actor_ids, victim_kinds or the text.
--
-- incident_facet_counts is a rollup of incident_search by period (a year 'YYYY' and a month
-- 'YYYY-MM'), region, slice (all, or one category or group) and facet value. Facets and charts over
-- year, month, region and one category or group read it instead of counting a million rows. See src/modules/search/search.repo.ts for how the three strategies
-- (rollup, exact, sample) are chosen.

CREATE TABLE incident_search (
  incident_id text PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
  sort_date date NOT NULL,
  counted_in date NOT NULL,
  region_code text,
  restricted boolean NOT NULL,
  groups text[] NOT NULL,
  categories text[] NOT NULL,
  victim_kinds text[] NOT NULL,
  perpetrator_kinds text[] NOT NULL,
  articles text[] NOT NULL,
  -- Named actors (the survivors of merges), for the actor filter and the actor pages.
  actor_ids text[] NOT NULL,
  -- Titles and summaries with the configuration of their language (russian, english, simple for
  -- Kazakh), locality and the names of the named actors (simple), and the month ('m202405').
  document tsvector NOT NULL
);
CREATE INDEX incident_search_date ON incident_search (sort_date DESC, incident_id DESC);
CREATE INDEX incident_search_counted ON incident_search (counted_in, region_code);
CREATE INDEX incident_search_region ON incident_search (region_code, sort_date DESC);
CREATE INDEX incident_search_document ON incident_search USING gin (document);
CREATE INDEX incident_search_values ON incident_search
  USING gin (categories, victim_kinds, perpetrator_kinds, articles, actor_ids);

-- The cases list walks events by date; the actors list walks names in order.
CREATE INDEX case_events_date ON case_events (date DESC, case_id);
CREATE INDEX actors_name ON actors (name, id) WHERE merged_into IS NULL;

CREATE TABLE incident_facet_counts (
  -- A year ('YYYY') or a month ('YYYY-MM'); grain keeps the years of one dimension side by side in
  -- the index, so "every year" is one index range, not a list of probes.
  grain text NOT NULL CHECK (grain IN ('year', 'month')),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-[0-9]{2})?$'),
  region_code text NOT NULL,
  -- '' counts every incident; a category or group code counts only the incidents that carry it, so
  -- that a filter on one category or one group (the statistics page, the home page's links) is
  -- answered exactly from here too.
  slice text NOT NULL,
  dimension text NOT NULL CHECK (dimension IN ('all', 'group', 'category', 'victim_kind',
    'perpetrator_kind', 'article')),
  value text NOT NULL,
  n int NOT NULL,
  -- Dimension first: a facet reads one dimension of one slice over periods (index-only when it can).
  PRIMARY KEY (dimension, slice, grain, period, region_code, value) INCLUDE (n),
  CHECK ((grain = 'year') = (length(period) = 4))
);

-- One definition of the public row, used by the triggers for a few incidents and by
-- rebuild_incident_search() for all of them.
CREATE VIEW incident_search_source AS
SELECT
  i.id AS incident_id,
  CASE WHEN i.visibility = 'restricted' THEN date_trunc('month', i.date)::date ELSE i.date END AS sort_date,
  i.counted_in,
  i.region_code,
  i.visibility = 'restricted' AS restricted,
  ARRAY(SELECT DISTINCT c.group_code FROM incident_categories ic JOIN categories c ON c.code = ic.category_code
        WHERE ic.incident_id = i.id ORDER BY 1) AS groups,
  ARRAY(SELECT ic.category_code FROM incident_categories ic WHERE ic.incident_id = i.id ORDER BY 1) AS categories,
  CASE WHEN i.visibility = 'restricted' THEN '{}'::text[] ELSE
    ARRAY(SELECT DISTINCT a.kind FROM incident_actors ia JOIN actors a ON a.id = ia.actor_id
          WHERE ia.incident_id = i.id AND ia.role = 'victim' AND NOT ia.anonymous ORDER BY 1) END AS victim_kinds,
  CASE WHEN i.visibility = 'restricted' THEN '{}'::text[] ELSE
    ARRAY(SELECT DISTINCT a.kind FROM incident_actors ia JOIN actors a ON a.id = ia.actor_id
          WHERE ia.incident_id = i.id AND ia.role = 'perpetrator' AND NOT ia.anonymous ORDER BY 1) END AS perpetrator_kinds,
  CASE WHEN i.visibility = 'restricted' THEN '{}'::text[] ELSE
    ARRAY(SELECT la.article_code FROM incident_legal_articles la WHERE la.incident_id = i.id ORDER BY 1) END AS articles,
  CASE WHEN i.visibility = 'restricted' THEN '{}'::text[] ELSE
    ARRAY(SELECT DISTINCT coalesce(a.merged_into, a.id) FROM incident_actors ia JOIN actors a ON a.id = ia.actor_id
          WHERE ia.incident_id = i.id AND NOT ia.anonymous ORDER BY 1) END AS actor_ids,
  CASE WHEN i.visibility = 'restricted' THEN ''::tsvector ELSE
    setweight(to_tsvector('russian', coalesce(i.title ->> 'ru', '')), 'A')
    || setweight(to_tsvector('english', coalesce(i.title ->> 'en', '')), 'A')
    || setweight(to_tsvector('simple', coalesce(i.title ->> 'kk', '')), 'A')
    || setweight(to_tsvector('simple', coalesce(i.locality, '') || ' ' || coalesce(
         (SELECT string_agg(concat_ws(' ', a.name, a.names ->> 'kk', a.names ->> 'ru', a.names ->> 'en'), ' ')
          FROM incident_actors ia JOIN actors a ON a.id = ia.actor_id
          WHERE ia.incident_id = i.id AND NOT ia.anonymous), '')), 'B')
    || setweight(to_tsvector('russian', coalesce(i.summary ->> 'ru', '')), 'C')
    || setweight(to_tsvector('english', coalesce(i.summary ->> 'en', '')), 'C')
    || setweight(to_tsvector('simple', coalesce(i.summary ->> 'kk', '')), 'C')
    -- The month as a lexeme ('m202405'): a text search that walks month by month intersects it with
    -- the words inside the GIN index (see textMatches in search.repo.ts).
    || to_tsvector('simple', 'm' || to_char(i.date, 'YYYYMM'))
  END AS document
FROM incidents i
WHERE i.status = 'published';

CREATE FUNCTION refresh_incident_search(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM incident_search s
  WHERE s.incident_id = ANY (ids)
    AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = s.incident_id AND i.status = 'published');
  INSERT INTO incident_search AS s
  SELECT * FROM incident_search_source v WHERE v.incident_id = ANY (ids)
  ON CONFLICT (incident_id) DO UPDATE SET
    sort_date = EXCLUDED.sort_date, counted_in = EXCLUDED.counted_in, region_code = EXCLUDED.region_code,
    restricted = EXCLUDED.restricted, groups = EXCLUDED.groups, categories = EXCLUDED.categories,
    victim_kinds = EXCLUDED.victim_kinds, perpetrator_kinds = EXCLUDED.perpetrator_kinds,
    articles = EXCLUDED.articles, actor_ids = EXCLUDED.actor_ids, document = EXCLUDED.document
  WHERE (s.sort_date, s.counted_in, s.region_code, s.restricted, s.groups, s.categories, s.victim_kinds,
         s.perpetrator_kinds, s.articles, s.actor_ids, s.document)
    IS DISTINCT FROM (EXCLUDED.sort_date, EXCLUDED.counted_in, EXCLUDED.region_code, EXCLUDED.restricted,
         EXCLUDED.groups, EXCLUDED.categories, EXCLUDED.victim_kinds, EXCLUDED.perpetrator_kinds,
         EXCLUDED.articles, EXCLUDED.actor_ids, EXCLUDED.document);
END $$;

-- Statement-level triggers with transition tables: an import that writes a thousand rows in one
-- statement refreshes each incident once, not once per row.
CREATE FUNCTION incident_search_sync_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_incident_search(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM refresh_incident_search(ARRAY(SELECT id FROM new_rows UNION SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION incident_search_sync_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_incident_search(ARRAY(SELECT DISTINCT incident_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_incident_search(ARRAY(SELECT DISTINCT incident_id FROM old_rows));
  ELSE
    PERFORM refresh_incident_search(ARRAY(SELECT incident_id FROM new_rows UNION SELECT incident_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION incident_search_sync_actors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_incident_search(ARRAY(
    SELECT DISTINCT ia.incident_id FROM incident_actors ia
    WHERE ia.actor_id IN (SELECT id FROM new_rows UNION SELECT id FROM old_rows)));
  RETURN NULL;
END $$;

CREATE TRIGGER incident_search_incidents_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_incidents();
CREATE TRIGGER incident_search_incidents_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_incidents();

CREATE TRIGGER incident_search_categories_insert AFTER INSERT ON incident_categories
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_children();
CREATE TRIGGER incident_search_categories_update AFTER UPDATE ON incident_categories
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_children();
CREATE TRIGGER incident_search_categories_delete AFTER DELETE ON incident_categories
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_children();

CREATE TRIGGER incident_search_actors_insert AFTER INSERT ON incident_actors
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_children();
CREATE TRIGGER incident_search_actors_update AFTER UPDATE ON incident_actors
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_children();
CREATE TRIGGER incident_search_actors_delete AFTER DELETE ON incident_actors
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_children();

CREATE TRIGGER incident_search_articles_insert AFTER INSERT ON incident_legal_articles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_children();
CREATE TRIGGER incident_search_articles_update AFTER UPDATE ON incident_legal_articles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_children();
CREATE TRIGGER incident_search_articles_delete AFTER DELETE ON incident_legal_articles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_children();

CREATE TRIGGER incident_search_actor_changes AFTER UPDATE ON actors
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION incident_search_sync_actors();

-- The rollup keys of one public row: its year and its month, its region ('' when unknown), each of
-- its slices ('', its categories, its groups) and each of its values.
CREATE FUNCTION incident_facet_keys(r incident_search)
RETURNS TABLE (grain text, period text, region_code text, slice text, dimension text, value text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT p.grain, p.period, coalesce(r.region_code, ''), s.slice, d.dimension, d.value
  FROM (VALUES ('year', to_char(r.counted_in, 'YYYY')), ('month', to_char(r.counted_in, 'YYYY-MM'))) p(grain, period)
  CROSS JOIN (SELECT '' UNION ALL SELECT unnest(r.categories) UNION ALL SELECT unnest(r.groups)) s(slice)
  CROSS JOIN (
    SELECT 'all', '' UNION ALL
    SELECT 'group', unnest(r.groups) UNION ALL
    SELECT 'category', unnest(r.categories) UNION ALL
    SELECT 'victim_kind', unnest(r.victim_kinds) UNION ALL
    SELECT 'perpetrator_kind', unnest(r.perpetrator_kinds) UNION ALL
    SELECT 'article', unnest(r.articles)
  ) d(dimension, value)
$$;

-- Rollup deltas: a row entering incident_search adds 1 to each of its keys, a row leaving subtracts
-- 1. Counters are written in key order so that two transactions touching the same counters wait for
-- each other instead of deadlocking.
CREATE FUNCTION apply_incident_facet_delta(added incident_search[], removed incident_search[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO incident_facet_counts AS f (dimension, slice, grain, period, region_code, value, n)
  SELECT k.dimension, k.slice, k.grain, k.period, k.region_code, k.value, sum(r.delta)
  FROM (SELECT a, 1 AS delta FROM unnest(added) a UNION ALL SELECT b, -1 FROM unnest(removed) b) r(row, delta)
  CROSS JOIN LATERAL incident_facet_keys(r.row) k
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(r.delta) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (dimension, slice, grain, period, region_code, value) DO UPDATE SET n = f.n + EXCLUDED.n
$$;

CREATE FUNCTION incident_facet_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM apply_incident_facet_delta(ARRAY(SELECT n::incident_search FROM new_rows n), '{}'::incident_search[]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM apply_incident_facet_delta('{}'::incident_search[], ARRAY(SELECT o::incident_search FROM old_rows o));
  ELSE
    PERFORM apply_incident_facet_delta(ARRAY(SELECT n::incident_search FROM new_rows n), ARRAY(SELECT o::incident_search FROM old_rows o));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER incident_facet_counts_insert AFTER INSERT ON incident_search
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_facet_counts_apply();
CREATE TRIGGER incident_facet_counts_update AFTER UPDATE ON incident_search
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION incident_facet_counts_apply();
CREATE TRIGGER incident_facet_counts_delete AFTER DELETE ON incident_search
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_facet_counts_apply();

-- For bulk loads (the benchmark, a restored backup): fill both tables from scratch in two statements.
-- Run it with the triggers of the registry tables disabled, or simply after the load.
CREATE FUNCTION rebuild_incident_search() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE incident_search, incident_facet_counts;
  ALTER TABLE incident_search DISABLE TRIGGER USER;
  INSERT INTO incident_search SELECT * FROM incident_search_source;
  ALTER TABLE incident_search ENABLE TRIGGER USER;
  INSERT INTO incident_facet_counts (dimension, slice, grain, period, region_code, value, n)
  SELECT k.dimension, k.slice, k.grain, k.period, k.region_code, k.value, count(*)
  FROM incident_search r CROSS JOIN LATERAL incident_facet_keys(r) k
  GROUP BY 1, 2, 3, 4, 5, 6;
END $$;

-- Existing data (a database migrated before this file) enters the read model now.
SELECT rebuild_incident_search();
