-- The draw's result per application in a narrow table of its own (issue 13: the draw of 200,000
-- applications in 10 s). Writing it into ballot_application was one UPDATE of 200,000 wide rows, each
-- new version entered in the table's six indexes and its two result foreign keys checked: 5.8 s of the
-- draw (7.8 s against 3.6 s for these rows, measured in psql under load). The application row now holds
-- what the resident did (SUBMITTED, WITHDRAWN) or the organisers (DISQUALIFIED); the draw's outcome
-- (position, WON or WAITLISTED) is here, one row per drawn application, written once by the draw.
CREATE TABLE ballot_outcome (
    application_id bigint PRIMARY KEY,
    edition_id     bigint NOT NULL,
    position       integer NOT NULL CONSTRAINT ballot_outcome_position_check CHECK (position > 0),
    won_offer_id   bigint REFERENCES offer (id),
    ticket_id      bigint REFERENCES ticket (id),
    -- the result mail is owed until then (sent, or none: no address); BallotResultMails sends owed ones
    -- after the draw's commit and on a schedule, so a backend stopped after the draw loses none
    result_mailed_at timestamptz,
    -- an application of this very edition
    FOREIGN KEY (application_id, edition_id) REFERENCES ballot_application (id, edition_id) ON DELETE CASCADE,
    -- one application per position of an edition's draw
    CONSTRAINT ballot_outcome_position_unique UNIQUE (edition_id, position),
    -- a winner has its ticket, a loser neither
    CONSTRAINT ballot_outcome_won_has_ticket CHECK ((won_offer_id IS NULL) = (ticket_id IS NULL))
);

-- an edition's result mails all settled: the job no longer looks at its outcomes
ALTER TABLE ballot_draw ADD COLUMN result_mails_done_at timestamptz;

-- draws made before this migration keep their outcomes (their mails went from memory then)
INSERT INTO ballot_outcome (application_id, edition_id, position, won_offer_id, ticket_id, result_mailed_at)
SELECT a.id, a.edition_id, a.draw_position, a.won_offer_id, a.ticket_id, d.drawn_at
FROM ballot_application a JOIN ballot_draw d ON d.edition_id = a.edition_id WHERE a.draw_position IS NOT NULL;
UPDATE ballot_draw SET result_mails_done_at = drawn_at WHERE drawn_at IS NOT NULL;
UPDATE ballot_application SET status = 'SUBMITTED' WHERE status IN ('WON', 'WAITLISTED');

ALTER TABLE ballot_application
    DROP CONSTRAINT ballot_application_drawn_has_position,
    DROP CONSTRAINT ballot_application_status_check,
    DROP COLUMN draw_position,
    DROP COLUMN won_offer_id,
    DROP COLUMN ticket_id,
    ADD CONSTRAINT ballot_application_status_check CHECK (status IN ('SUBMITTED', 'WITHDRAWN', 'DISQUALIFIED'));
