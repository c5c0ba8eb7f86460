-- Intake (issue 16): the monitors' daily scan of open sources.

-- A source is a news feed (RSS 2.0, Atom, JSON Feed), a plain web page or a Telegram channel's
-- public web preview. The row is also its own fetch job: next_fetch_at is when it is due, and a
-- fetcher claims it (FOR UPDATE SKIP LOCKED, then a lease in claimed_until) so that several
-- instances never fetch one source at the same time. Nothing about fetching lives in memory.
CREATE TABLE intake_sources (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url text NOT NULL UNIQUE,
  host text NOT NULL,
  name text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
  -- What the last answer turned out to be: 'rss', 'atom', 'json', 'page', 'telegram'.
  kind text,
  interval_minutes int NOT NULL DEFAULT 60 CHECK (interval_minutes BETWEEN 5 AND 10080),
  paused boolean NOT NULL DEFAULT false,
  next_fetch_at timestamptz NOT NULL DEFAULT now(),
  claimed_by text,
  claimed_until timestamptz,
  etag text,
  last_modified text,
  last_fetched_at timestamptz,
  last_success_at timestamptz,
  last_error_at timestamptz,
  last_error text,
  consecutive_errors int NOT NULL DEFAULT 0,
  items_found int NOT NULL DEFAULT 0,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intake_sources_due ON intake_sources (next_fetch_at) WHERE NOT paused;

-- Politeness: the earliest moment the next request to a host may start, shared by every instance.
CREATE TABLE intake_hosts (
  host text PRIMARY KEY,
  next_request_at timestamptz NOT NULL
);

-- A candidate: one new item of a source, or what a monitor pasted. Its suggestions come from the
-- importer's recognisers; a monitor turns it into a draft incident, attaches it to an incident, or
-- dismisses it with a reason.
CREATE TABLE intake_candidates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id bigint REFERENCES intake_sources(id) ON DELETE SET NULL,
  origin text NOT NULL CHECK (origin IN ('feed', 'paste')),
  link text,
  -- The link without its fragment, tracking parameters and trailing slash: one candidate per link.
  link_key text UNIQUE,
  title text NOT NULL,
  published_at timestamptz,
  lang text NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
  excerpt text NOT NULL DEFAULT '',
  outlet text,
  region_code text REFERENCES regions(code),
  suggestions jsonb NOT NULL DEFAULT '{}',
  -- The first candidate of its group of near-duplicates (itself when it leads the group).
  group_id bigint,
  -- Existing incidents it may describe: [{ id, score, reasons }].
  matches jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'drafted', 'attached', 'dismissed')),
  dismiss_reason text,
  dismiss_note text,
  incident_id text REFERENCES incidents(id) ON DELETE SET NULL,
  decided_by bigint REFERENCES users(id),
  decided_at timestamptz,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'dismissed' OR dismiss_reason IS NOT NULL)
);
CREATE INDEX intake_candidates_queue ON intake_candidates (status, (coalesce(published_at, created_at)) DESC, id DESC);
CREATE INDEX intake_candidates_published ON intake_candidates (published_at);
CREATE INDEX intake_candidates_group ON intake_candidates (group_id);
