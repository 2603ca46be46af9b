-- Door scanning: what a scan row must keep to answer a retried scan with its first verdict.
ALTER TABLE scan ADD COLUMN persons_before integer NOT NULL DEFAULT 0 CHECK (persons_before >= 0);
ALTER TABLE scan ADD COLUMN local_verdict text
    CHECK (local_verdict IN ('ADMITTED', 'ALREADY_USED', 'WRONG_ATTRACTION', 'WRONG_DAY', 'CANCELLED', 'INVALID'));
-- The holder's first name, shown at the door to match the party without showing the whole name.
ALTER TABLE ticket ADD COLUMN holder_first_name text;
CREATE INDEX scan_ticket_admitted_idx ON scan (ticket_id, scanned_at) WHERE verdict = 'ADMITTED';
CREATE INDEX ticket_offer_status_idx ON ticket (offer_id, status);
