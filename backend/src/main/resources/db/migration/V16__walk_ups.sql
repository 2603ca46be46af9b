-- Walk-ups: in the last minutes of an offer's opening hours (the edition's setting; NULL = none), places
-- still free that day are given at the door to eligible residents without a ticket. A walk-up is a ticket
-- issued and admitted in one transaction, so the quota, the live figures and the exports count it like any
-- other: `walk_up` only says where it came from. Its holder is 'walk-up:<the door's id for it>', which makes
-- a retried walk-up find the first one (the unique (holder_subject, idempotency_key)).
ALTER TABLE edition ADD COLUMN walk_up_minutes integer CHECK (walk_up_minutes BETWEEN 1 AND 1440);
ALTER TABLE ticket ADD COLUMN walk_up boolean NOT NULL DEFAULT false;
CREATE INDEX ticket_walk_up_idx ON ticket (offer_id) WHERE walk_up;
