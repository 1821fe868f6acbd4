-- The desk acts on an urgent question (issue 8): an editor writes to her at once, marks the
-- question handled with a note, and editors are told when one waits too long.
ALTER TABLE question ADD COLUMN handled_at ${instant};
ALTER TABLE question ADD COLUMN handled_by VARCHAR(120);
ALTER TABLE question ADD COLUMN handled_note TEXT;
ALTER TABLE question ADD COLUMN overdue_told_at ${instant};

-- What the editors wrote to her directly, shown on her status page; erased with her question.
CREATE TABLE editor_message (
    id ${id},
    question_id BIGINT NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    sent_at ${instant} NOT NULL
);
CREATE INDEX editor_message_question ON editor_message (question_id);

-- The desk's settings that admins change, by name.
CREATE TABLE desk_setting (
    name VARCHAR(60) PRIMARY KEY,
    value VARCHAR(200) NOT NULL
);
