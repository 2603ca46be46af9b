-- The ballot draw writes every loser's waiting-list entries at once (issue 13: ~570,000 rows for 200,000
-- applications), and each index is paid once per row. Two of the five were redundant:
-- * waitlist_entry_waiting (offer_id, position) WHERE status = 'WAITING' repeats waitlist_entry_position_unique
--   (offer_id, position), which serves the refill's head-of-list scan and the per-offer counts as well
--   (the few served or left entries ahead are filtered on the way);
-- * waitlist_entry_holder_idx (holder_subject) is covered by the once-per-list uniqueness turned round:
--   (holder_subject, offer_id) still refuses a second entry of a resident on a list (ON CONFLICT
--   (offer_id, holder_subject) infers it: the column set is the same) and finds a resident's entries.
ALTER TABLE waitlist_entry
    DROP CONSTRAINT waitlist_entry_once,
    ADD CONSTRAINT waitlist_entry_once UNIQUE (holder_subject, offer_id);
DROP INDEX waitlist_entry_holder_idx;
DROP INDEX waitlist_entry_waiting;
