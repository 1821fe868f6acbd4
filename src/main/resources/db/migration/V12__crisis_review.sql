-- Why a question is urgent, and what editors decided about it (issue 8): each sign the check found
-- with the sentence that showed it, and each false alarm cleared or missed sign raised by an
-- editor, kept as a labelled example an admin can export. Both go with her question when she
-- erases it.
CREATE TABLE crisis_sign (
    id ${id},
    question_id BIGINT NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    kind VARCHAR(40) NOT NULL,
    sentence TEXT NOT NULL,
    layer VARCHAR(10) NOT NULL,
    found_at ${instant} NOT NULL
);
CREATE INDEX crisis_sign_question ON crisis_sign (question_id);

CREATE TABLE crisis_review (
    id ${id},
    question_id BIGINT NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    kind VARCHAR(40) NOT NULL,
    decision VARCHAR(10) NOT NULL CHECK (decision IN ('CLEARED', 'RAISED')),
    words TEXT NOT NULL,
    language VARCHAR(2) NOT NULL,
    decided_by VARCHAR(120) NOT NULL,
    decided_at ${instant} NOT NULL
);
CREATE INDEX crisis_review_question ON crisis_review (question_id);
