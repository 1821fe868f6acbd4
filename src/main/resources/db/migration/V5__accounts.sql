-- Accounts: the advisors, editors and admins who sign in, and their server-side sessions.
-- ${id} and ${instant} are filled in per database (see storage/Dialect.java).

-- email: lower-cased by UserRepository, so UNIQUE means one account per address however it is typed.
-- password_hash: an Argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash), never the password.
-- disabled_at: set when an admin turns an account off; a disabled account cannot sign in and its sessions stop working.
CREATE TABLE app_user (
    id ${id},
    email VARCHAR(320) NOT NULL UNIQUE,
    display_name VARCHAR(120) NOT NULL,
    role VARCHAR(10) NOT NULL CHECK (role IN ('ADVISOR', 'EDITOR', 'ADMIN')),
    password_hash VARCHAR(200) NOT NULL,
    created_at ${instant} NOT NULL,
    disabled_at ${instant}
);

-- token_hash: SHA-256 (hex) of the random token in the dearly_session cookie; the token itself is never stored,
-- so a copy of the database signs no one in.
-- expires_at: when the session ends if unused: the earlier of 12 hours after last_seen_at and 7 days after created_at.
CREATE TABLE session (
    id ${id},
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at ${instant} NOT NULL,
    last_seen_at ${instant} NOT NULL,
    expires_at ${instant} NOT NULL
);
CREATE INDEX session_by_user ON session (user_id);
CREATE INDEX session_by_expiry ON session (expires_at);
