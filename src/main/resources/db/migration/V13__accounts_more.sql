-- Accounts, part two (issue 9): several roles per account, links sent by mail, and the lockout mail.
-- ${id} and ${instant} are filled in per database (see storage/Dialect.java).

-- One row per role an account holds: an advisor who is also an admin has two. What each role opens
-- is in accounts/Role.java (an admin may open every staff page; advisor and editor are separate).
CREATE TABLE app_user_role (
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role VARCHAR(10) NOT NULL CHECK (role IN ('ADVISOR', 'EDITOR', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);
INSERT INTO app_user_role (user_id, role) SELECT id, role FROM app_user;
ALTER TABLE app_user DROP COLUMN role;

-- lockout_mailed_at: when the holder was last told that sign-ins to her account were stopped after
-- many attempts; one mail per lockout, however many attempts follow.
ALTER TABLE app_user ADD COLUMN lockout_mailed_at ${instant};

-- The single-use links accounts send: the first admin's setup link (printed by serve), an invitation,
-- a password reset, and the confirmation of a new e-mail address.
-- token_hash: SHA-256 (hex) of the random token in the link; the token itself is never stored.
-- user_id: the account a reset or an e-mail change is for; empty for setup and invitations.
-- email: the invited address, or the new address to confirm; empty for setup and resets.
-- roles: what an invitation grants, comma-separated (ADVISOR,EDITOR); empty otherwise.
-- used_at: set when the link is used; a used or expired link opens nothing.
CREATE TABLE account_link (
    id ${id},
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    purpose VARCHAR(10) NOT NULL CHECK (purpose IN ('SETUP', 'INVITE', 'RESET', 'EMAIL')),
    user_id BIGINT REFERENCES app_user (id) ON DELETE CASCADE,
    email VARCHAR(320),
    roles VARCHAR(40),
    created_at ${instant} NOT NULL,
    expires_at ${instant} NOT NULL,
    used_at ${instant}
);
CREATE INDEX account_link_by_user ON account_link (user_id);
