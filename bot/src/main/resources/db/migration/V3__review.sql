-- Indexes for the review queue, which lists answers newest first under one filter at a time.
-- Partial indexes (SQLite and PostgreSQL both have them) keep a rare condition cheap to page
-- through: the queue's SQL repeats each predicate literally so both planners pick them up.

-- Unsupported citations: `unsupported > 0` is a range, which (unsupported, asked_at) cannot
-- serve in asked_at order.
CREATE INDEX ix_answers_unsupported_recent ON answers (asked_at, id) WHERE unsupported > 0;

-- Filter by chat type (private, group, supergroup, terminal).
CREATE INDEX ix_answers_chat_type ON answers (chat_type, asked_at);

-- Answers with a 👎, found from the feedback side.
CREATE INDEX ix_feedback_down ON feedback (answer_id) WHERE value = -1;
