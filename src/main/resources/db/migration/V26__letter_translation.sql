-- A letter and its translation into the other language (issue 11), linked by an editor: one row each
-- way, so either letter's page finds the other with one lookup. A letter has at most one translation.
CREATE TABLE letter_translation (
    letter_id BIGINT NOT NULL PRIMARY KEY REFERENCES letter (id) ON DELETE CASCADE,
    translation_id BIGINT NOT NULL REFERENCES letter (id) ON DELETE CASCADE
);
CREATE INDEX letter_translation_other ON letter_translation (translation_id);
