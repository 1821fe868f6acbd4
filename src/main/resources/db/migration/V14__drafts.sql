-- Assigning and drafting (issue 9): an editor gives a question to an advisor, who drafts the letter.
-- ${id} and ${instant} are filled in per database (see storage/Dialect.java).

-- Who the question is assigned to (a staff account), the editor's note to her, and when.
ALTER TABLE question ADD COLUMN assigned_to BIGINT REFERENCES app_user (id);
ALTER TABLE question ADD COLUMN assigned_note TEXT;
ALTER TABLE question ADD COLUMN assigned_at ${instant};
CREATE INDEX question_assigned ON question (assigned_to);

-- The advisor row (her public signature) that a staff account signs with.
ALTER TABLE advisor ADD COLUMN user_id BIGINT REFERENCES app_user (id);
CREATE UNIQUE INDEX advisor_user ON advisor (user_id);

-- The letter being written for a question: one per question, gone with her question when she erases it.
-- version: the number of the revision the draft now holds; a save names the version it was typed on
-- (optimistic concurrency), and a save from an older one is kept aside as a revision, never applied.
-- state: DRAFTING for now; review and publishing add their states (desk.DraftState).
-- topics: the topic ids it is filed under, comma-separated, as a revision keeps them too.
-- Text columns carry no length limit: a draft keeps whatever was typed; limits apply on publishing.
CREATE TABLE draft (
    id ${id},
    question_id BIGINT NOT NULL UNIQUE REFERENCES question (id) ON DELETE CASCADE,
    state VARCHAR(20) NOT NULL,
    version INTEGER NOT NULL,
    headline TEXT NOT NULL,
    standfirst TEXT NOT NULL,
    salutation TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    sign_off TEXT NOT NULL,
    topics TEXT NOT NULL,
    created_at ${instant} NOT NULL,
    updated_at ${instant} NOT NULL
);

-- Every save of a draft, in order (number per draft). kept_aside: a save typed on an older version
-- (a second tab, or after signing in again), kept and offered back instead of overwriting the newer one,
-- until she takes it back or lets it go (settled).
-- saved_by: the colleague's name as it was, so a revision reads the same after an account is gone.
CREATE TABLE draft_revision (
    id ${id},
    draft_id BIGINT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    based_on INTEGER NOT NULL,
    kept_aside BOOLEAN NOT NULL DEFAULT FALSE,
    settled BOOLEAN NOT NULL DEFAULT FALSE,
    headline TEXT NOT NULL,
    standfirst TEXT NOT NULL,
    salutation TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    sign_off TEXT NOT NULL,
    topics TEXT NOT NULL,
    saved_by VARCHAR(120) NOT NULL,
    saved_at ${instant} NOT NULL,
    UNIQUE (draft_id, number)
);
