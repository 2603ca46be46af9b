-- The demo's 2010 replays run at the backend's first start, in thousands of small transactions (through the
-- same services as real claims and scans), for one to several minutes. A backend stopped in the middle left
-- a half-replayed edition that looked finished (it had tickets) and was never replayed. An edition's replay
-- now counts as done only once this row says so; an edition with tickets and no row is thrown away and
-- replayed at the next start (DemoReplays).
CREATE TABLE demo_replay (
    edition_id   bigint PRIMARY KEY REFERENCES edition (id) ON DELETE CASCADE,
    completed_at timestamptz NOT NULL DEFAULT now()
);
