-- A letter keeps the byline it was published with, so that reading a letter never reaches into
-- intake's tables. NULL: published before this column existed, and filled in at the next start
-- from the asker's profile; '' once the asker erased everything (or for a letter with no asker).
ALTER TABLE letter ADD COLUMN byline TEXT;
