-- Which database this is (issue 10): a random name, given once by the first node that asks, that a
-- node's search index records so that an index built from another database is never taken for this
-- one's (a copied data directory, a restored backup of another instance).
CREATE TABLE database_identity (
    id INTEGER PRIMARY KEY,
    name VARCHAR(64) NOT NULL
);
