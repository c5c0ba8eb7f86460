-- The rollup of the public read model: incident_facet_counts is kept from incident_search by these
-- functions and triggers (the tables are created by migration 0005). One definition, applied by
-- `migrate` after the migrations with CREATE OR REPLACE whenever this text changed.

-- The rollup keys of one public row: its year and its month, its region ('' when unknown), each of
-- its slices ('', its categories, its groups) and each of its values.
CREATE OR REPLACE FUNCTION incident_facet_keys(r incident_search)
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
CREATE OR REPLACE FUNCTION apply_incident_facet_delta(added incident_search[], removed incident_search[])
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

CREATE OR REPLACE FUNCTION incident_facet_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE TRIGGER incident_facet_counts_insert AFTER INSERT ON incident_search
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_facet_counts_apply();
CREATE OR REPLACE TRIGGER incident_facet_counts_update AFTER UPDATE ON incident_search
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION incident_facet_counts_apply();
CREATE OR REPLACE TRIGGER incident_facet_counts_delete AFTER DELETE ON incident_search
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_facet_counts_apply();
