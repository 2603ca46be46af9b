-- Two more door verdicts: more persons asked than the party has left (nobody admitted), and an offline
-- scan whose device time cannot be (before its ticket's day, or after the server's now): kept in the log.
ALTER TABLE scan DROP CONSTRAINT scan_verdict_check;
ALTER TABLE scan ADD CONSTRAINT scan_verdict_check CHECK (verdict IN
    ('ADMITTED', 'ALREADY_USED', 'WRONG_ATTRACTION', 'WRONG_DAY', 'CANCELLED', 'INVALID', 'TOO_MANY_PERSONS', 'BAD_SCAN_TIME'));
ALTER TABLE scan DROP CONSTRAINT scan_local_verdict_check;
ALTER TABLE scan ADD CONSTRAINT scan_local_verdict_check CHECK (local_verdict IN
    ('ADMITTED', 'ALREADY_USED', 'WRONG_ATTRACTION', 'WRONG_DAY', 'CANCELLED', 'INVALID', 'TOO_MANY_PERSONS', 'BAD_SCAN_TIME'));
