-- The whole Grand Jour domain. Quotas and admissions are guarded by constraints here, so that no
-- code path (and no concurrent race) can oversell an offer or admit more persons than a party.

CREATE TABLE territory (
    id               bigserial PRIMARY KEY,
    code             text NOT NULL UNIQUE,            -- ISO 3166-2 where it exists: FR-62, FR-59, GB-KEN
    name_fr          text NOT NULL,
    name_en          text NOT NULL,
    country          text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    language         text NOT NULL,
    time_zone        text NOT NULL,
    postcode_pattern text NOT NULL                    -- regex on the upper-cased, trimmed postcode
);

CREATE TABLE edition (
    id                       bigserial PRIMARY KEY,
    slug                     text NOT NULL UNIQUE,
    name                     text NOT NULL,
    time_zone                text NOT NULL,
    first_day                date NOT NULL,
    last_day                 date NOT NULL,
    claim_opens_at           timestamptz NOT NULL,
    claim_closes_at          timestamptz NOT NULL,
    max_tickets_per_resident integer NOT NULL CHECK (max_tickets_per_resident > 0),
    max_party_size           integer NOT NULL CHECK (max_party_size > 0),
    created_at               timestamptz NOT NULL DEFAULT now(),
    CHECK (last_day >= first_day),
    CHECK (claim_closes_at > claim_opens_at)
);

CREATE TABLE edition_territory (
    edition_id   bigint NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    territory_id bigint NOT NULL REFERENCES territory (id),
    PRIMARY KEY (edition_id, territory_id)
);

CREATE TABLE attraction (
    id               bigserial PRIMARY KEY,
    slug             text NOT NULL UNIQUE,
    territory_id     bigint NOT NULL REFERENCES territory (id),
    category         text NOT NULL CHECK (category IN ('MUSEUM', 'HERITAGE', 'NATURE', 'LEISURE', 'SPORT', 'ANIMALS', 'SCIENCE')),
    name_fr          text NOT NULL,
    name_en          text NOT NULL,
    description_fr   text NOT NULL DEFAULT '',
    description_en   text NOT NULL DEFAULT '',
    address          text NOT NULL,
    town             text NOT NULL,
    postcode         text NOT NULL,
    accessibility_fr text NOT NULL DEFAULT '',
    accessibility_en text NOT NULL DEFAULT '',
    active           boolean NOT NULL DEFAULT true
);
CREATE INDEX attraction_territory_idx ON attraction (territory_id);

-- One attraction's free entries for one day of an edition. `remaining` is decremented by claims in
-- the same statement that checks it; the CHECK makes overselling impossible even for buggy callers.
CREATE TABLE offer (
    id            bigserial PRIMARY KEY,
    edition_id    bigint NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    attraction_id bigint NOT NULL REFERENCES attraction (id),
    day           date NOT NULL,
    capacity      integer NOT NULL CHECK (capacity >= 0),
    remaining     integer NOT NULL,
    CONSTRAINT offer_remaining_within_capacity CHECK (remaining BETWEEN 0 AND capacity),
    CONSTRAINT offer_one_per_attraction_day UNIQUE (edition_id, attraction_id, day)
);
CREATE INDEX offer_attraction_idx ON offer (attraction_id);

CREATE TABLE ticket (
    id                  bigserial PRIMARY KEY,
    code                text NOT NULL,
    offer_id            bigint NOT NULL REFERENCES offer (id),
    edition_id          bigint NOT NULL REFERENCES edition (id),   -- copied from the offer: per-edition limits
    holder_subject      text NOT NULL,                             -- the resident's Keycloak subject
    holder_username     text NOT NULL,
    holder_name         text,
    holder_postcode     text NOT NULL,
    holder_territory_id bigint REFERENCES territory (id),
    party_size          integer NOT NULL CHECK (party_size > 0),
    persons_admitted    integer NOT NULL DEFAULT 0,
    status              text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CANCELLED')),
    idempotency_key     text,
    request_fingerprint text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    cancelled_at        timestamptz,
    CONSTRAINT ticket_code_unique UNIQUE (code),
    CONSTRAINT ticket_admitted_within_party CHECK (persons_admitted BETWEEN 0 AND party_size),
    CONSTRAINT ticket_idempotency_unique UNIQUE (holder_subject, idempotency_key)
);
-- At most one live ticket per resident and offer.
CREATE UNIQUE INDEX ticket_one_live_per_offer ON ticket (holder_subject, offer_id) WHERE status = 'ACTIVE';
CREATE INDEX ticket_offer_idx ON ticket (offer_id);
CREATE INDEX ticket_holder_edition_idx ON ticket (holder_subject, edition_id);

-- Which door staff may scan for which attraction (keyed by Keycloak username, as organisers type it).
CREATE TABLE staff_assignment (
    username      text NOT NULL,
    attraction_id bigint NOT NULL REFERENCES attraction (id) ON DELETE CASCADE,
    PRIMARY KEY (username, attraction_id)
);

-- Append-only log of every read of a QR code at a door, whatever its verdict.
CREATE TABLE scan (
    id               bigserial PRIMARY KEY,
    scan_uid         uuid NOT NULL,                 -- chosen by the device: a retried scan is recognised
    ticket_id        bigint REFERENCES ticket (id), -- null when the code could not be read or verified
    attraction_id    bigint NOT NULL REFERENCES attraction (id),
    device_id        text NOT NULL,
    staff_username   text NOT NULL,
    verdict          text NOT NULL CHECK (verdict IN ('ADMITTED', 'ALREADY_USED', 'WRONG_ATTRACTION', 'WRONG_DAY', 'CANCELLED', 'INVALID')),
    persons_admitted integer NOT NULL DEFAULT 0 CHECK (persons_admitted >= 0),
    conflict         boolean NOT NULL DEFAULT false,
    offline          boolean NOT NULL DEFAULT false,
    scanned_at       timestamptz NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT scan_uid_unique UNIQUE (scan_uid)
);
CREATE INDEX scan_ticket_idx ON scan (ticket_id);
CREATE INDEX scan_attraction_time_idx ON scan (attraction_id, scanned_at);
