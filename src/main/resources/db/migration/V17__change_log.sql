-- What changed in what the public sees (issue 10): every write that publishes, edits, unpublishes or
-- erases appends a row in its own transaction, and each node's search index follows the rows in
-- order, so a letter published on one node is found on every node. Rows are never deleted: on
-- SQLite a deleted last row's id could be given again, and a follower would skip the new one.
CREATE TABLE change_log (
    id ${id},
    kind VARCHAR(20) NOT NULL,
    subject_id BIGINT NOT NULL,
    at ${instant} NOT NULL
);
