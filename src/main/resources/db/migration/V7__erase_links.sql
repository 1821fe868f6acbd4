-- Erase links: "delete everything" erases the question she is looking at at once, and mails her
-- address one link that erases every other question sent from it. Her address is not kept here:
-- address_key is HMAC-SHA256 of the lower-cased address keyed by the link's token, so only the
-- holder of the link can match it against the askers' addresses, and a copy of the database
-- cannot be searched for an address.
-- token_hash: SHA-256 of the link's token; the token itself is never stored.
-- mail_id: the outbox row of the mail that carries the link, forgotten when the link is used or expires.
CREATE TABLE erase_link (
    id ${id},
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    address_key VARCHAR(64) NOT NULL,
    language VARCHAR(2) NOT NULL CHECK (language IN ('en', 'es')),
    mail_id BIGINT,
    created_at ${instant} NOT NULL,
    expires_at ${instant} NOT NULL
);
CREATE INDEX erase_link_expires ON erase_link (expires_at);
