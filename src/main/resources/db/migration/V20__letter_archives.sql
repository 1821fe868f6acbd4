-- Archives in and out (issue 10): letters brought from another archive keep where they came from.
-- ${id} is filled in per database (see storage/Dialect.java).

-- external_id: the item's id in the archive it came from (a JSONL line's external_id, a WordPress
-- post's guid); importing it again updates this letter. NULL for letters written on Dearly.
-- source_url, attribution, license: where it was first published, whom to credit and under which
-- licence (an SPDX id such as CC-BY-4.0, or the archive's own words); '' when there is none.
ALTER TABLE letter ADD COLUMN external_id VARCHAR(500);
ALTER TABLE letter ADD COLUMN source_url VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE letter ADD COLUMN attribution VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE letter ADD COLUMN license VARCHAR(200) NOT NULL DEFAULT '';
CREATE UNIQUE INDEX letter_external_id ON letter (external_id);

-- The addresses an imported letter had on its old site (a WordPress post's permalink path, decoded,
-- without its trailing slash), each answered with a permanent redirect to the letter.
CREATE TABLE letter_redirect (
    id ${id},
    old_path VARCHAR(2000) NOT NULL UNIQUE,
    letter_id BIGINT NOT NULL REFERENCES letter (id) ON DELETE CASCADE
);
CREATE INDEX letter_redirect_letter ON letter_redirect (letter_id);
