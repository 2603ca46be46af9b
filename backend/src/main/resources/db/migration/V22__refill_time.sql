-- Refill time (issue 14, dashboard): how long, in the server, from the start of the transaction that gave
-- places back (a release, a capacity or allowance increase) to the ticket that served this entry. The
-- refill runs in that transaction, so this is the whole release-to-ticket time but the commit.
ALTER TABLE waitlist_entry ADD COLUMN refill_ms integer
    CONSTRAINT waitlist_entry_refill_ms_range CHECK (refill_ms >= 0);
