-- The registry: users and sessions, actors, incidents, legal cases, and the audit trail.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'monitor', 'lawyer')),
  password_hash text NOT NULL,
  totp_secret text,
  totp_enabled_at timestamptz,
  preferred_lang text NOT NULL DEFAULT 'ru' CHECK (preferred_lang IN ('kk', 'ru', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- Sessions live in the database so that any instance behind a load balancer can serve any request.
-- Only a hash of the cookie's token is stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  second_factor_done boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  throttle_key text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  succeeded boolean NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts (throttle_key, attempted_at);

CREATE TABLE actors (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('journalist', 'editor', 'camera_operator', 'blogger', 'activist',
    'lawyer', 'citizen', 'official', 'media_outlet', 'online_channel', 'ngo', 'police', 'prosecutor',
    'court', 'national_security', 'local_executive', 'ministry', 'election_commission',
    'other_state_body', 'company', 'security_guard', 'private_person', 'platform', 'foreign_state',
    'unknown')),
  name text NOT NULL CHECK (name <> ''),
  names jsonb NOT NULL DEFAULT '{}',
  description jsonb NOT NULL DEFAULT '{}',
  -- A merged actor points at the survivor; its rows stay so the merge can be undone.
  merged_into text REFERENCES actors(id),
  is_demo boolean NOT NULL DEFAULT false,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every spelling seen for an actor, with a script-independent key for matching
-- (Кайдарова, Kaidarova and Kaydarova share one key).
CREATE TABLE actor_names (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor_id text NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  name text NOT NULL,
  match_key text NOT NULL,
  UNIQUE (actor_id, name)
);
CREATE INDEX actor_names_match_key_trgm ON actor_names USING gin (match_key gin_trgm_ops);

CREATE TABLE incidents (
  id text PRIMARY KEY,
  -- When only the month is known, date is its first day and date_precision is 'month'.
  date date NOT NULL,
  date_precision text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month')),
  counted_in date NOT NULL CHECK (extract(day FROM counted_in) = 1),
  region_code text REFERENCES regions(code),
  locality text,
  title jsonb NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'restricted')),
  -- The correspondent who reported it: editorial side only.
  correspondent text,
  editorial_note text,
  provenance jsonb,
  is_demo boolean NOT NULL DEFAULT false,
  version int NOT NULL DEFAULT 1,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX incidents_counted ON incidents (status, counted_in) INCLUDE (id);
CREATE INDEX incidents_date ON incidents (date DESC, id);
CREATE INDEX incidents_region ON incidents (region_code);

CREATE TABLE incident_categories (
  incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  category_code text NOT NULL REFERENCES categories(code),
  PRIMARY KEY (incident_id, category_code)
);
CREATE INDEX incident_categories_code ON incident_categories (category_code, incident_id);

CREATE TABLE incident_actors (
  incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  actor_id text NOT NULL REFERENCES actors(id),
  role text NOT NULL CHECK (role IN ('victim', 'perpetrator')),
  -- An anonymous victim is never named outside the editorial side.
  anonymous boolean NOT NULL DEFAULT false,
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (incident_id, actor_id, role)
);
CREATE INDEX incident_actors_actor ON incident_actors (actor_id);

CREATE TABLE incident_legal_articles (
  incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  article_code text NOT NULL REFERENCES legal_articles(code),
  PRIMARY KEY (incident_id, article_code)
);

CREATE TABLE incident_sources (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  position int NOT NULL DEFAULT 0,
  url text,
  outlet text,
  title text,
  correspondent text,
  -- A confidential source never leaves the editorial side.
  confidential boolean NOT NULL DEFAULT false,
  note text
);
CREATE INDEX incident_sources_incident ON incident_sources (incident_id);

CREATE TABLE incident_links (
  incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  linked_incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  PRIMARY KEY (incident_id, linked_incident_id),
  CHECK (incident_id <> linked_incident_id)
);

CREATE TABLE cases (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('criminal', 'civil', 'administrative')),
  title jsonb NOT NULL DEFAULT '{}',
  summary jsonb NOT NULL DEFAULT '{}',
  region_code text REFERENCES regions(code),
  court text,
  claim_non_pecuniary bigint CHECK (claim_non_pecuniary >= 0),
  claim_other bigint CHECK (claim_other >= 0),
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('for_media', 'against_media', 'partial',
    'dismissed', 'settled', 'pending')),
  status text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
  editorial_note text,
  is_demo boolean NOT NULL DEFAULT false,
  version int NOT NULL DEFAULT 1,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);

CREATE TABLE case_subjects (
  case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  category_code text NOT NULL REFERENCES categories(code),
  PRIMARY KEY (case_id, category_code)
);

-- The articles a case has been brought under; requalification is recorded as a case event.
CREATE TABLE case_articles (
  case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  article_code text NOT NULL REFERENCES legal_articles(code),
  PRIMARY KEY (case_id, article_code)
);

CREATE TABLE case_parties (
  case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  actor_id text NOT NULL REFERENCES actors(id),
  role text NOT NULL CHECK (role IN ('plaintiff', 'defendant', 'suspect', 'accused', 'witness_with_defence',
    'victim', 'applicant', 'third_party', 'representative', 'judge', 'prosecutor', 'other')),
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, actor_id, role)
);
CREATE INDEX case_parties_actor ON case_parties (actor_id);

CREATE TABLE case_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('filed', 'investigation_opened', 'measure', 'hearing', 'decision',
    'appeal', 'cassation', 'in_force', 'enforcement', 'requalified', 'other')),
  instance text CHECK (instance IN ('first', 'appeal', 'cassation', 'supreme')),
  outcome text CHECK (outcome IN ('for_media', 'against_media', 'partial', 'dismissed', 'settled', 'pending')),
  awarded bigint CHECK (awarded >= 0),
  collected bigint CHECK (collected >= 0),
  fine_tenge bigint CHECK (fine_tenge >= 0),
  fine_mci numeric CHECK (fine_mci >= 0),
  bail bigint CHECK (bail >= 0),
  -- For kind 'requalified': the articles the case moved to.
  articles text[] NOT NULL DEFAULT '{}',
  court text,
  note jsonb NOT NULL DEFAULT '{}',
  position int NOT NULL DEFAULT 0
);
CREATE INDEX case_events_case ON case_events (case_id, date);
CREATE INDEX case_events_decisions ON case_events (date) INCLUDE (case_id, instance, outcome, awarded)
  WHERE kind = 'decision';

CREATE TABLE incident_cases (
  incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  PRIMARY KEY (incident_id, case_id)
);
CREATE INDEX incident_cases_case ON incident_cases (case_id);

-- The permanent audit trail: written in the same transaction as the change it records, never expired.
-- "after" holds the record's full editorial snapshot, which is what revision history and restore use.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  user_id bigint REFERENCES users(id),
  -- Who acted when it was no signed-in user: 'cli', 'import', 'system', 'demo'.
  via text NOT NULL DEFAULT 'web',
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id);
