-- Actor merges with their history, so that a merge can be undone (split) exactly.

CREATE TABLE actor_merges (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  survivor_id text NOT NULL REFERENCES actors(id),
  merged_id text NOT NULL REFERENCES actors(id),
  -- The incident and case links that moved from the merged actor to the survivor (and the ones
  -- dropped as duplicates), so that a split puts back exactly those.
  moved jsonb NOT NULL,
  merged_at timestamptz NOT NULL,
  merged_by bigint REFERENCES users(id),
  split_at timestamptz,
  split_by bigint REFERENCES users(id),
  CHECK (survivor_id <> merged_id)
);
CREATE INDEX actor_merges_merged ON actor_merges (merged_id, id);
CREATE INDEX actor_merges_survivor ON actor_merges (survivor_id, id);

-- The interchange import matches actors by their exact name and kind.
CREATE INDEX actor_names_name ON actor_names (name, actor_id);
CREATE INDEX actors_merged_into ON actors (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX incident_links_linked ON incident_links (linked_incident_id);
