-- Ballot (issue 13), API part: the organiser's settings, the secret seed and its commitment, what an
-- application remembers of its applicant (for the result mail and the duplicates review), the frozen
-- snapshot and the draw, and a generic waiting list (issue 14 reuses it).

ALTER TABLE edition
    ADD COLUMN public_value_source text,
    ADD COLUMN ballot_seed         bytea CONSTRAINT edition_ballot_seed_length CHECK (octet_length(ballot_seed) = 32),
    ADD COLUMN ballot_commitment   text;

ALTER TABLE ballot_application
    ADD COLUMN holder_username     text,
    ADD COLUMN holder_name         text,
    ADD COLUMN holder_first_name   text,
    ADD COLUMN holder_postcode     text,
    ADD COLUMN holder_email        text,
    ADD COLUMN holder_language     text,
    ADD COLUMN disqualified_reason text,
    ADD COLUMN disqualified_by     text,
    ADD COLUMN disqualified_at     timestamptz,
    ADD COLUMN ticket_id           bigint REFERENCES ticket (id),
    ADD COLUMN won_offer_id        bigint REFERENCES offer (id);
-- A disqualified application stays (the draw report counts it) but takes no part in the draw.
ALTER TABLE ballot_application DROP CONSTRAINT ballot_application_status_check;
ALTER TABLE ballot_application ADD CONSTRAINT ballot_application_status_check
    CHECK (status IN ('SUBMITTED', 'WON', 'WAITLISTED', 'WITHDRAWN', 'DISQUALIFIED'));
CREATE UNIQUE INDEX ballot_application_idempotency ON ballot_application (holder_subject, idempotency_key);

-- One row per ballot edition once its window has closed: the frozen snapshot (canonical JSON, see
-- BallotSnapshot) and its hash; then the draw's public value, result and report.
CREATE TABLE ballot_draw (
    edition_id    bigint PRIMARY KEY REFERENCES edition (id) ON DELETE CASCADE,
    snapshot_json text NOT NULL,
    snapshot_hash text NOT NULL,
    frozen_at     timestamptz NOT NULL DEFAULT now(),
    algorithm     text,
    public_value  text,
    result_json   text,
    result_hash   text,
    report        jsonb,
    drawn_at      timestamptz,
    drawn_by      text,
    CONSTRAINT ballot_draw_complete CHECK (drawn_at IS NULL OR (result_json IS NOT NULL AND result_hash IS NOT NULL
                                                                AND public_value IS NOT NULL AND report IS NOT NULL))
);

-- Who waits for a place at an offer, in order: the ballot's losers now, people joining later (issue 14).
CREATE TABLE waitlist_entry (
    id             bigserial PRIMARY KEY,
    offer_id       bigint NOT NULL REFERENCES offer (id),
    position       integer NOT NULL CONSTRAINT waitlist_entry_position_check CHECK (position > 0),
    holder_subject text NOT NULL,
    party_size     integer NOT NULL CONSTRAINT waitlist_entry_party_check CHECK (party_size > 0),
    source         text NOT NULL CONSTRAINT waitlist_entry_source_check CHECK (source IN ('BALLOT', 'JOIN')),
    application_id bigint REFERENCES ballot_application (id) ON DELETE CASCADE,
    status         text NOT NULL DEFAULT 'WAITING' CONSTRAINT waitlist_entry_status_check CHECK (status IN ('WAITING', 'SERVED', 'LEFT')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT waitlist_entry_position_unique UNIQUE (offer_id, position),
    CONSTRAINT waitlist_entry_once UNIQUE (offer_id, holder_subject)
);
CREATE INDEX waitlist_entry_holder_idx ON waitlist_entry (holder_subject);
