-- The SQL work of one claim, nothing else: the ticket row, the resident's allowance, the quota, one
-- live counter (change notifications are sent apart, coalesced), all on one offer row: the
-- single-row baseline that the sliced quota must beat. Party of 1.
\set offer 1
\set resident random(1, 100000000)
BEGIN;
INSERT INTO ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_postcode, party_size, created_at)
  VALUES (md5(random()::text), :offer, 1, 'bench-' || :resident || '-' || md5(random()::text), 'bench', '62300', 1, now())
  ON CONFLICT DO NOTHING;
INSERT INTO resident_allowance AS a (holder_subject, edition_id, live_tickets) VALUES ('bench-' || :resident, 1, 1)
  ON CONFLICT (holder_subject, edition_id) DO UPDATE SET live_tickets = a.live_tickets + 1 WHERE a.live_tickets < 1000000;
-- every claim on one quota row: what claims did before offers were sliced (UPDATE offer ... WHERE id = 1)
UPDATE offer_quota SET remaining = remaining - 1 WHERE offer_id = :offer AND slice = 0 AND remaining >= 1;
INSERT INTO offer_counter AS c (offer_id, shard, booked_tickets, booked_persons) VALUES (:offer, :resident % 8, 1, 1)
  ON CONFLICT (offer_id, shard) DO UPDATE SET booked_tickets = c.booked_tickets + 1, booked_persons = c.booked_persons + 1;
COMMIT;
