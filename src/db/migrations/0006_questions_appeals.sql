-- "Ask your question" (questions from the public to the lawyers), the mail outbox, the submission
-- throttle, and the organization's appeals and statements.

CREATE TABLE questions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Q-2026-000123: shown to the sender; useless without the access code.
  reference text NOT NULL UNIQUE,
  access_code_hash text NOT NULL,
  -- A resent form (a reload of the confirmation page) finds its question instead of a duplicate.
  submission_key text NOT NULL UNIQUE,
  lang text NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
  topic text NOT NULL CHECK (topic IN ('access_to_information', 'defamation', 'accreditation', 'detention',
    'copyright', 'other')),
  region_code text REFERENCES regions(code),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  -- Private: never on a public page, API response, feed or export; purged after closing.
  sender_name text,
  sender_contact text,
  contact_kind text CHECK (contact_kind IN ('email', 'phone')),
  contact_purged_at timestamptz,
  consent_publish boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'assigned', 'awaiting_info', 'answered',
    'closed', 'published')),
  assigned_to bigint REFERENCES users(id),
  answer text,
  answered_at timestamptz,
  answered_by bigint REFERENCES users(id),
  -- What the knowledge base shows: the lawyer's anonymized version of the question and answer.
  public_question text,
  public_answer text,
  published_at timestamptz,
  closed_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((sender_contact IS NULL) = (contact_kind IS NULL)),
  CHECK (status <> 'published' OR (consent_publish AND public_question IS NOT NULL
    AND public_answer IS NOT NULL AND published_at IS NOT NULL))
);
CREATE INDEX questions_status ON questions (status, created_at DESC);
CREATE INDEX questions_purge ON questions (closed_at) WHERE contact_purged_at IS NULL;

-- The conversation between the lawyers and the sender besides the final answer.
CREATE TABLE question_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  question_id bigint NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('info_request', 'sender_reply')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  author_id bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX question_messages_question ON question_messages (question_id, id);

CREATE TABLE question_articles (
  question_id bigint NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  article_code text NOT NULL REFERENCES legal_articles(code),
  PRIMARY KEY (question_id, article_code)
);

CREATE TABLE question_cases (
  question_id bigint NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  PRIMARY KEY (question_id, case_id)
);

-- Every mail the app means to send. Without SMTP it stays here as 'not_sent' and the inbox shows it.
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- NULL once the recipient's address has been purged with the question's contact data.
  to_address text,
  recipient text NOT NULL CHECK (recipient IN ('sender', 'staff')),
  subject text NOT NULL,
  body text NOT NULL,
  question_id bigint REFERENCES questions(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'not_sent', 'failed')),
  status_detail text,
  attempts int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempted_at timestamptz
);
CREATE INDEX outbox_status ON outbox (status, id);
CREATE INDEX outbox_question ON outbox (question_id);

-- Submissions per client address (an HMAC of it, never the address itself), so that rate limits hold
-- across every instance of the app.
CREATE TABLE submission_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_key text NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submission_attempts_key ON submission_attempts (client_key, action, attempted_at);

CREATE TABLE appeals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title jsonb NOT NULL,
  date date NOT NULL,
  -- One official or body per line; one organization per line.
  addressees text[] NOT NULL DEFAULT '{}',
  signatories text[] NOT NULL DEFAULT '{}',
  body jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  version int NOT NULL DEFAULT 1,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX appeals_published ON appeals (status, date DESC);

CREATE TABLE appeal_incidents (
  appeal_id bigint NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
  incident_id text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (appeal_id, incident_id)
);

CREATE TABLE appeal_cases (
  appeal_id bigint NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
  case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  PRIMARY KEY (appeal_id, case_id)
);

-- An answer from one of the addressees, recorded against the appeal.
CREATE TABLE appeal_responses (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  appeal_id bigint NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
  date date NOT NULL,
  responder text NOT NULL CHECK (responder <> ''),
  body text NOT NULL CHECK (body <> ''),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appeal_responses_appeal ON appeal_responses (appeal_id, date);
