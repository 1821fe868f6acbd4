-- Mail: written in the same transaction as what it reports (a question received, a letter published),
-- then sent by MailDispatcher; with no SMTP server configured it waits here for the admin page.
-- recipient_key: the address lower-cased, so "delete everything" finds every row however it was typed.
-- claimed_by / claimed_at: a lease taken by one node before it sends; a node that dies mid-send
-- leaves the mail to another once the lease is stale.
-- text_body / html_body: erased once sent, because they may hold a working status link.
-- last_error: the exception's class only, never the server's reply (it may quote the address).
CREATE TABLE mail_outbox (
    id ${id},
    recipient VARCHAR(320) NOT NULL,
    recipient_key VARCHAR(320) NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT,
    html_body TEXT,
    created_at ${instant} NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at ${instant} NOT NULL,
    claimed_by VARCHAR(100),
    claimed_at ${instant},
    last_error VARCHAR(200),
    sent_at ${instant}
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient_key);
CREATE INDEX mail_outbox_created ON mail_outbox (created_at);
