-- Asking: the private status link, safe retries, crisis flags and consent.
-- status_token_hash: SHA-256 of the asker's status link token; the token itself is never stored.
-- retry_key_hash / retry_receipt: SHA-256 of the submission's idempotency key, and the status token
-- sealed with that key, so a retried submission can be answered with the same link.
ALTER TABLE question ADD COLUMN status_token_hash VARCHAR(64);
ALTER TABLE question ADD COLUMN retry_key_hash VARCHAR(64);
ALTER TABLE question ADD COLUMN retry_receipt VARCHAR(200);
ALTER TABLE question ADD COLUMN urgent BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE question ADD COLUMN crisis_kinds VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE question ADD COLUMN consent BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE question ADD COLUMN decline_reply TEXT;
ALTER TABLE question ADD COLUMN updated_at ${instant};
CREATE UNIQUE INDEX question_status_token ON question (status_token_hash);
CREATE UNIQUE INDEX question_retry_key ON question (retry_key_hash);
CREATE INDEX question_triage ON question (status, urgent, received_at);
