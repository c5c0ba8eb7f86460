-- The registers of blocking and of access-to-information requests (issue 17). Each record is a
-- draft until an editor publishes it; only published records reach the public side, and fields
-- marked private below never do.

CREATE TABLE blocking_records (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- A URL or a handle (@channel), as the order names it.
  resource text NOT NULL CHECK (length(resource) BETWEEN 1 AND 2000),
  resource_kind text NOT NULL CHECK (resource_kind IN ('site', 'page', 'account', 'channel', 'app', 'other')),
  ordered_by text NOT NULL CHECK (length(ordered_by) BETWEEN 1 AND 500),
  legal_basis text NOT NULL DEFAULT '' CHECK (length(legal_basis) <= 1000),
  blocked_on date NOT NULL,
  -- NULL while the resource is still blocked.
  lifted_on date,
  region_code text REFERENCES regions(code),
  description jsonb NOT NULL DEFAULT '{}',
  -- Private: never on a public page, API response, feed, export or mirror.
  editorial_note text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  version int NOT NULL DEFAULT 1,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (lifted_on IS NULL OR lifted_on >= blocked_on)
);
CREATE INDEX blocking_records_published ON blocking_records (status, blocked_on DESC);

-- One check of a blocked resource: what was seen, when, and the proof.
CREATE TABLE blocking_evidence (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  blocking_id bigint NOT NULL REFERENCES blocking_records(id) ON DELETE CASCADE,
  checked_on date NOT NULL,
  still_blocked boolean NOT NULL,
  link text NOT NULL DEFAULT '' CHECK (length(link) <= 2000),
  -- The SHA-256 of the blocked content (or of the block page) as captured.
  content_sha256 text CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  screenshot bytea,
  screenshot_type text CHECK (screenshot_type IN ('image/png', 'image/jpeg', 'image/webp')),
  screenshot_sha256 text CHECK (screenshot_sha256 ~ '^[0-9a-f]{64}$'),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((screenshot IS NULL) = (screenshot_type IS NULL) AND (screenshot IS NULL) = (screenshot_sha256 IS NULL))
);
CREATE INDEX blocking_evidence_record ON blocking_evidence (blocking_id, checked_on);

CREATE TABLE blocking_incidents (
  blocking_id bigint NOT NULL REFERENCES blocking_records(id) ON DELETE CASCADE,
  incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  PRIMARY KEY (blocking_id, incident_id)
);
CREATE INDEX blocking_incidents_incident ON blocking_incidents (incident_id);

-- A request for information to a state body and what became of it.
CREATE TABLE info_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  requester_kind text NOT NULL CHECK (requester_kind IN ('journalist', 'media_outlet', 'blogger', 'other')),
  -- Private when requester_anonymous: then it never leaves the editorial side.
  requester_name text NOT NULL DEFAULT '' CHECK (length(requester_name) <= 500),
  requester_anonymous boolean NOT NULL DEFAULT false,
  body_name text NOT NULL CHECK (length(body_name) BETWEEN 1 AND 500),
  region_code text REFERENCES regions(code),
  requested_on date NOT NULL,
  subject jsonb NOT NULL DEFAULT '{}',
  -- The legal deadline for the answer.
  deadline_on date NOT NULL CHECK (deadline_on >= requested_on),
  answer text NOT NULL DEFAULT 'pending'
    CHECK (answer IN ('pending', 'answered', 'refused', 'partial', 'late', 'silent')),
  answered_on date CHECK (answered_on IS NULL OR answered_on >= requested_on),
  grounds text NOT NULL DEFAULT '' CHECK (length(grounds) <= 2000),
  incident_id text REFERENCES incidents(id) ON DELETE SET NULL,
  -- Private: never on the public side.
  editorial_note text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  version int NOT NULL DEFAULT 1,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX info_requests_published ON info_requests (status, requested_on DESC);
CREATE INDEX info_requests_body ON info_requests (body_name, requested_on);
CREATE INDEX info_requests_incident ON info_requests (incident_id);

-- An appeal of a refusal or a silence (to a higher body, the prosecutor or a court) and its outcome.
CREATE TABLE info_request_appeals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES info_requests(id) ON DELETE CASCADE,
  filed_on date NOT NULL,
  appealed_to text NOT NULL CHECK (length(appealed_to) BETWEEN 1 AND 500),
  outcome text NOT NULL DEFAULT 'pending'
    CHECK (outcome IN ('pending', 'granted', 'partly_granted', 'rejected', 'withdrawn')),
  decided_on date CHECK (decided_on IS NULL OR decided_on >= filed_on),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX info_request_appeals_request ON info_request_appeals (request_id, filed_on);
