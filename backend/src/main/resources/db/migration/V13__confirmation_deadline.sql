-- Every free entry used (issue 14): an organiser may set a confirmation deadline per edition. Tickets not
-- confirmed by (visit day - confirm_days_before) at confirm_at_time, in the edition's zone, get a last
-- warning mail and are then released to the waiting list.
ALTER TABLE edition
    ADD COLUMN confirm_days_before integer
        CONSTRAINT edition_confirm_days_before_range CHECK (confirm_days_before BETWEEN 0 AND 30),
    ADD COLUMN confirm_at_time     time,
    -- both or neither: a deadline needs its day and its time
    ADD CONSTRAINT edition_confirm_deadline_whole CHECK ((confirm_days_before IS NULL) = (confirm_at_time IS NULL));

-- When the last warning went (set before the mail goes, by one conditional UPDATE: once across instances;
-- cleared again when the mail could not be sent, so the next run tries again).
ALTER TABLE ticket ADD COLUMN deadline_warned_at timestamptz;

ALTER TABLE ticket DROP CONSTRAINT ticket_released_via_check,
    ADD CONSTRAINT ticket_released_via_check CHECK (released_via IN ('APP', 'LINK', 'DEADLINE'));

-- The deadline job looks for live, unconfirmed tickets only.
CREATE INDEX ticket_unconfirmed ON ticket (offer_id) WHERE status = 'ACTIVE' AND confirmed_at IS NULL;
