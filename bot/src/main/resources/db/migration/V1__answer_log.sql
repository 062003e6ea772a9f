-- The answer log. The same migration runs on SQLite and PostgreSQL; the only dialect
-- difference, the auto-increment key, comes from the Flyway placeholder ${id_pk}.
-- Times are epoch milliseconds (UTC); booleans are 0/1 integers.

-- One row per question: written when the question arrives, completed with the answer
-- before the reply is sent, then with the reply's message ids once it went out.
CREATE TABLE answers (
  id                  ${id_pk},
  update_id           BIGINT,            -- Telegram update id; unique, so a redelivery is recognised
  chat_id             BIGINT,
  user_id             BIGINT,
  chat_type           TEXT,              -- private, group, supergroup, terminal
  question_message_id BIGINT,
  asked_at            BIGINT NOT NULL,
  question            TEXT NOT NULL,
  state               TEXT NOT NULL,     -- received, answered, sent, failed
  claimed_by          TEXT,              -- the serve instance working on it
  claimed_at          BIGINT,
  answered            INTEGER,           -- 1 answered, 0 not found
  answer_text         TEXT,              -- exactly what the reader was sent
  mode                TEXT,              -- extractive, openai, ollama
  notice              TEXT,              -- e.g. the model fell back to extractive
  query               TEXT,              -- the standalone query that was searched
  unsupported         INTEGER NOT NULL DEFAULT 0, -- sentences or citations that failed the support check
  latency_ms          BIGINT,
  answered_at         BIGINT,
  reply_message_ids   TEXT,              -- comma-separated Telegram message ids of the reply
  sent_at             BIGINT,
  incident_id         TEXT,              -- set when answering failed
  flagged             INTEGER NOT NULL DEFAULT 0,
  hidden              INTEGER NOT NULL DEFAULT 0,
  approved            INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_answers_update ON answers (update_id);
CREATE INDEX ix_answers_asked ON answers (asked_at);
CREATE INDEX ix_answers_state ON answers (state, asked_at);
CREATE INDEX ix_answers_chat ON answers (chat_id, asked_at);
CREATE INDEX ix_answers_answered ON answers (answered, asked_at);
CREATE INDEX ix_answers_flagged ON answers (flagged, asked_at);
CREATE INDEX ix_answers_hidden ON answers (hidden, asked_at);
CREATE INDEX ix_answers_unsupported ON answers (unsupported, asked_at);

-- The sources shown under an answer, with the quote as shown.
CREATE TABLE citations (
  answer_id       BIGINT NOT NULL REFERENCES answers (id),
  n               INTEGER NOT NULL,
  article_id      TEXT NOT NULL,
  passage_ordinal INTEGER NOT NULL,
  title           TEXT NOT NULL,
  source          TEXT,
  url             TEXT,
  published       TEXT,               -- ISO date or NULL (undated)
  passage         TEXT NOT NULL,
  quote           TEXT NOT NULL,
  quote_start     INTEGER NOT NULL,
  quote_end       INTEGER NOT NULL,
  supported       INTEGER NOT NULL,
  score           DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (answer_id, n)
);

-- The citation check of each answer sentence.
CREATE TABLE sentence_checks (
  answer_id BIGINT NOT NULL REFERENCES answers (id),
  ordinal   INTEGER NOT NULL,
  sentence  TEXT NOT NULL,
  cited     TEXT NOT NULL,            -- comma-separated citation numbers
  support   DOUBLE PRECISION NOT NULL,
  supported INTEGER NOT NULL,
  PRIMARY KEY (answer_id, ordinal)
);

-- Every passage retrieval returned, with its score.
CREATE TABLE retrieved (
  answer_id       BIGINT NOT NULL REFERENCES answers (id),
  rank            INTEGER NOT NULL,
  article_id      TEXT NOT NULL,
  passage_ordinal INTEGER NOT NULL,
  score           DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (answer_id, rank)
);

-- 👍 (1) / 👎 (-1), one vote per reader and answer; a new vote replaces the old.
CREATE TABLE feedback (
  answer_id BIGINT NOT NULL REFERENCES answers (id),
  user_id   BIGINT NOT NULL,
  value     INTEGER NOT NULL,
  at        BIGINT NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
CREATE INDEX ix_feedback_value ON feedback (value, answer_id);

-- What moderators did: approve, flag, hide, note; who and when.
CREATE TABLE moderation_actions (
  id        ${id_pk},
  answer_id BIGINT NOT NULL REFERENCES answers (id),
  moderator TEXT NOT NULL,            -- "telegram:<user id>" or "review:<name>"
  action    TEXT NOT NULL,
  note      TEXT,
  at        BIGINT NOT NULL
);
CREATE INDEX ix_actions_answer ON moderation_actions (answer_id, at);

-- Edits of readers' messages that the running bot carries out (a hide from the review page
-- works while the bot is down: the bot picks the edit up when it runs).
CREATE TABLE pending_edits (
  id           ${id_pk},
  answer_id    BIGINT NOT NULL REFERENCES answers (id),
  chat_id      BIGINT NOT NULL,
  message_id   BIGINT NOT NULL,
  new_text     TEXT NOT NULL,
  requested_at BIGINT NOT NULL,
  claimed_by   TEXT,
  done_at      BIGINT,
  error        TEXT
);
CREATE INDEX ix_edits_open ON pending_edits (done_at, requested_at);
