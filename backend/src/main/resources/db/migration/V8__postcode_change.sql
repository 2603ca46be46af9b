-- A resident's postcode decides eligibility and residents cannot edit it themselves (Keycloak user
-- profile): a change is a request that an organiser approves or rejects.
CREATE TABLE postcode_change (
    id                 bigserial PRIMARY KEY,
    subject            text NOT NULL,                -- Keycloak user id (the token's sub)
    username           text NOT NULL,
    name               text,
    email              text,
    language           text NOT NULL DEFAULT 'en',   -- for the mail telling the decision
    current_postcode   text,
    requested_postcode text NOT NULL,
    status             text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    reason             text,
    requested_at       timestamptz NOT NULL DEFAULT now(),
    decided_at         timestamptz,
    decided_by         text,
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
-- one open request per resident, enforced by the database
CREATE UNIQUE INDEX postcode_change_one_pending ON postcode_change (subject) WHERE status = 'PENDING';
CREATE INDEX postcode_change_status_idx ON postcode_change (status, requested_at);
