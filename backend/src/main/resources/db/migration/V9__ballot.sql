-- Ballot (issue 13), first part: how an edition allocates its places, and the applications. The draw
-- itself lives in org.grandjour.ballot; nothing in the API writes these tables yet.

-- FIRST_COME keeps today's claiming. A BALLOT edition needs its application window and draw time.
ALTER TABLE edition
    ADD COLUMN allocation_mode       text NOT NULL DEFAULT 'FIRST_COME'
        CONSTRAINT edition_allocation_mode_check CHECK (allocation_mode IN ('FIRST_COME', 'BALLOT')),
    ADD COLUMN application_opens_at  timestamptz,
    ADD COLUMN application_closes_at timestamptz,
    ADD COLUMN draw_at               timestamptz,
    ADD COLUMN max_choices           integer NOT NULL DEFAULT 5
        CONSTRAINT edition_max_choices_check CHECK (max_choices BETWEEN 1 AND 20),
    ADD CONSTRAINT edition_ballot_dates CHECK (
        allocation_mode = 'FIRST_COME'
        OR (application_opens_at IS NOT NULL AND application_closes_at IS NOT NULL AND draw_at IS NOT NULL
            AND application_closes_at > application_opens_at AND draw_at >= application_closes_at));

-- Territory shares: a whole percentage of each offer's places held first for the territory's residents.
CREATE TABLE edition_territory_share (
    edition_id   bigint NOT NULL,
    territory_id bigint NOT NULL,
    percent      integer NOT NULL CONSTRAINT edition_territory_share_percent CHECK (percent BETWEEN 1 AND 100),
    PRIMARY KEY (edition_id, territory_id),
    -- only a territory taking part in the edition can hold a share
    CONSTRAINT edition_territory_share_taking_part
        FOREIGN KEY (edition_id, territory_id) REFERENCES edition_territory (edition_id, territory_id) ON DELETE CASCADE
);

-- The shares of an edition add up to 100% at most, whatever writes them (checked at commit, so a
-- transaction may move percentages between territories).
CREATE FUNCTION edition_territory_share_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT coalesce(sum(percent), 0) FROM edition_territory_share WHERE edition_id = NEW.edition_id) > 100 THEN
        RAISE EXCEPTION 'edition_territory_share_total: the shares of edition % exceed 100%%', NEW.edition_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER edition_territory_share_total
    AFTER INSERT OR UPDATE ON edition_territory_share
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION edition_territory_share_total();

-- Lets a choice reference an offer *of the same edition* with a plain foreign key.
ALTER TABLE offer ADD CONSTRAINT offer_id_edition_unique UNIQUE (id, edition_id);

-- One application per resident and edition. `draw_id` is the pseudonymous id published in the
-- snapshot; `draw_position` the random position, set by the draw.
CREATE TABLE ballot_application (
    id                  bigserial PRIMARY KEY,
    edition_id          bigint NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    holder_subject      text NOT NULL,                       -- the resident's Keycloak subject
    holder_territory_id bigint REFERENCES territory (id),
    party_size          integer NOT NULL CONSTRAINT ballot_application_party_check CHECK (party_size > 0),
    any_other_same_day  boolean NOT NULL DEFAULT false,
    status              text NOT NULL DEFAULT 'SUBMITTED'
        CONSTRAINT ballot_application_status_check CHECK (status IN ('SUBMITTED', 'WON', 'WAITLISTED', 'WITHDRAWN')),
    draw_id             text NOT NULL CONSTRAINT ballot_application_draw_id_format CHECK (draw_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    draw_position       integer CONSTRAINT ballot_application_position_check CHECK (draw_position > 0),
    idempotency_key     text,
    request_fingerprint text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ballot_application_one_per_resident UNIQUE (edition_id, holder_subject),
    CONSTRAINT ballot_application_draw_id_unique UNIQUE (edition_id, draw_id),
    CONSTRAINT ballot_application_position_unique UNIQUE (edition_id, draw_position),
    CONSTRAINT ballot_application_id_edition_unique UNIQUE (id, edition_id),
    -- a result needs a position
    CONSTRAINT ballot_application_drawn_has_position CHECK (status NOT IN ('WON', 'WAITLISTED') OR draw_position IS NOT NULL)
);

-- Ranked choices, 1 = best: offers of the application's own edition, each at most once.
CREATE TABLE ballot_choice (
    application_id bigint NOT NULL,
    edition_id     bigint NOT NULL,
    rank           integer NOT NULL CONSTRAINT ballot_choice_rank_check CHECK (rank BETWEEN 1 AND 20),
    offer_id       bigint NOT NULL,
    PRIMARY KEY (application_id, rank),
    CONSTRAINT ballot_choice_offer_once UNIQUE (application_id, offer_id),
    FOREIGN KEY (application_id, edition_id) REFERENCES ballot_application (id, edition_id) ON DELETE CASCADE,
    CONSTRAINT ballot_choice_offer_of_edition FOREIGN KEY (offer_id, edition_id) REFERENCES offer (id, edition_id)
);
CREATE INDEX ballot_choice_offer_idx ON ballot_choice (offer_id);
