-- Review and publishing (issue 9): a draft is submitted, reviewed, approved, published now or at a
-- set time; a published letter can be corrected with a note, or unpublished.
-- ${id} and ${instant} are filled in per database (see storage/Dialect.java).

-- publish_at: when an approved draft is to be published (state SCHEDULED); letter_id: the letter it became;
-- approved_by: the editor who approved it (id and name as they were), whom the audit log names for a
-- publication that happens later, on its own.
ALTER TABLE draft ADD COLUMN publish_at ${instant};
ALTER TABLE draft ADD COLUMN approved_by_id BIGINT;
ALTER TABLE draft ADD COLUMN approved_by VARCHAR(120);
ALTER TABLE draft ADD COLUMN letter_id BIGINT REFERENCES letter (id);

-- What editors wrote on a draft: a comment, or changes asked of the advisor (kind CHANGES).
-- Gone with the draft, and so with her question, when she erases everything.
CREATE TABLE draft_note (
    id ${id},
    draft_id BIGINT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    kind VARCHAR(20) NOT NULL,
    body TEXT NOT NULL,
    written_by VARCHAR(120) NOT NULL,
    written_at ${instant} NOT NULL
);
CREATE INDEX draft_note_draft ON draft_note (draft_id);

-- A correction shown on the letter's page, and a letter taken down (its page answers 410).
ALTER TABLE letter ADD COLUMN correction_note TEXT;
ALTER TABLE letter ADD COLUMN corrected_at ${instant};
ALTER TABLE letter ADD COLUMN unpublished_at ${instant};
