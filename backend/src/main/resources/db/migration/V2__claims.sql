-- Claiming: the per-resident limit and the keys that sign QR tickets.

-- Live tickets per resident and edition. A claim increments it with one conditional upsert
-- (... WHERE live_tickets < max), so concurrent claims of one resident cannot pass the limit.
CREATE TABLE resident_allowance (
    holder_subject text NOT NULL,
    edition_id     bigint NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    live_tickets   integer NOT NULL CHECK (live_tickets >= 0),
    PRIMARY KEY (holder_subject, edition_id)
);

-- Ed25519 keys that sign the QR payloads; scanners verify offline with the public half. Kept in
-- the database so every backend instance signs with the same key; `retired_at` lets keys rotate
-- (retired keys still verify old tickets).
CREATE TABLE ticket_signing_key (
    kid         text PRIMARY KEY,
    algorithm   text NOT NULL CHECK (algorithm = 'Ed25519'),
    public_key  bytea NOT NULL,   -- X.509 SubjectPublicKeyInfo (DER)
    private_key bytea NOT NULL,   -- PKCS#8 (DER)
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);
CREATE UNIQUE INDEX ticket_signing_key_one_active ON ticket_signing_key ((retired_at IS NULL)) WHERE retired_at IS NULL;
