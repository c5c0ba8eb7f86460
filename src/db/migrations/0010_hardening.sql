-- Hardening (issue 13).

-- The public side never shows a restricted incident's own id (import files and the demo put names in
-- ids); it shows this random reference instead, which says nothing about the record.
ALTER TABLE incidents ADD COLUMN public_ref uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX incidents_public_ref ON incidents (public_ref);

-- Keys that every instance on one database must share (the question form's time stamp and the
-- client-address key of its rate limits), made once by the first instance that needs one, so that
-- no instance keeps a secret of its own and instances accept each other's forms.
CREATE TABLE shared_keys (
  name text PRIMARY KEY,
  secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
