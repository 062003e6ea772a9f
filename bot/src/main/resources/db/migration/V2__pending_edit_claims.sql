-- When an instance claimed a pending edit, so a claim left by a crashed instance can be taken
-- over after a while without two running instances editing the same message at once.
ALTER TABLE pending_edits ADD COLUMN claimed_at BIGINT;
