-- Organisers' figures, kept up to date in the same transactions as claims, cancellations and scans,
-- so reading them costs the same with 100 or 1,000,000 tickets. Each figure is spread over a few
-- rows (shard) so that concurrent writers rarely wait on one another; readers sum the shards.

CREATE TABLE offer_counter (
    offer_id          bigint NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    shard             smallint NOT NULL,
    booked_tickets    integer NOT NULL DEFAULT 0,   -- live tickets
    booked_persons    integer NOT NULL DEFAULT 0,   -- persons on live tickets
    cancelled_persons integer NOT NULL DEFAULT 0,
    admitted_persons  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (offer_id, shard)
);

-- Where the residents of each offer come from (cross-border visits).
CREATE TABLE offer_origin_counter (
    offer_id         bigint NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    territory_id     bigint NOT NULL REFERENCES territory (id),
    shard            smallint NOT NULL,
    booked_persons   integer NOT NULL DEFAULT 0,
    admitted_persons integer NOT NULL DEFAULT 0,
    PRIMARY KEY (offer_id, territory_id, shard)
);

-- Persons admitted per attraction and quarter of an hour.
CREATE TABLE arrival_counter (
    attraction_id bigint NOT NULL REFERENCES attraction (id) ON DELETE CASCADE,
    slot_start    timestamptz NOT NULL,
    shard         smallint NOT NULL,
    persons       integer NOT NULL DEFAULT 0,
    PRIMARY KEY (attraction_id, slot_start, shard)
);

-- Scans per attraction, day and verdict, with offline conflicts.
CREATE TABLE verdict_counter (
    attraction_id bigint NOT NULL REFERENCES attraction (id) ON DELETE CASCADE,
    day           date NOT NULL,
    verdict       text NOT NULL,
    shard         smallint NOT NULL,
    scans         integer NOT NULL DEFAULT 0,
    conflicts     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (attraction_id, day, verdict, shard)
);

-- Rows written before this migration are counted once, into shard 0.
INSERT INTO offer_counter (offer_id, shard, booked_tickets, booked_persons, cancelled_persons, admitted_persons)
SELECT offer_id, 0,
       count(*) FILTER (WHERE status = 'ACTIVE'),
       coalesce(sum(party_size) FILTER (WHERE status = 'ACTIVE'), 0),
       coalesce(sum(party_size) FILTER (WHERE status = 'CANCELLED'), 0),
       0
FROM ticket GROUP BY offer_id;
UPDATE offer_counter c SET admitted_persons = s.persons
FROM (SELECT t.offer_id, sum(s.persons_admitted) AS persons FROM scan s JOIN ticket t ON t.id = s.ticket_id
      WHERE s.verdict = 'ADMITTED' GROUP BY t.offer_id) s
WHERE c.offer_id = s.offer_id AND c.shard = 0;
INSERT INTO offer_origin_counter (offer_id, territory_id, shard, booked_persons, admitted_persons)
SELECT offer_id, holder_territory_id, 0, coalesce(sum(party_size) FILTER (WHERE status = 'ACTIVE'), 0), sum(persons_admitted)
FROM ticket WHERE holder_territory_id IS NOT NULL GROUP BY offer_id, holder_territory_id;
INSERT INTO arrival_counter (attraction_id, slot_start, shard, persons)
SELECT attraction_id, to_timestamp(floor(extract(epoch FROM scanned_at) / 900) * 900), 0, sum(persons_admitted)
FROM scan WHERE verdict = 'ADMITTED' GROUP BY 1, 2;
INSERT INTO verdict_counter (attraction_id, day, verdict, shard, scans, conflicts)
SELECT attraction_id, (scanned_at AT TIME ZONE 'Europe/Paris')::date, verdict, 0, count(*), count(*) FILTER (WHERE conflict)
FROM scan GROUP BY 1, 2, 3;
