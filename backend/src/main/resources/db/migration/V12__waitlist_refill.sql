-- Every free entry used (issue 14): residents join a sold-out offer's waiting list; places that come back
-- (a release, a capacity increase) go at once to the first entries whose whole party fits.

-- Who the entry is for, as their token said when they joined (a ballot's entries read their application),
-- and what it became.
ALTER TABLE waitlist_entry
    ADD COLUMN holder_username     text,
    ADD COLUMN holder_name         text,
    ADD COLUMN holder_first_name   text,
    ADD COLUMN holder_postcode     text,
    ADD COLUMN holder_territory_id bigint REFERENCES territory (id),
    ADD COLUMN holder_email        text,
    ADD COLUMN holder_language     text,
    ADD COLUMN ticket_id           bigint REFERENCES ticket (id),
    ADD COLUMN served_at           timestamptz,
    ADD COLUMN left_at             timestamptz,
    ADD CONSTRAINT waitlist_entry_served_has_ticket CHECK (status <> 'SERVED' OR (ticket_id IS NOT NULL AND served_at IS NOT NULL)),
    ADD CONSTRAINT waitlist_entry_join_has_holder CHECK (source <> 'JOIN' OR (holder_username IS NOT NULL AND holder_postcode IS NOT NULL));

-- One entry is served by one ticket, one ticket serves one entry.
CREATE UNIQUE INDEX waitlist_entry_ticket_once ON waitlist_entry (ticket_id) WHERE ticket_id IS NOT NULL;
-- The refill reads the head of a list.
CREATE INDEX waitlist_entry_waiting ON waitlist_entry (offer_id, position) WHERE status = 'WAITING';
