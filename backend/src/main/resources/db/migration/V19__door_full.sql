-- DOOR_FULL (issue 14): an offer may hold tickets for more persons than its capacity (overbooking, V14), so
-- a door can be full while ticket holders still arrive. An online scan that would take the persons admitted
-- for the offer (its day) beyond the capacity admits nobody and says DOOR_FULL (scan/ScanService). The rule is
-- enforced under the offer's row lock (FOR NO KEY UPDATE), taken only for offers with an allowance > 0 (the
-- only ones whose booked persons can exceed the capacity: OverbookingService keeps allowance >= booked -
-- capacity), then the admitted persons counted afresh from the tickets: ordinary offers' scans take no
-- extra lock. Offline admissions (the door already let them in) are recorded even beyond the capacity.
ALTER TABLE scan DROP CONSTRAINT scan_verdict_check;
ALTER TABLE scan ADD CONSTRAINT scan_verdict_check CHECK (verdict IN
    ('ADMITTED', 'ALREADY_USED', 'WRONG_ATTRACTION', 'WRONG_DAY', 'CANCELLED', 'INVALID', 'TOO_MANY_PERSONS', 'BAD_SCAN_TIME',
     'DOOR_FULL'));
ALTER TABLE scan DROP CONSTRAINT scan_local_verdict_check;
ALTER TABLE scan ADD CONSTRAINT scan_local_verdict_check CHECK (local_verdict IN
    ('ADMITTED', 'ALREADY_USED', 'WRONG_ATTRACTION', 'WRONG_DAY', 'CANCELLED', 'INVALID', 'TOO_MANY_PERSONS', 'BAD_SCAN_TIME',
     'DOOR_FULL'));

-- Door-full scans per offer, for the dashboard and the stats CSV, kept with the offer's other figures
-- (stats/LiveCounters, sharded like them; written only by door-full scans).
ALTER TABLE offer_counter ADD COLUMN door_full_scans integer NOT NULL DEFAULT 0;
