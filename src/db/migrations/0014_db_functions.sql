-- Which text of each file of src/db/functions the database runs: `migrate` applies a functions file
-- (CREATE OR REPLACE) when its hash differs from the one recorded here, so a start on an up-to-date
-- database reads one row per file and changes nothing.
CREATE TABLE db_functions (
  file text PRIMARY KEY,
  sha256 text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
