-- Advisors' portraits (issue 9, item 7), kept in the database so every node behind a load balancer
-- serves the same one. Only what Dearly wrote is stored: a square JPEG re-encoded from the pixels
-- of her upload (no EXIF, no GPS). Its address names its SHA-256, so it can be cached for good.
-- BYTEA is PostgreSQL's byte type; SQLite takes any type name and keeps a byte array as a BLOB.
CREATE TABLE advisor_photo (
    fingerprint VARCHAR(64) PRIMARY KEY,
    advisor_id BIGINT NOT NULL REFERENCES advisor (id),
    jpeg BYTEA NOT NULL,
    created_at ${instant} NOT NULL
);
CREATE INDEX advisor_photo_advisor ON advisor_photo (advisor_id);
