-- The SQL work of one claim, nothing else: the ticket row, the resident's allowance, the quota (sliced), one
-- live counter (change notifications are sent apart, coalesced), spread over the bench's offers. Party of 1.
\set offer random(1, :offers)
\set resident random(1, 100000000)
BEGIN;
INSERT INTO ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_postcode, party_size, created_at)
  VALUES (md5(random()::text), :offer, 1, 'bench-' || :resident || '-' || md5(random()::text), 'bench', '62300', 1, now())
  ON CONFLICT DO NOTHING;
INSERT INTO resident_allowance AS a (holder_subject, edition_id, live_tickets) VALUES ('bench-' || :resident, 1, 1)
  ON CONFLICT (holder_subject, edition_id) DO UPDATE SET live_tickets = a.live_tickets + 1 WHERE a.live_tickets < 1000000;
-- the quota: a savepoint and one free slice with room, as OfferQuota.take does in one round trip
SAVEPOINT quota;
WITH pick AS MATERIALIZED (
    SELECT slice FROM offer_quota WHERE offer_id = :offer AND remaining >= 1 ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED),
taken AS (
    UPDATE offer_quota q SET remaining = q.remaining - 1
    FROM pick
    WHERE q.offer_id = :offer AND q.slice = pick.slice AND q.remaining >= 1
    RETURNING q.slice, q.remaining)
SELECT t.slice, t.remaining,
       coalesce(sum(q.remaining) FILTER (WHERE q.slice IS DISTINCT FROM t.slice), 0),
       coalesce(max(q.remaining), 0)
FROM offer_quota q LEFT JOIN taken t ON true WHERE q.offer_id = :offer GROUP BY t.slice, t.remaining;
INSERT INTO offer_counter AS c (offer_id, shard, booked_tickets, booked_persons) VALUES (:offer, :resident % 8, 1, 1)
  ON CONFLICT (offer_id, shard) DO UPDATE SET booked_tickets = c.booked_tickets + 1, booked_persons = c.booked_persons + 1;
COMMIT;
