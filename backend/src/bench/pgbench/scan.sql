-- The SQL work of one admission, nothing else: the scan row, the conditional admission of the party,
-- the verdict, admitted and arrival counters (change notifications are sent apart, coalesced). Each ticket once.
\set ticket random(1, :tickets)
BEGIN;
INSERT INTO scan (scan_uid, ticket_id, attraction_id, device_id, staff_username, verdict, scanned_at)
  VALUES (gen_random_uuid(), :ticket, 1, 'bench', 'bench', 'ADMITTED', now());
UPDATE ticket SET persons_admitted = persons_admitted + 1 WHERE id = :ticket AND status = 'ACTIVE' AND persons_admitted < party_size;
INSERT INTO verdict_counter AS c (attraction_id, day, verdict, shard, scans) VALUES (1, current_date, 'ADMITTED', :ticket % 8, 1)
  ON CONFLICT (attraction_id, day, verdict, shard) DO UPDATE SET scans = c.scans + 1;
INSERT INTO offer_counter AS c (offer_id, shard, admitted_persons) VALUES (1, :ticket % 8, 1)
  ON CONFLICT (offer_id, shard) DO UPDATE SET admitted_persons = c.admitted_persons + 1;
INSERT INTO arrival_counter AS c (attraction_id, slot_start, shard, persons)
  VALUES (1, to_timestamp(floor(extract(epoch FROM now()) / 900) * 900), :ticket % 8, 1)
  ON CONFLICT (attraction_id, slot_start, shard) DO UPDATE SET persons = c.persons + 1;
COMMIT;
