-- Ballot waiting lists written when first needed, not by the draw (issue 13: the draw of 200,000
-- applications, lists included, in 10 s). A drawn ballot's lists follow from the draw alone: for each
-- offer, the applications left without a place (status WAITLISTED, which only the draw sets and nothing
-- changes afterwards; a ballot_outcome without an offer since V27) that chose it, in draw-position order; the very lists the published result names.
-- Writing all of them in the draw was ~564,000 wide rows and 11.6 s of it. Now the draw writes one row here
-- per offer whose list is not empty, in its own transaction; the first transaction that needs the list
-- (a refill, a resident leaving, a resident's lists, an application's places) deletes the row and writes
-- the entries in the same transaction (WaitlistService.writeBallotList). Deleting the row is the claim: a
-- second writer waits on it, then finds it gone and reads the entries. The dashboard counts a pending list
-- from the applications instead of writing it (StatsService.waitlists).
CREATE TABLE ballot_waitlist_pending (
    offer_id   bigint PRIMARY KEY REFERENCES offer (id),
    -- the list is written only once the draw is stored: the draw's row must exist
    edition_id bigint NOT NULL REFERENCES ballot_draw (edition_id) ON DELETE CASCADE
);
