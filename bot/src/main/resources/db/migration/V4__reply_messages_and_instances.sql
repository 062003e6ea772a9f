-- What a crash must not lose or repeat. Portable across SQLite and PostgreSQL; the one dialect
-- difference, the name of the substring-position function, comes from the placeholder ${strpos}.

-- Each message of a reply as its own row, recorded as it is sent: the part's text first (with the
-- answer), then sending_at just before the send, then Telegram's message id as soon as the send
-- returned. A restart resumes at the first part with no sending_at, so no part goes out twice; a
-- part with sending_at but no message id was in flight when the process died (Telegram may or may
-- not have delivered it) and is never sent again. Hiding an answer edits every message id here.
CREATE TABLE reply_messages (
  answer_id  BIGINT NOT NULL REFERENCES answers (id),
  part       INTEGER NOT NULL,      -- 0, 1, ... in the order the reader receives them
  chat_id    BIGINT NOT NULL,
  html       TEXT,                  -- the part as sent (NULL for apologies and replies logged before V4)
  plain      TEXT,                  -- the same without markup, sent when Telegram refuses the HTML
  sending_at BIGINT,
  message_id BIGINT,
  PRIMARY KEY (answer_id, part)
);

-- The message ids of replies logged before V4, from the comma-separated column, in their order.
WITH RECURSIVE split (answer_id, chat_id, part, id_text, rest) AS (
  SELECT id, chat_id, 0, '', reply_message_ids || ','
  FROM answers WHERE reply_message_ids IS NOT NULL AND reply_message_ids <> '' AND chat_id IS NOT NULL
  UNION ALL
  SELECT answer_id, chat_id, part + 1, substr(rest, 1, ${strpos}(rest, ',') - 1), substr(rest, ${strpos}(rest, ',') + 1)
  FROM split WHERE rest <> ''
)
INSERT INTO reply_messages (answer_id, part, chat_id, sending_at, message_id)
SELECT answer_id, part - 1, chat_id, 0, CAST(TRIM(id_text) AS BIGINT) FROM split WHERE part > 0 AND TRIM(id_text) <> '';

ALTER TABLE answers DROP COLUMN reply_message_ids;

-- Why a question was not answered: asked too fast, too long. Its state is then 'refused'.
ALTER TABLE answers ADD COLUMN refusal TEXT;

-- Every running serve instance and when it last showed it was alive. A claim (on a question or an
-- edit) held by an instance whose heartbeat stopped is taken over at once by another.
CREATE TABLE instances (
  id           TEXT PRIMARY KEY,
  started_at   BIGINT NOT NULL,
  heartbeat_at BIGINT NOT NULL
);

-- Updates other than questions (commands, button presses, other messages), by Telegram update
-- id: one redelivered after a crash is recognised and never handled twice. Questions are
-- recognised by answers.update_id.
CREATE TABLE handled_updates (
  update_id   BIGINT PRIMARY KEY,
  kind        TEXT NOT NULL,        -- command, button, message, unroutable (its handling failed)
  chat_id     BIGINT,
  received_at BIGINT NOT NULL
);
CREATE INDEX ix_handled_updates_received ON handled_updates (received_at);
