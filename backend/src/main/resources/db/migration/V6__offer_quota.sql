-- An offer's free places, split over a few quota rows (slices) so that concurrent claims on one
-- popular offer do not all queue on one row lock. A claim takes its whole party from one slice in one
-- conditional UPDATE; the CHECK makes overselling impossible even for buggy callers. The places left
-- of an offer are the sum of its slices: `offer.remaining` is gone, so no copy can drift.
CREATE TABLE offer_quota (
    offer_id  bigint NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    slice     smallint NOT NULL CHECK (slice >= 0),
    remaining integer NOT NULL,
    CONSTRAINT offer_quota_not_negative CHECK (remaining >= 0),
    PRIMARY KEY (offer_id, slice)
);

-- How many slices an offer of this capacity gets: up to 8, none smaller than 32 places (a few of the
-- largest parties), so that a slice seldom lacks room for a party while others have some.
CREATE FUNCTION offer_quota_slices(capacity integer) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT greatest(1, least(8, capacity / 32)) $$;

-- Slices 0..n-1 sharing `places` as evenly as can be (the first ones get the remainder).
CREATE FUNCTION offer_quota_fill(offer bigint, places integer, slices integer) RETURNS void
    LANGUAGE sql AS $$
    INSERT INTO offer_quota (offer_id, slice, remaining)
    SELECT offer, s, places / slices + CASE WHEN s < places % slices THEN 1 ELSE 0 END
    FROM generate_series(0, slices - 1) s
$$;

SELECT offer_quota_fill(id, remaining, offer_quota_slices(capacity)) FROM offer;

ALTER TABLE offer DROP COLUMN remaining;

-- Every new offer starts with all its places free, however it is inserted.
CREATE FUNCTION offer_quota_on_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM offer_quota_fill(NEW.id, NEW.capacity, offer_quota_slices(NEW.capacity));
    RETURN NULL;
END $$;
CREATE TRIGGER offer_quota_on_insert AFTER INSERT ON offer FOR EACH ROW EXECUTE FUNCTION offer_quota_on_insert();
