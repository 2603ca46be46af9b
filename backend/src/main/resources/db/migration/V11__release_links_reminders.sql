-- Every free entry used (issue 14), first part: opening hours, releasing until opening, one-click links
-- in mails, reminders asking holders to confirm or release.

-- An offer's opening hours on its day, in the edition's zone: a ticket can be released until opening.
ALTER TABLE offer
    ADD COLUMN opens_at  time NOT NULL DEFAULT '10:00',
    ADD COLUMN closes_at time NOT NULL DEFAULT '18:00',
    ADD CONSTRAINT offer_opening_hours CHECK (closes_at > opens_at);

-- Where reminders go (as the token said at claim time) and whether the holder said they still come.
ALTER TABLE ticket
    ADD COLUMN holder_email    text,
    ADD COLUMN holder_language text NOT NULL DEFAULT 'en'
        CONSTRAINT ticket_holder_language_check CHECK (holder_language IN ('fr', 'en')),
    ADD COLUMN confirmed_at    timestamptz,
    ADD COLUMN released_via    text
        CONSTRAINT ticket_released_via_check CHECK (released_via IN ('APP', 'LINK'));

-- A link in a mail acts once, without logging in, on one ticket. Only the token's SHA-256 is kept: a
-- copy of the database does not hold working links.
CREATE TABLE ticket_link (
    token_hash bytea PRIMARY KEY CONSTRAINT ticket_link_token_hash_length CHECK (octet_length(token_hash) = 32),
    ticket_id  bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
    action     text NOT NULL CONSTRAINT ticket_link_action_check CHECK (action IN ('RELEASE', 'CONFIRM')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_link_ticket ON ticket_link (ticket_id);

-- One row per reminder sent (or skipped because a nearer one went): the primary key makes a reminder go
-- once, whichever instance's job gets there first.
CREATE TABLE ticket_reminder (
    ticket_id   bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
    days_before integer NOT NULL CONSTRAINT ticket_reminder_days_check CHECK (days_before BETWEEN 0 AND 60),
    sent_at     timestamptz NOT NULL,
    mailed      boolean NOT NULL,
    PRIMARY KEY (ticket_id, days_before)
);
