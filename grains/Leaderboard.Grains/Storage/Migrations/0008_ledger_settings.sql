-- Settings the journal was written with and that a node must share to read it. 'shards': the number of ledger shards
-- (Leaderboard:Ledger:Shards); each journaled event records its shard, so a node with another count would route
-- dossiers to shards that do not hold them and show wrong numbers. Recorded by the first node to start.
CREATE TABLE IF NOT EXISTS ledger_settings
(
    name  text PRIMARY KEY,
    value text NOT NULL
);
